/**
 * Master-key rotation on a real database: everything sealed under the old key is re-wrapped,
 * old cases read with the new key, a crash part-way resumes, the audit trail has a start and a
 * finish with counts (no key material), and the start-up check follows each state.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { env, type Secrets } from "../env.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import {
  masterKeyring,
  masterKeyVersion,
  newDataKey,
  openJson,
  openUnderMasterKey,
  seal,
  sha256,
  unwrapDataKey,
  wrapDataKey,
  DecryptionError,
} from "./crypto.ts";
import { checkSecrets, NEXT_MASTER_KEY_ROW, SecretCheckError, type SecretsToCheck } from "./secret-check.ts";
import { KeyRotationError, pendingCounts, rotateMasterKey } from "./key-rotation.ts";
import { verifyAuditChain } from "./audit-verify.ts";
import { sealTotpSecret } from "../auth/second-factor.ts";
import { Role } from "../generated/prisma/enums.ts";
import { loadSmtp, openPassword, saveSmtp } from "./notifications/notification-settings.ts";
import { LetterType } from "../generated/prisma/client.ts";

let handle: TestDbHandle;
const oldKey = () => masterKeyring(env().secrets.masterKey);
const newKey = randomBytes(32);
const ring = () => masterKeyring(newKey, oldKey());

beforeEach(async () => {
  handle = await openTestDb();
});
afterEach(async () => {
  await handle?.close();
});

function withMasterKey(masterKey: Buffer): SecretsToCheck {
  const secrets: Secrets = { ...env().secrets, masterKey };
  return {
    secrets,
    secretsFile: "/srv/lentera/data/secrets.json",
    secretOrigins: {
      LENTERA_MASTER_KEY: "environment",
      LENTERA_TRACKING_KEY: "environment",
      NEXTAUTH_SECRET: "environment",
    },
    generatedSecrets: [],
  };
}
const noSave = () => {
  throw new Error("nothing to save");
};
const check = (masterKey: Buffer) => checkSecrets(handle.db, withMasterKey(masterKey), noSave);

/** Five cases, a case-less letter with its own data key and an enrolled TOTP secret, all under the old key. */
async function seedUnderOldKey() {
  await check(oldKey());
  const cases = [];
  for (let i = 0; i < 5; i++) cases.push(await submitSampleCase(handle.db));
  const letterKey = newDataKey();
  const pdf = Buffer.from("%PDF-1.7 agenda snapshot");
  const letter = await handle.db.letter.create({
    data: {
      type: LetterType.DOSSIER,
      year: 2026,
      content: seal(letterKey, pdf),
      wrappedKey: wrapDataKey(oldKey(), letterKey),
      keyVersion: 1,
      size: pdf.length,
      sha256: sha256(pdf),
      verificationCode: randomBytes(8).toString("hex"),
    },
  });
  const user = await handle.db.staffUser.create({
    data: {
      username: `rotasi-${randomBytes(3).toString("hex")}`,
      name: "Uji Rotasi",
      position: "Admin",
      roles: [],
      passwordHash: "x",
    },
  });
  const totp = randomBytes(20);
  await handle.db.staffUser.update({
    where: { id: user.id },
    data: {
      totpSecret: sealTotpSecret(oldKey(), user.id, totp),
      totpKeyVersion: masterKeyVersion(oldKey()),
      totpEnrolledAt: new Date(),
    },
  });
  const admin = await handle.db.staffUser.create({
    data: {
      username: `admin-${randomBytes(3).toString("hex")}`,
      name: "Admin Rotasi",
      position: "Admin",
      roles: [Role.ADMIN],
      passwordHash: "x",
    },
  });
  await saveSmtp(handle.db, oldKey(), admin.id, {
    enabled: true,
    host: "smtp.example.test",
    port: 587,
    tls: "starttls",
    user: "wbs",
    password: "sandi-smtp-rahasia",
    from: "wbs@example.test",
  });
  return { cases, letterId: letter.id, letterKey, userId: user.id, totp };
}

