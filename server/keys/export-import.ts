/**
 * `npm run keys:export` / `keys:import`: the installation's secrets to and from a
 * passphrase-encrypted file (server/domain/key-file.ts).
 *
 * Import writes the secrets where the server reads them: embedded, secrets.json (0600; an
 * existing different one only with --replace, and kept beside as secrets.json.replaced-<time>);
 * with PostgreSQL the environment holds them, so the tool prints the KEY=value lines, and only
 * when asked with --print (they are secrets: never in a log by default). Before writing, the
 * secrets are compared with the database's check values when there is a database: keys of
 * another installation are refused.
 */
import fs from "node:fs";
import type { Env, Secrets, SecretsFileContent, Source } from "../env.ts";
import { ConfigError, decodeKey, readSecretsFile, storageOf, writeSecretsFile } from "../env.ts";
import { openDb, pendingMigrations } from "../db.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { masterKeyring, masterKeyVersion } from "../domain/crypto.ts";
import { compareWithDatabase, secretCheckValue, type SecretsComparison } from "../domain/secret-check.ts";
import { KeyFileError, openKeyFile, sealKeyFile, type KeyFileHeader } from "../domain/key-file.ts";

export type Say = (line: string) => void;

function textOf(secrets: Secrets): SecretsFileContent {
  const previous = secrets.masterKey.previous;
  return {
    masterKey: masterKeyring(secrets.masterKey).toString("base64"),
    trackingKey: secrets.trackingKey.toString("base64"),
    sessionSecret: secrets.sessionSecret,
    ...(previous ? { previousMasterKey: previous.toString("base64") } : {}),
  };
}

function secretsOf(text: SecretsFileContent): Secrets {
  const decode = (value: string, what: string) => {
    const key = decodeKey(value);
    if (!key) throw new KeyFileError(`The key file is damaged (${what} is not a 32-byte key)`);
    return key;
  };
  return {
    masterKey: masterKeyring(
      decode(text.masterKey, "the master key"),
      text.previousMasterKey === undefined ? undefined : decode(text.previousMasterKey, "the previous master key"),
    ),
    trackingKey: decode(text.trackingKey, "the tracking key"),
    sessionSecret: text.sessionSecret,
  };
}

function checksOf(secrets: Secrets): KeyFileHeader["checks"] {
  const hex = (b: Buffer) => b.toString("hex");
  const previous = secrets.masterKey.previous;
  return {
    LENTERA_MASTER_KEY: hex(secretCheckValue("LENTERA_MASTER_KEY", masterKeyring(secrets.masterKey))),
    LENTERA_TRACKING_KEY: hex(secretCheckValue("LENTERA_TRACKING_KEY", secrets.trackingKey)),
    NEXTAUTH_SECRET: hex(secretCheckValue("NEXTAUTH_SECRET", secrets.sessionSecret)),
    ...(previous ? { LENTERA_MASTER_KEY_PREVIOUS: hex(secretCheckValue("LENTERA_MASTER_KEY", previous)) } : {}),
  };
}

