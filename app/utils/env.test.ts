import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server.ts";

describe("environment", () => {
  it("serves one machine with no configuration at all", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBe("file:./data/mieux.db");
    expect(env.MAIL_FROM).toBe("MIEUX+ Community <no-reply@localhost>");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.secureCookies).toBe(false);
    expect(env.databaseKind).toBe("sqlite");
  });

  it("derives APP_URL from PORT and turns on secure cookies behind HTTPS", () => {
    expect(parseEnv({ PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
    const env = parseEnv({ APP_URL: "https://community.example.eu/", NODE_ENV: "production" });
    expect(env.APP_URL).toBe("https://community.example.eu");
    expect(env.secureCookies).toBe(true);
  });

  it("stops with a readable message naming each bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail" })).toThrow(EnvError);
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect((error as Error).message).toContain("PORT");
      expect((error as Error).message).toContain("DATABASE_URL: must start with file: or postgres(ql)://");
    }
  });

  it("takes a PostgreSQL DATABASE_URL, with a pool of 10 connections unless told otherwise", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://postgres@localhost:5432/mieux" });
    expect(env.databaseKind).toBe("postgres");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_URL: "postgres://db/mieux", DATABASE_POOL_SIZE: "25" }).DATABASE_POOL_SIZE).toBe(25);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("reads SEED_DEMO and TRUST_PROXY as switches", () => {
    expect(parseEnv({ SEED_DEMO: "0" }).SEED_DEMO).toBe(false);
    expect(parseEnv({}).SEED_DEMO).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
  });

  it("seeds demo accounts by default only when APP_URL is a loopback address", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"]) {
      expect(parseEnv({ APP_URL: url }).SEED_DEMO, url).toBe(true);
    }
    for (const url of ["https://community.mieux.example", "http://10.0.0.5:3000", "http://localhost.evil.example"]) {
      expect(parseEnv({ APP_URL: url }).SEED_DEMO, url).toBe(false);
    }
    // Asked for explicitly on a public address: honoured, and flagged for a warning.
    expect(parseEnv({ APP_URL: "https://community.mieux.example", SEED_DEMO: "1" })).toMatchObject({ SEED_DEMO: true, seedDemoExplicitlyPublic: true });
    expect(parseEnv({ SEED_DEMO: "1" }).seedDemoExplicitlyPublic).toBe(false);
  });
});
