/** Writes docs/deploy/nginx.compose.conf from docs/deploy/nginx.conf: `npx tsx tests/setup/nginx-compose.ts`. */
import fs from "node:fs";
import path from "node:path";
import { renderNginxConf } from "./nginx.ts";
import { ROOT } from "./paths.ts";

export const COMPOSE_CONF = path.join(ROOT, "docs", "deploy", "nginx.compose.conf");

export function composeNginxConf() {
  return renderNginxConf({ dir: "/tmp", listen: "80", servers: ["app1:3000", "app2:3000"] });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) fs.writeFileSync(COMPOSE_CONF, composeNginxConf());
