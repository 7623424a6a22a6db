import { z } from "zod";
import { singleton } from "./singleton.server.ts";

const boolish = z
  .enum(["0", "1", "true", "false", ""])
  .transform((v) => v === "1" || v === "true");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    APP_URL: z.string().url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgres(ql)://")
      .default("file:./data/mieux.db"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().min(3).default("MIEUX+ Community <no-reply@localhost>"),
    /** The mailbox named as ORGANIZER in calendar invites (Accept/Decline replies go there); default MAIL_FROM's address. */
    ORGANIZER_EMAIL: z.string().email("must be an email address").optional(),
    /** imaps://user:pass@host:port/INBOX: the organiser mailbox, read for iTIP replies. */
    IMAP_URL: z
      .string()
      .regex(/^imaps?:\/\/[^@/]+@[^/]+/, "must look like imaps://user:pass@host:port/INBOX")
      .optional(),
    SEED_DEMO: boolish.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** Trust X-Forwarded-* from a load balancer in front (off by default). */
    TRUST_PROXY: boolish.default("0"),
    /** Where uploads, mail output and the default database live. */
    DATA_DIR: z.string().default("./data"),
    /** Background jobs (mail outbox worker, reminders); tests may turn them off. */
    JOBS: boolish.default("1"),
    /** PostgreSQL only: connections in this process's pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Weekly digest: ISO weekday (1 = Monday … 7 = Sunday) and hour (UTC) from which it is sent. */
    DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    /** Page and data requests (GET) in progress at once; the rest wait their turn in arrival order. 0 = no limit. */
    /** Caches to turn off, by name (app/utils/cache.server.ts), to measure what each earns: `home,coffee-page`. */
    CACHE_DISABLE: z.string().default(""),
    /** Replaces the TTL of the "ttl" caches (app/utils/cache.server.ts), in ms: tests make it long so only invalidations show changes. */
    CACHE_TTL_MS: z.coerce.number().int().min(1).max(86_400_000).optional(),
  })
  .transform((env) => {
    const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/$/, "");
    return {
      ...env,
      APP_URL: appUrl,
      // Demo accounts only where nobody else can reach them, unless asked for explicitly.
      SEED_DEMO: env.SEED_DEMO ?? isLoopbackUrl(appUrl),
      /** SEED_DEMO=1 given although the public URL is not loopback: seeded, with a loud warning. */
      seedDemoExplicitlyPublic: env.SEED_DEMO === true && !isLoopbackUrl(appUrl),
      LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
      isProduction: env.NODE_ENV === "production",
      /** Secure, __Host- cookies whenever the public URL is HTTPS. */
      secureCookies: appUrl.startsWith("https://"),
      databaseKind: env.DATABASE_URL.startsWith("file:") ? ("sqlite" as const) : ("postgres" as const),
    };
  });

export type Env = z.infer<typeof schema>;

/** localhost, 127.0.0.0/8 or ::1: an address only this machine can reach. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class EnvError extends Error {}

/** Parses process.env once; a bad value stops the process with a readable message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function getEnv(): Env {
  return singleton("env", () => parseEnv());
}
