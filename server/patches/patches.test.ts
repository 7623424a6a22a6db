import { matchPath, matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

/**
 * server/patches/ makes Remix's server-side route matching remember work that used to be redone on
 * every request (decision 040). The memory must never answer for the wrong routes or path.
 */
const tree = () => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "roster", path: "roster", children: [{ id: "roster-index", index: true }, { id: "roster-expert", path: ":id" }] },
      { id: "session", path: "sessions/:slug" },
      { id: "catch-all", path: "*" },
    ],
  },
];

const ids = (matches: { route: { id?: string } }[] | null) => matches?.map((m) => m.route.id);

describe("patched route matching", () => {
  it("matches the same routes array correctly, call after call", () => {
    const routes = tree();
    for (let round = 0; round < 3; round++) {
      expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(ids(matchRoutes(routes, "/roster"))).toEqual(["root", "roster", "roster-index"]);
      const expert = matchRoutes(routes, "/roster/abc");
      expect(ids(expert)).toEqual(["root", "roster", "roster-expert"]);
      expect(expert?.at(-1)?.params).toEqual({ id: "abc" });
      expect(ids(matchRoutes(routes, "/sessions/morning-coffee"))).toEqual(["root", "session"]);
      expect(ids(matchRoutes(routes, "/nowhere/at/all"))).toEqual(["root", "catch-all"]);
    }
  });

  it("answers each routes array with its own route objects", () => {
    const a = tree();
    const b = tree();
    b[0].children[1].id = "roster-b";
    expect(matchRoutes(a, "/roster")?.[1].route).toBe(a[0].children[1]);
    expect(matchRoutes(b, "/roster")?.[1].route).toBe(b[0].children[1]);
    expect(ids(matchRoutes(b, "/roster"))).toEqual(["root", "roster-b", "roster-index"]);
  });

  it("keeps case sensitivity and end matching apart for the same pattern", () => {
    expect(matchPath({ path: "/Roster", caseSensitive: false }, "/roster")).not.toBeNull();
    expect(matchPath({ path: "/Roster", caseSensitive: true }, "/roster")).toBeNull();
    expect(matchPath({ path: "/roster", end: false }, "/roster/abc")).not.toBeNull();
    expect(matchPath({ path: "/roster", end: true }, "/roster/abc")).toBeNull();
  });

  it("hands out its remembered answers as copies: a caller changing a match cannot change the next one", () => {
    const routes = tree();
    const first = matchRoutes(routes, "/roster/abc")!;
    (first[2].params as Record<string, string>).id = "changed";
    first[2].pathname = "/elsewhere";
    first.pop();
    const again = matchRoutes(routes, "/roster/abc")!;
    expect(ids(again)).toEqual(["root", "roster", "roster-expert"]);
    expect(again[2].params).toEqual({ id: "abc" });
    expect(again[2].pathname).toBe("/roster/abc");
    expect(again[2].route).toBe(routes[0].children[1].children![1]);
  });

  it("tells apart paths that differ only by case or encoding", () => {
    const routes = tree();
    expect(matchRoutes(routes, "/roster/Abc")?.at(-1)?.params).toEqual({ id: "Abc" });
    expect(matchRoutes(routes, "/roster/abc")?.at(-1)?.params).toEqual({ id: "abc" });
    expect(matchRoutes(routes, "/roster/a%20b")?.at(-1)?.params).toEqual({ id: "a b" });
  });

  it("still answers correctly after more distinct paths than it remembers", () => {
    const routes = tree();
    for (let n = 0; n < 2_500; n++) expect(matchRoutes(routes, `/roster/x${n}`)?.at(-1)?.params).toEqual({ id: `x${n}` });
    expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
    expect(matchRoutes(routes, "/roster/x1")?.at(-1)?.params).toEqual({ id: "x1" });
  });
});
