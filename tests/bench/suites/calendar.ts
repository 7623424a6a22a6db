/**
 * Morning Coffee and calendar benchmarks (docs/performance.md):
 *  - the public calendar feed with 500 sessions: < 20 ms per request (cold: right after a change,
 *    warm: cached body, and a 304 revalidation);
 *  - the Morning Coffee page: ≥ 300 req/s and p99 ≤ 150 ms at 50 connections, and its ratio to
 *    /healthz measured on the same server in the same run.
 */
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { load } from "../http-load.ts";
import { median, percentile, startAppProcess, type BenchResult, type BenchSuite } from "../lib.ts";


const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

export function seedCoffees(file: string, sessions: number) {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(
    `INSERT INTO MorningCoffee (id, slug, title, summary, description, agenda, startsAt, durationMinutes, timezone, status, qaMode, sequence, meetingUrl, createdAt, updatedAt, publishedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, 90, 'Europe/Brussels', ?, 'moderated', 0, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  const tx = db.transaction(() => {
    for (let i = 0; i < sessions; i++) {
      const startsAt = new Date(now + (i - sessions / 2) * 7 * 24 * 3600_000);
      insert.run(
        crypto.randomUUID(),
        `bench-coffee-${i}`,
        `Morning Coffee ${i}: Action Spotlight, Q&A; and more`,
        "An Action Spotlight and a live Q&A with the speakers.",
        "Highlights and achievements of the Action, and the migration context of the featured country. ".repeat(4),
        "10:00 Welcome\n10:10 Action Spotlight\n10:40 Q&A\n11:25 Closing",
        iso(startsAt),
        startsAt.getTime() < now ? "held" : "published",
        `https://meet.example.org/${i}`,
        iso(new Date(now)),
        iso(new Date(now)),
        iso(new Date(now)),
      );
    }
  });
  tx();
  // The page under test: a full session with Spotlights and speakers.
  const page = db.prepare("SELECT id FROM MorningCoffee WHERE slug = ?").get(`bench-coffee-${sessions - 1}`) as { id: string };
  const spot = db.prepare("INSERT INTO Spotlight (id, slug, title, country, highlights, migrationContext, status, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 'published', ?)");
  const link = db.prepare("INSERT INTO CoffeeSpotlight (coffeeId, spotlightId, position) VALUES (?, ?, ?)");
  const speaker = db.prepare("INSERT INTO CoffeeSpeaker (id, coffeeId, name, role, position) VALUES (?, ?, ?, ?, ?)");
  ["CM", "GE", "UG"].forEach((c, i) => {
    const id = crypto.randomUUID();
    spot.run(id, `bench-spotlight-${c.toLowerCase()}-${id.slice(0, 8)}`, `Action Spotlight ${c}`, c, "Highlights. ".repeat(20), "Context. ".repeat(20), Date.now());
    link.run(page.id, id, i);
  });
  ["Speaker One", "Speaker Two", "Speaker Three"].forEach((n, i) => speaker.run(crypto.randomUUID(), page.id, n, "Expert", i));
  return { db, pageSlug: `bench-coffee-${sessions - 1}` };
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  return { ms: performance.now() - t0, res, body };
}

