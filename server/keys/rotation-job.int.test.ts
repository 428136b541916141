/**
 * The embedded server's side of a rotation: it takes over a new key written into secrets.json
 * while it runs (recording it in the database first), re-wraps in the background, and then
 * forgets the previous key, in memory and in the file.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEnv, readSecretsFile, saveGeneratedSecrets, writeSecretsFile, type Env } from "../env.ts";
import { masterKeyring, masterKeyVersion, openJson, unwrapDataKey } from "../domain/crypto.ts";
import { checkSecrets, NEXT_MASTER_KEY_ROW } from "../domain/secret-check.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { newMasterKeyInFile } from "./master-key-file.ts";
import { adoptNewKeyFromFile, rewrapInServer } from "./rotation-job.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-rotation-job-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let handle: TestDbHandle;
let config: Env;
const db = () => Promise.resolve(handle.db);

beforeEach(async () => {
  handle = await openTestDb();
  config = loadEnv({ NODE_ENV: "test", LENTERA_DATA_DIR: fs.mkdtempSync(path.join(tmp, "d-")) });
  await checkSecrets(handle.db, config, () => saveGeneratedSecrets(config)); // the server's first start
});
afterEach(async () => {
  await handle?.close();
});

describe("rotation in the running embedded server", () => {
  it("takes over a new key from secrets.json, re-wraps, and drops the previous key", async () => {
    const old = masterKeyring(config.secrets.masterKey);
    const { caseId } = await submitSampleCase(handle.db, {}, config.secrets.masterKey);
    expect(await adoptNewKeyFromFile(config, db)).toBe(false); // nothing new in the file

    const fresh = newMasterKeyInFile(config.secretsFile); // what `npm run keys:rotate` does
    expect(await adoptNewKeyFromFile(config, db)).toBe(true);
    expect(masterKeyring(config.secrets.masterKey).equals(masterKeyring(fresh))).toBe(true);
    expect(config.secrets.masterKey.previous?.equals(old)).toBe(true);
    expect((await handle.db.secretCheck.findUniqueOrThrow({ where: { name: NEXT_MASTER_KEY_ROW } })).version).toBe(
      masterKeyVersion(fresh),
    );
    expect(await adoptNewKeyFromFile(config, db)).toBe(false); // already taken over

    // Requests go on meanwhile: the old case opens, a new one is sealed under the new key.
    const before = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(
      openJson<{ what: string }>(unwrapDataKey(config.secrets.masterKey, before.wrappedKey), before.payload).what,
    ).toBe("Suap untuk mempercepat izin");
    const during = await submitSampleCase(handle.db, {}, config.secrets.masterKey);
    expect((await handle.db.case.findUniqueOrThrow({ where: { id: during.caseId } })).keyVersion).toBe(
      masterKeyVersion(fresh),
    );

    await rewrapInServer(config, db);
    expect(config.secrets.masterKey.previous).toBeUndefined();
    expect(readSecretsFile(config.secretsFile)?.previousMasterKey).toBeUndefined();
    const after = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(after.keyVersion).toBe(masterKeyVersion(fresh));
    expect(openJson<{ what: string }>(unwrapDataKey(masterKeyring(fresh), after.wrappedKey), after.payload).what).toBe(
      "Suap untuk mempercepat izin",
    );
    // The next start, from the file alone, passes.
    const restarted = loadEnv({ NODE_ENV: "test", LENTERA_DATA_DIR: config.dataDir });
    expect(await checkSecrets(handle.db, restarted, () => {})).toEqual({ recorded: [] });
    expect(await handle.db.auditEntry.count({ where: { action: "keys.rotation.finish" } })).toBe(1);
  });

  it("ignores a file whose previous key is not the key it holds", async () => {
    const stored = readSecretsFile(config.secretsFile)!;
    writeSecretsFile(config.secretsFile, {
      ...stored,
      masterKey: randomBytes(32).toString("base64"),
      previousMasterKey: randomBytes(32).toString("base64"),
    });
    expect(await adoptNewKeyFromFile(config, db)).toBe(false);
    expect(config.secrets.masterKey.previous).toBeUndefined();
    expect(await handle.db.secretCheck.findUnique({ where: { name: NEXT_MASTER_KEY_ROW } })).toBeNull();
  });
});
