import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadEnv, saveGeneratedSecrets, testDatabaseUrl } from "./env.ts";

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-env-"));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("hex");
const SESSION = "s".repeat(40);

/** Calls loadEnv and returns the ConfigError it must throw. */
function configError(source: Record<string, string>): ConfigError {
  try {
    loadEnv({ LENTERA_DATA_DIR: dataDir, ...source });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const message = (e as Error).message;
    expect(message).not.toContain("\n"); // one line, fit for a start-up log
    return e as ConfigError;
  }
  throw new Error("loadEnv accepted an invalid configuration");
}

describe("loadEnv rejects bad configuration with one line", () => {
  it("malformed DATABASE_URL", () => {
    expect(configError({ DATABASE_URL: "not a url" }).message).toMatch(/DATABASE_URL .*not a valid URL/);
  });

  it("DATABASE_URL with the wrong protocol", () => {
    expect(configError({ DATABASE_URL: "mysql://root@localhost:3306/wbs" }).message).toMatch(
      /DATABASE_URL must start with postgresql:\/\/ \(got mysql:\/\/\)/,
    );
  });

  it("DATABASE_URL without a database name", () => {
    expect(configError({ DATABASE_URL: "postgresql://localhost:5432" }).message).toMatch(
      /DATABASE_URL must name a host and a database/,
    );
  });

  it("master key that is not 32 bytes", () => {
    const short = Buffer.alloc(16, 7).toString("base64");
    expect(configError({ LENTERA_MASTER_KEY: short }).message).toMatch(/LENTERA_MASTER_KEY must be 32 random bytes/);
    expect(configError({ LENTERA_MASTER_KEY: "abc123" }).message).toMatch(/LENTERA_MASTER_KEY/);
  });

  it("production with DATABASE_URL but without secrets", () => {
    const message = configError({ NODE_ENV: "production", DATABASE_URL: "postgresql://wbs@db:5432/wbs" }).message;
    expect(message).toMatch(/LENTERA_MASTER_KEY, LENTERA_TRACKING_KEY, NEXTAUTH_SECRET must be set in production/);
    // Refused before anything was written: production secrets never come from a file.
    expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
  });

  it("production without NEXTAUTH_URL, embedded or not", () => {
    expect(configError({ NODE_ENV: "production" }).message).toMatch(/NEXTAUTH_URL must be set in production/);
    const secrets = { LENTERA_MASTER_KEY: KEY_A, LENTERA_TRACKING_KEY: KEY_B, NEXTAUTH_SECRET: SESSION };
    expect(
      configError({ NODE_ENV: "production", DATABASE_URL: "postgresql://wbs@db:5432/wbs", ...secrets }).message,
    ).toMatch(/NEXTAUTH_URL must be set/);
    expect(configError({ NODE_ENV: "production", NEXTAUTH_URL: " " }).message).toMatch(/NEXTAUTH_URL must be set/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    // Outside production the letters may point at localhost.
    expect(loadEnv({ LENTERA_DATA_DIR: dataDir }).authUrl).toBeUndefined();
  });

  it("bad TEST_DATABASE_URL", () => {
    expect(() => testDatabaseUrl({ TEST_DATABASE_URL: "http://localhost/test" })).toThrow(ConfigError);
    expect(testDatabaseUrl({})).toBeUndefined();
  });
});

describe("secrets", () => {
  it("production with every secret in the environment writes no file", () => {
    const env = loadEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://wbs@db:5432/wbs",
      LENTERA_DATA_DIR: dataDir,
      LENTERA_MASTER_KEY: KEY_A,
      LENTERA_TRACKING_KEY: KEY_B,
      NEXTAUTH_SECRET: SESSION,
      NEXTAUTH_URL: "https://wbs.example.go.id",
    });
    expect(env.secretsSource).toBe("environment");
    expect(env.secrets.masterKey).toEqual(Buffer.alloc(32, 1));
    expect(env.secrets.trackingKey).toEqual(Buffer.alloc(32, 2));
    expect(env.database).toEqual({ kind: "postgres", url: "postgresql://wbs@db:5432/wbs" });
    expect(env.allowDemoSeed).toBe(false);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("embedded mode generates secrets, writes secrets.json with mode 0600 only when saved, and reuses it", () => {
    const dir = path.join(dataDir, "nested"); // created on demand
    const first = loadEnv({ LENTERA_DATA_DIR: dir });
    const file = path.join(dir, "secrets.json");
    expect(first.secretsSource).toBe("data directory");
    expect(first.database).toEqual({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    expect(first.generatedSecrets).toEqual(["LENTERA_MASTER_KEY", "LENTERA_TRACKING_KEY", "NEXTAUTH_SECRET"]);
    // Not yet: the start writes them only after seeing that the database is empty.
    expect(fs.existsSync(file)).toBe(false);
    saveGeneratedSecrets(first);
    expect(first.generatedSecrets).toEqual([]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secrets.masterKey).toHaveLength(32);
    expect(first.secrets.trackingKey).toHaveLength(32);
    expect(first.secrets.masterKey.equals(first.secrets.trackingKey)).toBe(false);
    expect(first.secrets.sessionSecret.length).toBeGreaterThanOrEqual(32);

    const before = fs.readFileSync(file, "utf8");
    const second = loadEnv({ LENTERA_DATA_DIR: dir });
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    expect(second.secrets.masterKey.equals(first.secrets.masterKey)).toBe(true);
    expect(second.secrets.trackingKey.equals(first.secrets.trackingKey)).toBe(true);
    expect(second.secrets.sessionSecret).toBe(first.secrets.sessionSecret);
    expect(second.generatedSecrets).toEqual([]);
    expect(second.secretOrigins.LENTERA_MASTER_KEY).toBe("file");
  });

  it("a secret set in the environment is not generated, and its origin says so", () => {
    const env = loadEnv({ LENTERA_DATA_DIR: dataDir, LENTERA_MASTER_KEY: KEY_A });
    expect(env.generatedSecrets).toEqual(["LENTERA_TRACKING_KEY", "NEXTAUTH_SECRET"]);
    expect(env.secretOrigins).toEqual({
      LENTERA_MASTER_KEY: "environment",
      LENTERA_TRACKING_KEY: "file",
      NEXTAUTH_SECRET: "file",
    });
    expect(env.secrets.masterKey).toEqual(Buffer.alloc(32, 1));
  });

  it("saving never overwrites a secrets.json written meanwhile", () => {
    const env = loadEnv({ LENTERA_DATA_DIR: dataDir });
    fs.writeFileSync(path.join(dataDir, "secrets.json"), "{}");
    expect(() => saveGeneratedSecrets(env)).toThrow(/created by another process/);
    expect(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")).toBe("{}");
  });

  it("a damaged secrets.json is an error, not silently replaced", () => {
    fs.writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ masterKey: "x" }), { mode: 0o600 });
    expect(configError({}).message).toMatch(/secrets\.json is damaged/);
    fs.writeFileSync(path.join(dataDir, "secrets.json"), "{ not json", { mode: 0o600 });
    expect(configError({}).message).toMatch(/secrets\.json is damaged \(not JSON\)/);
  });
});

describe("trusted proxies", () => {
  it("trusts no proxy unless LENTERA_TRUSTED_PROXIES lists it", () => {
    const none = loadEnv({ LENTERA_DATA_DIR: dataDir });
    expect(none.trustedProxies.entries).toEqual([]);
    expect(none.trustedProxies.contains("127.0.0.1")).toBe(false);
    const some = loadEnv({ LENTERA_DATA_DIR: dataDir, LENTERA_TRUSTED_PROXIES: " 10.0.0.5, 192.168.1.0/24 fd00::/8" });
    expect(some.trustedProxies.entries).toEqual(["10.0.0.5", "192.168.1.0/24", "fd00::/8"]);
    expect(
      ["10.0.0.5", "192.168.1.77", "::ffff:192.168.1.2", "fd12::1"].map((a) => some.trustedProxies.contains(a)),
    ).toEqual([true, true, true, true]);
    expect(["10.0.0.6", "192.168.2.1", "fe80::1", "garbage"].map((a) => some.trustedProxies.contains(a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("refuses entries that are not addresses or CIDR blocks", () => {
    expect(configError({ LENTERA_TRUSTED_PROXIES: "10.0.0.5, proxy.local" }).message).toMatch(
      /LENTERA_TRUSTED_PROXIES .*proxy\.local/,
    );
    expect(configError({ LENTERA_TRUSTED_PROXIES: "10.0.0.0/33" }).message).toContain("LENTERA_TRUSTED_PROXIES");
  });
});