async function expectAllReadableWith(key: Buffer, seeded: Awaited<ReturnType<typeof seedUnderOldKey>>) {
  for (const { caseId } of seeded.cases) {
    const row = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.keyVersion).toBe(masterKeyVersion(key));
    expect(openJson<{ what: string }>(unwrapDataKey(key, row.wrappedKey), row.payload).what).toBe(
      "Suap untuk mempercepat izin",
    );
    expect(() => unwrapDataKey(oldKey(), row.wrappedKey)).toThrow(DecryptionError);
  }
  const letter = await handle.db.letter.findUniqueOrThrow({ where: { id: seeded.letterId } });
  expect(unwrapDataKey(key, letter.wrappedKey!).equals(seeded.letterKey)).toBe(true);
  expect(letter.keyVersion).toBe(masterKeyVersion(key));
  const user = await handle.db.staffUser.findUniqueOrThrow({ where: { id: seeded.userId } });
  expect(
    openUnderMasterKey(key, user.totpSecret!, Buffer.from(`lentera:totp-secret:v1:${seeded.userId}`)).equals(
      seeded.totp,
    ),
  ).toBe(true);
  expect(user.totpKeyVersion).toBe(masterKeyVersion(key));
  // The email server's password opens with the new key alone (no previous key attached).
  expect(openPassword(Buffer.from(key), await loadSmtp(handle.db))).toBe("sandi-smtp-rahasia");
}