/** Writes the configured secrets to a new file (never over an existing one), mode 0600. */
export async function exportKeys(
  config: Env,
  file: string,
  passphrase: string,
  say: Say,
  now = new Date(),
): Promise<void> {
  if (config.generatedSecrets.length > 0) {
    throw new ConfigError(
      `There are no secrets to export yet (${config.secretsFile} does not exist); start the server once (or run \`npm run db:seed\`) first`,
    );
  }
  const text = await sealKeyFile(textOf(config.secrets), checksOf(config.secrets), passphrase, now);
  try {
    fs.writeFileSync(file, text, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      throw new ConfigError(`${file} already exists; choose another file name`);
    throw e;
  }
  const rotating = config.secrets.masterKey.previous ? " and the previous master key (a rotation is under way)" : "";
  say(
    `Wrote the master key (version ${masterKeyVersion(masterKeyring(config.secrets.masterKey))}), tracking key and session secret${rotating} to ${file}.`,
  );
  say(
    "Keep the file and its passphrase in two different safe places: either one alone is useless, both together open every case.",
  );
}

export interface ImportOptions {
  file: string;
  passphrase: string;
  /** PostgreSQL configuration: print KEY=value lines (secrets) to stdout. */
  print?: boolean;
  /** Embedded: overwrite a different secrets.json (the old one is kept beside it). */
  replace?: boolean;
  source?: Source;
  now?: Date;
}

type DatabaseCheck = SecretsComparison | { none: string };

/** Compares with the database when there is one, without migrating or writing anything. */
async function compareWithInstallation(database: Env["database"], secrets: Secrets): Promise<DatabaseCheck> {
  if (database.kind === "pglite" && !fs.existsSync(database.dataDir))
    return { none: `no embedded database at ${database.dataDir}` };
  let handle;
  try {
    handle = await openDb(database, { migrate: false });
  } catch (e) {
    if (e instanceof DataDirLockedError)
      throw new ConfigError(
        `${e.message.replace(/ — refusing to open it twice$/, "")}; stop the server before importing keys`,
      );
    if (database.kind === "postgres")
      return {
        none: `the database could not be reached (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
      };
    throw e;
  }
  try {
    const [table] = await handle.db.$queryRaw<
      { exists: boolean }[]
    >`SELECT to_regclass('secret_checks') IS NOT NULL AS "exists"`;
    if (!table?.exists) return { none: "the database has no check values yet" };
    if ((await pendingMigrations(handle.db)).length > 0 && (await handle.db.secretCheck.count()) === 0)
      return { none: "the database has no check values yet" };
    return await compareWithDatabase(handle.db, secrets);
  } finally {
    await handle.close();
  }
}

const sameSecrets = (a: SecretsFileContent, b: SecretsFileContent) =>
  a.masterKey === b.masterKey &&
  a.trackingKey === b.trackingKey &&
  a.sessionSecret === b.sessionSecret &&
  a.previousMasterKey === b.previousMasterKey;

/** Decrypts, checks and installs a key file; throws KeyFileError / ConfigError with one line. */
export async function importKeys(options: ImportOptions, say: Say, print: Say): Promise<void> {
  let text: string;
  try {
    text = fs.readFileSync(options.file, "utf8");
  } catch (e) {
    throw new ConfigError(`Cannot read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const opened = await openKeyFile(text, options.passphrase);
  const secrets = secretsOf(opened.secrets);
  const checks = checksOf(secrets);
  if (JSON.stringify(checks) !== JSON.stringify(opened.header.checks))
    throw new KeyFileError("The key file is damaged (its secrets do not match its check values)");

  const storage = storageOf(options.source);
  const result = await compareWithInstallation(storage.database, secrets);
  if ("matches" in result && !result.matches) {
    throw new ConfigError(
      `These keys belong to another installation: ${result.mismatched.join(", ")} do(es) not match this database's check values; nothing was written`,
    );
  }
  if ("none" in result) say(`Not checked against a database: ${result.none}.`);
  else
    say(
      `The keys match this database${result.masterKeyRotation ? " (a master-key rotation is in progress; the previous key is included)" : ""}.`,
    );

  if (storage.database.kind === "postgres") {
    if (options.print) {
      const lines = {
        LENTERA_MASTER_KEY: opened.secrets.masterKey,
        LENTERA_MASTER_KEY_PREVIOUS: opened.secrets.previousMasterKey,
        LENTERA_TRACKING_KEY: opened.secrets.trackingKey,
        NEXTAUTH_SECRET: opened.secrets.sessionSecret,
      };
      for (const [name, value] of Object.entries(lines)) if (value !== undefined) print(`${name}=${value}`);
    } else {
      say(
        "With DATABASE_URL the secrets belong in the environment; run again with --print to show the KEY=value lines (they are secrets: keep them out of logs and shell history).",
      );
    }
    return;
  }
  const file = storage.secretsFile;
  const existing = readSecretsFile(file);
  if (existing && sameSecrets(existing, opened.secrets)) {
    say(`${file} already holds these keys; nothing to do.`);
    return;
  }
  if (existing) {
    if (!options.replace)
      throw new ConfigError(
        `${file} already holds other keys; run again with --replace to replace them (the current file is kept as a copy)`,
      );
    const copy = `${file}.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(copy, 0o600);
    say(`The previous ${file} is kept as ${copy}.`);
  }
  writeSecretsFile(file, opened.secrets);
  say(`Wrote the keys to ${file} (mode 0600).`);
}
