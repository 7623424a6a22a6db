import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPOSE_CONF, composeNginxConf } from "./nginx-compose.ts";
import { renderNginxConf } from "./nginx.ts";

describe("the nginx configuration operators get", () => {
  it("is the one the compose file mounts (regenerate with `npx tsx tests/setup/nginx-compose.ts`)", () => {
    expect(fs.readFileSync(COMPOSE_CONF, "utf8")).toBe(composeNginxConf());
  });

  it("fills every placeholder", () => {
    const conf = renderNginxConf({ dir: "/x", listen: "8080", servers: ["a:1", "b:2"], extra: "add_header X-Test 1;" });
    expect(conf).not.toMatch(/\{\{/);
    expect(conf).toContain("server a:1 max_fails=1 fail_timeout=5s;\n    server b:2");
    expect(conf).toContain("      add_header X-Test 1;\n");
  });
});