describe("master key rotation", () => {
  it("re-wraps every case key, letter key and TOTP secret; old cases read with the new key alone", async () => {
    const seeded = await seedUnderOldKey();
    expect(await pendingCounts(handle.db, newKey)).toEqual({ caseKeys: 5, letterKeys: 1, totpSecrets: 1 });
    const result = await rotateMasterKey(handle.db, ring(), { by: "test", batchSize: 2 });
    expect(result).toEqual({
      state: "finished",
      rewrapped: { caseKeys: 5, letterKeys: 1, totpSecrets: 1 },
      batches: 5,
    });
    await expectAllReadableWith(newKey, seeded);
    expect(await pendingCounts(handle.db, newKey)).toEqual({ caseKeys: 0, letterKeys: 0, totpSecrets: 0 });
    // Done again: nothing to do.
    expect(await rotateMasterKey(handle.db, ring(), { by: "test" })).toMatchObject({
      state: "already finished",
      batches: 0,
    });
  });

  it("a crash part-way leaves every row readable, the start-up check accepts the state, and a second run resumes", async () => {
    const seeded = await seedUnderOldKey();
    const crash = rotateMasterKey(handle.db, ring(), {
      by: "test",
      batchSize: 2,
      afterBatch: (batches) => {
        if (batches === 2) throw new Error("power cut");
      },
    });
    await expect(crash).rejects.toThrow("power cut");
    const versions = (await handle.db.case.findMany({ select: { keyVersion: true } })).map((r) => r.keyVersion);
    expect(versions.filter((v) => v === masterKeyVersion(newKey))).toHaveLength(4);
    expect(await pendingCounts(handle.db, newKey)).toEqual({ caseKeys: 1, letterKeys: 1, totpSecrets: 1 });
    expect(await handle.db.secretCheck.findUnique({ where: { name: NEXT_MASTER_KEY_ROW } })).not.toBeNull();

    // In progress: both keys → accepted; the new key alone, the old key alone or a stranger → refused.
    expect(await check(ring())).toMatchObject({ masterKeyRotation: "in progress" });
    await expect(check(masterKeyring(newKey))).rejects.toThrow(
      /the master key is being rotated and values not yet re-wrapped need the previous key; set LENTERA_MASTER_KEY_PREVIOUS/,
    );
    await expect(check(oldKey())).rejects.toThrow(
      /LENTERA_MASTER_KEY is the previous master key but a rotation to a new one has begun/,
    );
    await expect(check(masterKeyring(randomBytes(32), oldKey()))).rejects.toThrow(SecretCheckError);
    // The server keeps working meanwhile: a case submitted now is sealed under the new key and labelled so.
    const during = await submitSampleCase(handle.db, {}, ring());
    expect((await handle.db.case.findUniqueOrThrow({ where: { id: during.caseId } })).keyVersion).toBe(
      masterKeyVersion(newKey),
    );

    const resumed = await rotateMasterKey(handle.db, ring(), { by: "test", batchSize: 2 });
    expect(resumed.rewrapped).toEqual({ caseKeys: 1, letterKeys: 1, totpSecrets: 1 });
    await expectAllReadableWith(newKey, seeded);

    // Audit: a start for each run (the second one resumed) and one finish, with counts and no key material.
    const entries = await handle.db.auditEntry.findMany({
      where: { action: { startsWith: "keys.rotation." } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual([
      "keys.rotation.start",
      "keys.rotation.start",
      "keys.rotation.finish",
    ]);
    expect(entries[0]!.detail).toMatchObject({
      by: "test",
      resumed: false,
      pending: { caseKeys: 5, letterKeys: 1, totpSecrets: 1 },
    });
    expect(entries[1]!.detail).toMatchObject({
      resumed: true,
      pending: { caseKeys: 1, letterKeys: 1, totpSecrets: 1 },
    });
    expect(entries[2]!.detail).toMatchObject({ rewrapped: { caseKeys: 1, letterKeys: 1, totpSecrets: 1 } });
    const text = JSON.stringify(entries.map((e) => e.detail));
    for (const key of [newKey, oldKey()])
      for (const encoding of ["hex", "base64", "base64url"] as const)
        expect(text).not.toContain(key.toString(encoding).slice(0, 16));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });

    // Finished: the new key alone starts, the previous is reported unneeded, the old one and strangers are refused.
    expect(await handle.db.secretCheck.findUnique({ where: { name: NEXT_MASTER_KEY_ROW } })).toBeNull();
    expect(await check(masterKeyring(newKey))).toEqual({ recorded: [] });
    expect(await check(ring())).toMatchObject({ previousKeyUnneeded: true });
    await expect(check(oldKey())).rejects.toThrow(
      /^LENTERA_MASTER_KEY \(from the environment\) does not match the key this database was created with/,
    );
    await expect(check(masterKeyring(randomBytes(32)))).rejects.toThrow(SecretCheckError);
  });

  it("a start with the new key and the old one as previous records the new key before anything is sealed under it", async () => {
    await seedUnderOldKey();
    expect(await check(ring())).toMatchObject({ masterKeyRotation: "in progress" });
    const next = await handle.db.secretCheck.findUniqueOrThrow({ where: { name: NEXT_MASTER_KEY_ROW } });
    expect(next.version).toBe(masterKeyVersion(newKey));
    // A previous key that is not this database's is refused, nothing recorded.
    await expect(check(masterKeyring(randomBytes(32), randomBytes(32)))).rejects.toThrow(
      /^LENTERA_MASTER_KEY_PREVIOUS is not this database's master key/,
    );
  });

  it("refuses keys that are not this database's, and stops (nothing lost) at a row neither key opens", async () => {
    await seedUnderOldKey();
    await expect(rotateMasterKey(handle.db, masterKeyring(newKey, randomBytes(32)), { by: "test" })).rejects.toThrow(
      SecretCheckError,
    );
    const stranger = await submitSampleCase(handle.db, {}, masterKeyring(randomBytes(32)));
    await expect(rotateMasterKey(handle.db, ring(), { by: "test" })).rejects.toThrow(
      new KeyRotationError(
        `the data key of case ${stranger.caseId} opens with neither the new nor the previous master key; rotation stopped, nothing lost`,
      ),
    );
    expect(await handle.db.secretCheck.findUnique({ where: { name: NEXT_MASTER_KEY_ROW } })).not.toBeNull();
  });
});
