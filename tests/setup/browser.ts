import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

let browser: Promise<Browser> | null = null;

/** Debian's Chromium, launched once per test file with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  browser ??= (async () => {
    const b = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
      ],
    });
    afterAll(() => b.close());
    return b;
  })();
  return browser;
}

/** A fresh browser profile (cookies, storage) for one person in a journey. */
export async function newPerson(baseURL: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const b = await launchBrowser();
  // Reduced motion: axe must not judge colours halfway through a fade-in.
  const context = await b.newContext({ baseURL, viewport, locale: "en-GB", timezoneId: "Europe/Brussels", reducedMotion: "reduce" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchHydration(page);
  return { context, page };
}

/**
 * React's production build reports a page whose server HTML did not match what the browser
 * rendered as minified errors 418–425 (it then throws the server HTML away and renders again:
 * a flash, lost focus and typing). Any such report fails the next accessibility check.
 */
const HYDRATION_ERROR = /Minified React error #(418|419|421|422|423|425)\b|hydrat/i;
const hydrationErrors = new WeakMap<Page, string[]>();

function watchHydration(page: Page) {
  const seen: string[] = [];
  hydrationErrors.set(page, seen);
  page.on("console", (message) => {
    if (message.type() === "error" && HYDRATION_ERROR.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (HYDRATION_ERROR.test(String(error))) seen.push(`${page.url()}: ${error}`);
  });
}

/** Runs axe (WCAG 2.1 A and AA rules) on the page and fails on serious or critical violations (and on any hydration error so far). */
export async function expectAccessible(page: Page, label = page.url()) {
  expect(hydrationErrors.get(page) ?? [], `hydration errors up to ${label}`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Saves a screenshot under tests/.tmp/screens for a person to look at. */
export async function screenshot(page: Page, name: string) {
  const dir = path.join(process.cwd(), "tests", ".tmp", "screens");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export const tmpProfileDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "mieux-chromium-"));
