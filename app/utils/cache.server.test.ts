import { describe, expect, it } from "vitest";
import { CACHES, createCaches, type CacheSpec } from "./cache.server.ts";

const REGISTRY = {
  pages: { holds: "test pages", max: 3, ttlMs: 1_000, check: "database", invalidated: "test" },
  blocks: { holds: "test blocks", max: 2, ttlMs: 0, check: "key", invalidated: "test" },
  brief: { holds: "test brief reads", max: 10, ttlMs: 500, check: "ttl", invalidated: "test" },
} satisfies Record<string, CacheSpec>;

function setup(disabled: string[] = []) {
  const clock = { now: 1_000 };
  const db = { version: "v1" };
  const caches = createCaches(REGISTRY, { now: () => clock.now, version: async () => db.version, disabled: new Set(disabled) });
  let loads = 0;
  const load = (value: string) => async () => {
    loads++;
    return value;
  };
  return { clock, db, caches, load, loads: () => loads };
}

describe("the cache registry", () => {
  it("lists every cache with what it holds, a size bound and how it is checked", () => {
    for (const [name, spec] of Object.entries(CACHES)) {
      expect(spec.holds, name).not.toBe("");
      expect(spec.invalidated, name).not.toBe("");
      expect(spec.max, name).toBeGreaterThan(0);
      // Only caches whose key cannot go stale may live without a TTL.
      if (spec.check !== "key") expect(spec.ttlMs, name).toBeGreaterThan(0);
    }
  });
});

describe("createCaches", () => {
  it("serves a kept value until the database version moves", async () => {
    const { caches, db, load, loads } = setup();
    expect(await caches.get("pages", "home", load("a"))).toBe("a");
    expect(await caches.get("pages", "home", load("b"))).toBe("a");
    expect(loads()).toBe(1);
    db.version = "v2"; // a commit, by this process or another one
    expect(await caches.get("pages", "home", load("c"))).toBe("c");
    expect(loads()).toBe(2);
  });

  it("asks for the database version once for reads started in the same tick", async () => {
    let asked = 0;
    const caches = createCaches(REGISTRY, { version: async () => `v${++asked}` });
    await Promise.all([caches.get("pages", "a", async () => 1), caches.get("pages", "b", async () => 2)]);
    expect(asked).toBe(1);
    await caches.get("pages", "a", async () => 3);
    expect(asked).toBe(2);
  });

  it("forgets a value when its TTL has passed, by the injected clock", async () => {
    const { caches, clock, load } = setup();
    await caches.get("pages", "home", load("a"));
    clock.now += 999;
    expect(await caches.get("pages", "home", load("b"))).toBe("a");
    clock.now += 2;
    expect(await caches.get("pages", "home", load("c"))).toBe("c");
    // A shorter TTL for one entry.
    await caches.get("brief", "x", load("d"), { ttlMs: 100 });
    clock.now += 101;
    expect(await caches.get("brief", "x", load("e"))).toBe("e");
  });

  it("keeps at most `max` entries, dropping the least recently used", () => {
    const { caches } = setup();
    caches.getSync("blocks", "a", () => 1);
    caches.getSync("blocks", "b", () => 2);
    caches.getSync("blocks", "a", () => 0); // a is used again
    caches.getSync("blocks", "c", () => 3);
    expect(caches.size("blocks")).toBe(2);
    expect(caches.peek("blocks", "a")).toBe(1);
    expect(caches.peek("blocks", "b")).toBeUndefined();
  });

  it("forgets one entry or a whole cache on invalidate()", async () => {
    const { caches, load } = setup();
    await caches.get("brief", "x", load("a"));
    await caches.get("brief", "y", load("b"));
    caches.invalidate("brief", "x");
    expect(await caches.get("brief", "x", load("c"))).toBe("c");
    expect(await caches.get("brief", "y", load("d"))).toBe("b");
    caches.invalidate("brief");
    expect(caches.size("brief")).toBe(0);
  });

  it("shares one load between concurrent readers and does not keep a failure", async () => {
    const { caches, load, loads } = setup();
    const [a, b] = await Promise.all([caches.get("brief", "x", load("a")), caches.get("brief", "x", load("b"))]);
    expect([a, b, loads()]).toEqual(["a", "a", 1]);
    await expect(caches.get("brief", "bad", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await caches.get("brief", "bad", load("ok"))).toBe("ok");
  });

  it("loads every time for a cache named in CACHE_DISABLE", async () => {
    const { caches, load, loads } = setup(["pages", "blocks"]);
    await caches.get("pages", "home", load("a"));
    expect(await caches.get("pages", "home", load("b"))).toBe("b");
    expect(caches.getSync("blocks", "k", () => 1)).toBe(1);
    expect(caches.getSync("blocks", "k", () => 2)).toBe(2);
    expect(loads()).toBe(2);
  });

  it("sends a \"ttl\" cache's invalidations to the other processes, and forgets what they send without sending it on", async () => {
    const a = setup();
    const b = setup();
    // Two processes linked as the socket server links them with Redis: each one's messages reach the other.
    a.caches.shareInvalidations((message) => b.caches.receiveInvalidation(message));
    b.caches.shareInvalidations((message) => a.caches.receiveInvalidation(message));
    await a.caches.get("brief", "x", a.load("a1"));
    await b.caches.get("brief", "x", b.load("b1"));
    await b.caches.get("brief", "y", b.load("b2"));
    a.caches.invalidate("brief", "x"); // a write on A
    expect(await b.caches.get("brief", "x", b.load("b3"))).toBe("b3");
    expect(await b.caches.get("brief", "y", b.load("no"))).toBe("b2");
    a.caches.invalidate("brief");
    expect(b.caches.size("brief")).toBe(0);

    // Received invalidations are not sent on (no echo back to A).
    const sent: unknown[] = [];
    const c = setup();
    c.caches.shareInvalidations((message) => sent.push(message));
    c.caches.receiveInvalidation({ name: "brief", key: "x" });
    expect(sent).toEqual([]);
    // Caches checked otherwise need no message; nonsense is ignored.
    c.caches.invalidate("pages", "home");
    c.caches.invalidate("brief", "x");
    expect(sent).toEqual([{ name: "brief", key: "x" }]);
    await c.caches.get("pages", "home", c.load("p"));
    await c.caches.get("brief", "x", c.load("kept"));
    for (const junk of [null, "brief", { name: "pages" }, { name: "nope" }, { name: "brief", key: 3 }, { name: "__proto__" }]) c.caches.receiveInvalidation(junk);
    expect(await c.caches.get("pages", "home", c.load("q"))).toBe("p");
    expect(await c.caches.get("brief", "x", c.load("lost"))).toBe("kept");
  });

  it("gives every \"ttl\" cache the TTL set by CACHE_TTL_MS, and leaves the others", async () => {
    const clock = { now: 1_000 };
    const caches = createCaches(REGISTRY, { now: () => clock.now, version: async () => "v", ttlMs: 60_000 });
    await caches.get("brief", "x", async () => "kept");
    await caches.get("pages", "home", async () => "page");
    clock.now += 30_000; // far past brief's own 500 ms, past pages' 1 s
    expect(await caches.get("brief", "x", async () => "reloaded")).toBe("kept");
    expect(await caches.get("pages", "home", async () => "page 2")).toBe("page 2");
    clock.now += 30_001;
    expect(await caches.get("brief", "x", async () => "reloaded")).toBe("reloaded");
  });
});
