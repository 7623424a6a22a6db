import { pino } from "pino";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

export const logger = singleton("logger", () => {
  const env = getEnv();
  return pino({
    level: env.LOG_LEVEL,
    base: { pid: process.pid },
    redact: { paths: ["password", "*.password", "token", "*.token", "req.headers.cookie"], censor: "[redacted]" },
  });
});
