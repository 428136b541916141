/**
 * Typed configuration: the only module that reads process.env.
 *
 * Embedded mode (no DATABASE_URL): missing secrets are generated once into
 * <LENTERA_DATA_DIR>/secrets.json with mode 0600, so `npm run demo` needs no setup. They are
 * generated in memory here and written only by saveGeneratedSecrets(), once the database
 * has been seen to be empty (server/domain/secret-check.ts): fresh secrets on a database
 * that holds data would make it unreadable, so that start is refused instead.
 * Production with PostgreSQL: every secret must come from the environment.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseProxyEntry, trustedProxies, type TrustedProxies } from "./net/client-address.ts";
import { masterKeyring, type MasterKey } from "./domain/crypto.ts";
import { readTextIfPresent } from "./read-text-if-present.ts";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const postgresUrl = optionalString.superRefine((value, ctx) => {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "is not a valid URL (expected postgresql://user:pass@host:5432/db)" });
    return;
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    ctx.addIssue({ code: "custom", message: `must start with postgresql:// (got ${url.protocol}//)` });
  } else if (!url.hostname || url.pathname.length < 2) {
    ctx.addIssue({ code: "custom", message: "must name a host and a database (postgresql://host:5432/db)" });
  }
});

/** A 32-byte key given as 64 hex characters or base64/base64url. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const buf = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return buf.length === 32 ? buf : null;
  }
  return null;
}

const key32 = optionalString.superRefine((value, ctx) => {
  if (value !== undefined && decodeKey(value) === null) {
    ctx.addIssue({
      code: "custom",
      message: "must be 32 random bytes, as 64 hex characters or 44 base64 characters (openssl rand -base64 32)",
    });
  }
});

const booleanFlag = optionalString.transform((v, ctx) => {
  if (v === undefined) return undefined;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  ctx.addIssue({ code: "custom", message: "must be true or false" });
  return z.NEVER;
});

/** Addresses or CIDR blocks separated by commas or spaces, e.g. "10.0.0.5, 192.168.1.0/24, fd00::/8". */
const proxyList = optionalString.transform((v, ctx) => {
  const entries = (v ?? "").split(/[\s,]+/).filter(Boolean);
  const bad = entries.filter((entry) => parseProxyEntry(entry) === null);
  if (bad.length) {
    ctx.addIssue({ code: "custom", message: `must list IP addresses or CIDR blocks (not: ${bad.join(", ")})` });
    return z.NEVER;
  }
  return entries;
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  LENTERA_DATA_DIR: optionalString,
  LENTERA_MASTER_KEY: key32,
  /** During a master-key rotation: the key being replaced (server/domain/key-rotation.ts). */
  LENTERA_MASTER_KEY_PREVIOUS: key32,
  LENTERA_TRACKING_KEY: key32,
  NEXTAUTH_SECRET: optionalString.superRefine((v, ctx) => {
    if (v !== undefined && v.length < 32)
      ctx.addIssue({ code: "custom", message: "must be at least 32 characters (openssl rand -base64 32)" });
  }),
  NEXTAUTH_URL: optionalString.superRefine((v, ctx) => {
    if (v !== undefined && !/^https?:\/\/[^/]+/.test(v))
      ctx.addIssue({ code: "custom", message: "must be the public base URL, e.g. https://wbs.example.go.id" });
  }),
  LENTERA_AUTO_MIGRATE: booleanFlag,
  LENTERA_ALLOW_DEMO_SEED: booleanFlag,
  LENTERA_TRUSTED_PROXIES: proxyList,
  LENTERA_LOG_MEMORY: booleanFlag,
});

export interface Secrets {
  /** Wraps every case data key (AES-256-GCM); during a rotation it carries the previous key too. */
  masterKey: MasterKey;
  /** HMAC key for tracking-code lookup hashes. */
  trackingKey: Buffer;
  /** Signs staff and reporter session tokens. */
  sessionSecret: string;
}

/** Each secret by the environment variable that sets it. */
export const SECRET_NAMES = {
  LENTERA_MASTER_KEY: "masterKey",
  LENTERA_TRACKING_KEY: "trackingKey",
  NEXTAUTH_SECRET: "sessionSecret",
} as const;
export type SecretName = keyof typeof SECRET_NAMES;

type SecretsText = Record<keyof Secrets, string>;