const suite: BenchSuite = {
  name: "calendar",
  description: "public calendar feed with 500 Morning Coffees; the Morning Coffee page under autocannon",
  async run({ quick }) {
    const app = await startAppProcess({ name: "bench-calendar", env: { JOBS: "0" } });
    const results: BenchResult[] = [];
    try {
      const { db, pageSlug } = seedCoffees(app.databaseUrl.replace(/^file:/, ""), 500);
      const feedUrl = `${app.url}/calendar/public.ics`;
      const first = await timed(feedUrl);
      const events = (first.body.match(/BEGIN:VEVENT/g) ?? []).length;
      if (events !== 500) throw new Error(`expected 500 events in the feed, got ${events}`);
      console.log(`  feed: ${Math.round(first.body.length / 1024)} KiB, 500 events`);

      // Cold: a session changed just before each request, so the feed is rebuilt.
      const touch = db.prepare("UPDATE MorningCoffee SET updatedAt = ? WHERE slug = 'bench-coffee-0'");
      const cold: number[] = [];
      for (let i = 0; i < (quick ? 20 : 60); i++) {
        touch.run(iso(new Date(Date.now() + i)));
        cold.push((await timed(feedUrl)).ms);
      }
      // Warm: nothing changed; one aggregate query confirms the cached text.
      const warm: number[] = [];
      for (let i = 0; i < (quick ? 50 : 300); i++) warm.push((await timed(feedUrl)).ms);
      const etag = first.res.headers.get("etag") ?? "";
      const current = await timed(feedUrl);
      const revalidate: number[] = [];
      for (let i = 0; i < (quick ? 50 : 200); i++) {
        const r = await timed(feedUrl, { "If-None-Match": current.res.headers.get("etag") ?? etag });
        if (r.res.status !== 304) throw new Error(`expected 304, got ${r.res.status}`);
        revalidate.push(r.ms);
      }
      const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
      results.push(
        { suite: "calendar", metric: "public feed, 500 sessions, rebuilt (median)", value: median(cold), unit: "ms/request", target: "< 20", pass: median(cold) < 20 },
        { suite: "calendar", metric: "public feed, 500 sessions, rebuilt (p95)", value: percentile(sorted(cold), 95), unit: "ms/request" },
        { suite: "calendar", metric: "public feed, 500 sessions, unchanged (median)", value: median(warm), unit: "ms/request", target: "< 20", pass: median(warm) < 20 },
        { suite: "calendar", metric: "public feed, 500 sessions, unchanged (p99)", value: percentile(sorted(warm), 99), unit: "ms/request" },
        { suite: "calendar", metric: "public feed, If-None-Match → 304 (median)", value: median(revalidate), unit: "ms/request" },
      );
      db.close();

      const duration = quick ? 5 : 10;
      const pageUrl = `${app.url}/sessions/${pageSlug}`;
      const check = await fetch(pageUrl);
      if (check.status !== 200) throw new Error(`the Morning Coffee page answered ${check.status}`);
      await load(pageUrl, { connections: 10, seconds: 2 }); // warm up
      const page = await load(pageUrl, { seconds: duration });
      const health = await load(`${app.url}/healthz`, { seconds: duration });
      const trivialRemix = await load(`${app.url}/robots.txt`, { seconds: duration });
      // A minimal Remix page (root loader, layout, no queries of its own) on the same server.
      const login = await load(`${app.url}/login`, { seconds: duration });
      const ratio = page.rps / trivialRemix.rps;
      results.push(
        { suite: "calendar", metric: "Morning Coffee page throughput (50 connections)", value: page.rps, unit: "req/s", target: "≥ 300", pass: page.rps >= 300 },
        { suite: "calendar", metric: "Morning Coffee page p99 latency", value: page.p99, unit: "ms", target: "≤ 150", pass: page.p99 <= 150 },
        { suite: "calendar", metric: "Morning Coffee page p99 incl. opening 50 connections", value: page.p99WithStart, unit: "ms" },
        { suite: "calendar", metric: "/healthz throughput (Express only)", value: health.rps, unit: "req/s" },
        { suite: "calendar", metric: "/robots.txt throughput (trivial Remix route)", value: trivialRemix.rps, unit: "req/s" },
        { suite: "calendar", metric: "Morning Coffee page ÷ /robots.txt", value: ratio, unit: "ratio", target: "≥ 0.5 of a trivial route", pass: ratio >= 0.5 },
        { suite: "calendar", metric: "Morning Coffee page ÷ /healthz", value: page.rps / health.rps, unit: "ratio" },
        { suite: "calendar", metric: "/login page throughput (same server, same run)", value: login.rps, unit: "req/s" },
        { suite: "calendar", metric: "Morning Coffee page ÷ /login page", value: page.rps / login.rps, unit: "ratio" },
        { suite: "calendar", metric: "Morning Coffee page errors / non-2xx", value: page.errors + page.non2xx, unit: "count", pass: page.errors + page.non2xx === 0 },
      );
    } finally {
      await app.stop();
    }
    return results;
  },
};

export default suite;
