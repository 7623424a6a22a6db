import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, TMP } from "./paths.ts";
import { freePort } from "./test-env-port.ts";

export const NGINX_PATH = "/usr/sbin/nginx";

/** docs/deploy/nginx.conf with its placeholders filled in (also how nginx.compose.conf is made). */
export function renderNginxConf({ dir, listen, servers, extra }: { dir: string; listen: string; servers: string[]; extra?: string }) {
  return fs
    .readFileSync(path.join(ROOT, "docs", "deploy", "nginx.conf"), "utf8")
    .replaceAll("{{dir}}", dir)
    .replace("{{listen}}", listen)
    .replace("{{servers}}", servers.map((s) => `    server ${s} max_fails=1 fail_timeout=5s;`).join("\n"))
    .replace(/^\{\{extra\}\}\n/m, extra ? `      ${extra}\n` : "");
}

export type Nginx = { url: string; port: number; stop(): Promise<void> };

/**
 * nginx on loopback in front of `upstreams` (app ports), with the configuration operators get
 * (docs/deploy/nginx.conf). Tests add a header naming the process that answered, to know which
 * one to stop.
 */
export async function startNginx(upstreams: number[]): Promise<Nginx> {
  const port = await freePort();
  const dir = path.join(TMP, `nginx-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const conf = renderNginxConf({
    dir,
    listen: `127.0.0.1:${port}`,
    servers: upstreams.map((p) => `127.0.0.1:${p}`),
    extra: "add_header X-Upstream $upstream_addr always;",
  });
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, conf);
  execFileSync(NGINX_PATH, ["-t", "-q", "-c", file, "-p", dir, "-e", path.join(dir, "error.log")]);
  const child: ChildProcess = spawn(NGINX_PATH, ["-c", file, "-p", dir, "-e", path.join(dir, "error.log"), "-g", "daemon off;"], { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error("nginx did not answer within 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** The app port that answered a request through nginx (from the test-only X-Upstream header). */
export async function upstreamPortOf(url: string): Promise<number> {
  const res = await fetch(`${url}/healthz`);
  const addr = res.headers.get("x-upstream") ?? "";
  return Number(addr.split(",").at(-1)!.trim().split(":").at(-1));
}
