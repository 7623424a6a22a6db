import crypto from "node:crypto";

/**
 * A small stand-in for a browser: keeps cookies, sends the Origin header browsers send on
 * form posts, does not follow redirects (tests look at them), and has its own client IP.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly ip = `10.${rand()}.${rand()}.${rand()}`;
  constructor(readonly baseUrl: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { origin?: string | null } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    headers.set("X-Forwarded-For", this.ip);
    if (init.method && init.method !== "GET" && init.origin !== null) headers.set("Origin", init.origin ?? this.baseUrl);
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.store(res);
    return res;
  }

  get(path: string, init: RequestInit = {}) {
    return this.request(path, { ...init, method: "GET" });
  }

  /** Posts a form as a browser would (application/x-www-form-urlencoded). */
  post(path: string, form: Record<string, string>, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, { ...init, method: "POST", body: new URLSearchParams(form) });
  }

  /** GET, following redirects, returning the final response and its HTML. */
  async page(path: string): Promise<{ res: Response; html: string; url: string }> {
    let url = path;
    for (let i = 0; i < 5; i++) {
      const res = await this.get(url);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        url = location;
        continue;
      }
      return { res, html: await res.text(), url };
    }
    throw new Error(`Too many redirects from ${path}`);
  }
}

function rand() {
  return crypto.randomInt(1, 254);
}

/** Visible text of an HTML page, with tags stripped, for "the user sees X" assertions. */
export function visibleText(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