/** secrets.json: the three secrets and, while a master-key rotation runs, the key it replaces. */
export type SecretsFileContent = SecretsText & { previousMasterKey?: string };

export interface Env {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  autoMigrate: boolean;
  allowDemoSeed: boolean;
  authUrl: string | undefined;
  /** Peers whose X-Forwarded-For is believed (server/net/client-address.ts); none by default. */
  trustedProxies: TrustedProxies;
  /** A line every 2 s on what the memory is made of (server/memory-log.ts); off by default. */
  logMemory: boolean;
  secrets: Secrets;
  /** Where each secret came from, for the start-up line (never the values). */
  secretsSource: "environment" | "data directory";
  /** <dataDir>/secrets.json, where secrets not set in the environment live. */
  secretsFile: string;
  /** Where each secret came from, to say which one to fix. */
  secretOrigins: Record<SecretName, "environment" | "file">;
  /**
   * Secrets generated by this process because secrets.json is missing, not yet written
   * (saveGeneratedSecrets empties it). Non-empty means: valid only for an empty database.
   */
  generatedSecrets: SecretName[];
  /** The generated secrets.json content, until saved. */
  unsavedSecretsFile?: SecretsText;
}

export type Source = Record<string, string | undefined>;

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "config"} ${i.message}`).join("; ");
}

export function readSecretsFile(file: string): SecretsFileContent | undefined {
  const text = readTextIfPresent(file);
  if (text === null) return undefined;
  let parsed;
  try {
    parsed = z
      .object({
        masterKey: key32.pipe(z.string()),
        trackingKey: key32.pipe(z.string()),
        sessionSecret: z.string().min(32),
        previousMasterKey: key32,
      })
      .safeParse(JSON.parse(text));
  } catch {
    throw new ConfigError(`${file} is damaged (not JSON); restore it from a backup`);
  }
  if (!parsed.success)
    throw new ConfigError(`${file} is damaged (${formatIssues(parsed.error)}); restore it from a backup`);
  return parsed.data;
}

function generateSecrets(): SecretsText {
  return {
    masterKey: randomBytes(32).toString("base64"),
    trackingKey: randomBytes(32).toString("base64"),
    sessionSecret: randomBytes(32).toString("base64url"),
  };
}

/**
 * Writes the secrets this process generated to secrets.json (mode 0600). Called only once
 * the database is known to be empty; "wx": never overwrite keys written by someone else —
 * losing the master key loses every case.
 */
export function saveGeneratedSecrets(config: Env): void {
  if (!config.unsavedSecretsFile) return;
  fs.mkdirSync(path.dirname(config.secretsFile), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(config.secretsFile, JSON.stringify(config.unsavedSecretsFile, null, 2) + "\n", {
      mode: 0o600,
      flag: "wx",
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      throw new ConfigError(`${config.secretsFile} was created by another process while this one started; start again`);
    throw e;
  }
  config.unsavedSecretsFile = undefined;
  config.generatedSecrets = [];
}

/** Parses and checks configuration; throws ConfigError with a one-line message. */
export function loadEnv(source: Source = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${formatIssues(parsed.error)}`);
  const v = parsed.data;
  const isProduction = v.NODE_ENV === "production";
  const dataDir = path.resolve(/* turbopackIgnore: true */ v.LENTERA_DATA_DIR ?? "data");
  const embedded = v.DATABASE_URL === undefined;

  const fromEnv = {
    masterKey: v.LENTERA_MASTER_KEY,
    trackingKey: v.LENTERA_TRACKING_KEY,
    sessionSecret: v.NEXTAUTH_SECRET,
  };
  const missing = Object.entries({
    LENTERA_MASTER_KEY: fromEnv.masterKey,
    LENTERA_TRACKING_KEY: fromEnv.trackingKey,
    NEXTAUTH_SECRET: fromEnv.sessionSecret,
  })
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length && isProduction && !embedded) {
    throw new ConfigError(`Invalid configuration: ${missing.join(", ")} must be set in production with DATABASE_URL`);
  }
  // Letters print their verification address from it: without it their QR codes would point at localhost.
  if (isProduction && v.NEXTAUTH_URL === undefined) {
    throw new ConfigError(
      "Invalid configuration: NEXTAUTH_URL must be set in production (the public base URL, e.g. https://wbs.example.go.id)",
    );
  }
  const secretsFile = path.join(dataDir, "secrets.json");
  const stored = missing.length ? readSecretsFile(secretsFile) : undefined;
  const generated = missing.length && !stored ? generateSecrets() : undefined;
  const fromFile = stored ?? generated;
  const pick = (name: keyof typeof fromEnv) => fromEnv[name] ?? fromFile![name];
  // The previous master key lives where the master key lives: never one in a file and the other in the environment.
  if (v.LENTERA_MASTER_KEY === undefined && v.LENTERA_MASTER_KEY_PREVIOUS !== undefined) {
    throw new ConfigError(
      `Invalid configuration: LENTERA_MASTER_KEY_PREVIOUS is set but LENTERA_MASTER_KEY comes from ${secretsFile}; set both in the environment or neither`,
    );
  }
  const previousMasterKey =
    v.LENTERA_MASTER_KEY !== undefined ? v.LENTERA_MASTER_KEY_PREVIOUS : stored?.previousMasterKey;
  const origin = (name: SecretName) => (fromEnv[SECRET_NAMES[name]] === undefined ? "file" : "environment");

  return {
    nodeEnv: v.NODE_ENV,
    isProduction,
    database: embedded
      ? { kind: "pglite", dataDir: path.join(dataDir, "pglite") }
      : { kind: "postgres", url: v.DATABASE_URL! },
    dataDir,
    autoMigrate: v.LENTERA_AUTO_MIGRATE ?? true,
    allowDemoSeed: v.LENTERA_ALLOW_DEMO_SEED ?? !isProduction,
    authUrl: v.NEXTAUTH_URL,
    trustedProxies: trustedProxies(v.LENTERA_TRUSTED_PROXIES),
    logMemory: v.LENTERA_LOG_MEMORY ?? false,
    secrets: {
      masterKey: masterKeyring(
        decodeKey(pick("masterKey"))!,
        previousMasterKey === undefined ? undefined : decodeKey(previousMasterKey)!,
      ),
      trackingKey: decodeKey(pick("trackingKey"))!,
      sessionSecret: pick("sessionSecret"),
    },
    secretsSource: fromFile ? "data directory" : "environment",
    secretsFile,
    secretOrigins: {
      LENTERA_MASTER_KEY: origin("LENTERA_MASTER_KEY"),
      LENTERA_TRACKING_KEY: origin("LENTERA_TRACKING_KEY"),
      NEXTAUTH_SECRET: origin("NEXTAUTH_SECRET"),
    },
    generatedSecrets: generated ? (missing as SecretName[]) : [],
    ...(generated ? { unsavedSecretsFile: generated } : {}),
  };
}

