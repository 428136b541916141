/**
 * The key tools end to end, on real databases: export → import round trip, refusals (wrong
 * passphrase, keys of another installation, an existing different secrets.json), and
 * keys:rotate on an embedded installation (handed to the running server while it holds the
 * directory, done by the tool when it does not) and on an environment-configured PostgreSQL one.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv, readSecretsFile } from "../env.ts";
import { openDb } from "../db.ts";
import { lockDataDir } from "../data-dir-lock.ts";
import { masterKeyring, openJson, unwrapDataKey } from "../domain/crypto.ts";
import { KeyFileError } from "../domain/key-file.ts";
import { APP_ROOT, openTestDb, testBackend, type TestDbHandle } from "../testing/test-db.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { exportKeys, importKeys } from "./export-import.ts";
import { runRotateCommand } from "./rotate-command.ts";

const PASS = "kunci cadangan kantor dinas";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-keys-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function recorder() {
  const lines: string[] = [];
  return { lines, say: (line: string) => void lines.push(line) };
}

describe.runIf(testBackend() === "pglite")("embedded installation", () => {
  const dirA = path.join(tmp, "a");
  const sourceA = { NODE_ENV: "test", LENTERA_DATA_DIR: dirA };
  const exported = path.join(tmp, "a.keys");
  let caseId: string;

  beforeAll(async () => {
    // A new installation: its first start generates secrets.json, then a case is written under them.
    const config = loadEnv(sourceA);
    const handle = await openDb(config.database, { root: APP_ROOT, secrets: config });
    try {
      ({ caseId } = await submitSampleCase(handle.db, {}, config.secrets.masterKey));
    } finally {
      await handle.close();
    }
  });

  it("exports to a new 0600 file, never over an existing one", async () => {
    const out = recorder();
    await exportKeys(loadEnv(sourceA), exported, PASS, out.say);
    expect(fs.statSync(exported).mode & 0o777).toBe(0o600);
    expect(out.lines[0]).toMatch(/^Wrote the master key \(version \d+\), tracking key and session secret to /);
    await expect(exportKeys(loadEnv(sourceA), exported, PASS, out.say)).rejects.toThrow(
      `${exported} already exists; choose another file name`,
    );
  });

  it("imports into a new data directory: the same secrets.json, mode 0600", async () => {
    const dirB = path.join(tmp, "b");
    const out = recorder();
    await importKeys({ file: exported, passphrase: PASS, source: { LENTERA_DATA_DIR: dirB } }, out.say, out.say);
    expect(readSecretsFile(path.join(dirB, "secrets.json"))).toEqual(readSecretsFile(path.join(dirA, "secrets.json")));
    expect(fs.statSync(path.join(dirB, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(out.lines).toEqual([
      `Not checked against a database: no embedded database at ${path.join(dirB, "pglite")}.`,
      `Wrote the keys to ${path.join(dirB, "secrets.json")} (mode 0600).`,
    ]);
  });

  it("checks against the database, and leaves a secrets.json holding the same keys alone", async () => {
    const out = recorder();
    await importKeys({ file: exported, passphrase: PASS, source: sourceA }, out.say, out.say);
    expect(out.lines).toEqual([
      "The keys match this database.",
      `${path.join(dirA, "secrets.json")} already holds these keys; nothing to do.`,
    ]);
  });

  it("refuses a wrong passphrase and a changed file with one line, writing nothing", async () => {
    const dirC = path.join(tmp, "c");
    await expect(
      importKeys(
        { file: exported, passphrase: "bukan frasa yang benar", source: { LENTERA_DATA_DIR: dirC } },
        () => {},
        () => {},
      ),
    ).rejects.toThrow(new KeyFileError("Wrong passphrase, or the key file was altered or damaged"));
    const altered = path.join(tmp, "altered.keys");
    fs.writeFileSync(altered, fs.readFileSync(exported, "utf8").replace('"p":1', '"p":2'));
    await expect(
      importKeys(
        { file: altered, passphrase: PASS, source: { LENTERA_DATA_DIR: dirC } },
        () => {},
        () => {},
      ),
    ).rejects.toThrow("Wrong passphrase, or the key file was altered or damaged");
    expect(fs.existsSync(path.join(dirC, "secrets.json"))).toBe(false);
  });

  it("replaces a different secrets.json only with --replace, keeping the old one", async () => {
    const dirD = path.join(tmp, "d");
    fs.mkdirSync(dirD);
    const other = {
      masterKey: randomBytes(32).toString("base64"),
      trackingKey: randomBytes(32).toString("base64"),
      sessionSecret: randomBytes(32).toString("base64url"),
    };
    fs.writeFileSync(path.join(dirD, "secrets.json"), JSON.stringify(other), { mode: 0o600 });
    const file = path.join(dirD, "secrets.json");
    await expect(
      importKeys(
        { file: exported, passphrase: PASS, source: { LENTERA_DATA_DIR: dirD } },
        () => {},
        () => {},
      ),
    ).rejects.toThrow(`${file} already holds other keys; run again with --replace`);
    expect(readSecretsFile(file)).toEqual(other);
    await importKeys(
      {
        file: exported,
        passphrase: PASS,
        replace: true,
        source: { LENTERA_DATA_DIR: dirD },
        now: new Date("2026-12-02T09:00:00Z"),
      },
      () => {},
      () => {},
    );
    expect(readSecretsFile(file)).toEqual(readSecretsFile(path.join(dirA, "secrets.json")));
    expect(readSecretsFile(`${file}.replaced-2026-12-02T09-00-00-000Z`)).toEqual(other);
  });

  it("keys:rotate: handed to the server while it holds the directory, finished by the tool once it does not", async () => {
    const before = readSecretsFile(path.join(dirA, "secrets.json"))!;
    const lock = lockDataDir(path.join(dirA, "pglite")); // stands for the running server
    const held = recorder();
    try {
      expect(await runRotateCommand(held.say, { source: sourceA })).toBe(0);
    } finally {
      lock.release();
    }
    expect(held.lines.join("\n")).toMatch(
      /A new master key \(version \d+\) is in .*secrets\.json[\s\S]*The running server holds the database directory, so it does the re-wrapping itself/,
    );
    const during = readSecretsFile(path.join(dirA, "secrets.json"))!;
    expect(during.previousMasterKey).toBe(before.masterKey);
    expect(during.masterKey).not.toBe(before.masterKey);

    const out = recorder();
    expect(await runRotateCommand(out.say, { source: sourceA, rotate: { batchSize: 1 } })).toBe(0);
    expect(out.lines).toContain(
      "Master key rotation finished: re-wrapped 1 case key(s), 0 letter key(s), 0 TOTP secret(s) in 1 batch(es).",
    );
    const after = readSecretsFile(path.join(dirA, "secrets.json"))!;
    expect(after).toEqual({
      masterKey: during.masterKey,
      trackingKey: before.trackingKey,
      sessionSecret: before.sessionSecret,
    });

    // The next start passes with the new key alone and reads the old case.
    const config = loadEnv(sourceA);
    const handle = await openDb(config.database, { root: APP_ROOT, secrets: config });
    try {
      const row = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(
        openJson<{ what: string }>(unwrapDataKey(masterKeyring(config.secrets.masterKey), row.wrappedKey), row.payload)
          .what,
      ).toBe("Suap untuk mempercepat izin");
    } finally {
      await handle.close();
    }
    // The export from before the rotation no longer fits this installation.
    await expect(
      importKeys(
        { file: exported, passphrase: PASS, replace: true, source: sourceA },
        () => {},
        () => {},
      ),
    ).rejects.toThrow(
      "These keys belong to another installation: LENTERA_MASTER_KEY do(es) not match this database's check values; nothing was written",
    );
  });
});

describe.runIf(testBackend() === "postgres")("PostgreSQL with secrets in the environment", () => {
  let handle: TestDbHandle;
  const secrets = {
    LENTERA_MASTER_KEY: randomBytes(32).toString("base64"),
    LENTERA_TRACKING_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  let source: Record<string, string>;
  const exported = path.join(tmp, "pg.keys");

  beforeAll(async () => {
    handle = await openTestDb();
    source = { NODE_ENV: "test", DATABASE_URL: handle.url!, LENTERA_DATA_DIR: path.join(tmp, "pg"), ...secrets };
    const config = loadEnv(source);
    const checked = await openDb(config.database, { root: APP_ROOT, secrets: config });
    try {
      await submitSampleCase(checked.db, {}, config.secrets.masterKey);
    } finally {
      await checked.close();
    }
    await exportKeys(config, exported, PASS, () => {});
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("import prints the KEY=value lines only with --print", async () => {
    const quiet = recorder();
    const printed: string[] = [];
    await importKeys({ file: exported, passphrase: PASS, source }, quiet.say, (line) => printed.push(line));
    expect(printed).toEqual([]);
    expect(quiet.lines[1]).toMatch(/run again with --print/);
    await importKeys(
      { file: exported, passphrase: PASS, print: true, source },
      () => {},
      (line) => printed.push(line),
    );
    expect(printed).toEqual([
      `LENTERA_MASTER_KEY=${secrets.LENTERA_MASTER_KEY}`,
      `LENTERA_TRACKING_KEY=${secrets.LENTERA_TRACKING_KEY}`,
      `NEXTAUTH_SECRET=${secrets.NEXTAUTH_SECRET}`,
    ]);
    expect(fs.existsSync(path.join(tmp, "pg", "secrets.json"))).toBe(false);
  });

  it("keys:rotate explains the steps until both keys are set, then re-wraps next to the servers", async () => {
    const out = recorder();
    expect(await runRotateCommand(out.say, { source })).toBe(1);
    expect(out.lines[0]).toBe(
      "LENTERA_MASTER_KEY comes from the environment, which this tool cannot change. To rotate:",
    );
    expect(out.lines.join("\n")).not.toContain(secrets.LENTERA_MASTER_KEY);

    const rotated = {
      ...source,
      LENTERA_MASTER_KEY: randomBytes(32).toString("base64"),
      LENTERA_MASTER_KEY_PREVIOUS: secrets.LENTERA_MASTER_KEY,
    };
    const done = recorder();
    expect(await runRotateCommand(done.say, { source: rotated })).toBe(0);
    expect(done.lines).toContain(
      "Master key rotation finished: re-wrapped 1 case key(s), 0 letter key(s), 0 TOTP secret(s) in 1 batch(es).",
    );
    expect(done.lines.at(-1)).toMatch(/remove LENTERA_MASTER_KEY_PREVIOUS/);
    // The old export is now another installation's.
    await expect(
      importKeys(
        { file: exported, passphrase: PASS, print: true, source },
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/^These keys belong to another installation: LENTERA_MASTER_KEY/);
  });
});