// On globalThis: Next.js loads this module once per bundle, and every copy must see the
// same secrets (generated ones exist only in memory until the first start saves them).
const globalForEnv = globalThis as unknown as { lenteraEnv?: Env };

/** The process-wide configuration, parsed once. */
export function env(): Env {
  return (globalForEnv.lenteraEnv ??= loadEnv());
}

/** Test database for integration tests (PostgreSQL when set, else in-memory PGlite). */
export function testDatabaseUrl(source: Source = process.env): string | undefined {
  const parsed = postgresUrl.safeParse(source.TEST_DATABASE_URL);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: TEST_DATABASE_URL ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Writes secrets.json atomically with mode 0600 (a private temporary file renamed over it), for
 * the key tools: a crash leaves the old file or the new one, never half of one.
 */
export function writeSecretsFile(file: string, content: SecretsFileContent): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const fd = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(content, null, 2) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Where the installation keeps its data, read without requiring any secret (the key tools run before secrets exist). */
export function storageOf(source: Source = process.env): Pick<Env, "database" | "dataDir" | "secretsFile"> {
  const parsed = z.object({ DATABASE_URL: postgresUrl, LENTERA_DATA_DIR: optionalString }).safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${formatIssues(parsed.error)}`);
  const dataDir = path.resolve(/* turbopackIgnore: true */ parsed.data.LENTERA_DATA_DIR ?? "data");
  const url = parsed.data.DATABASE_URL;
  return {
    database: url === undefined ? { kind: "pglite", dataDir: path.join(dataDir, "pglite") } : { kind: "postgres", url },
    dataDir,
    secretsFile: path.join(dataDir, "secrets.json"),
  };
}
