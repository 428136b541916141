/**
 * Backup during a burst of submissions, restore into a fresh place, then: every restored
 * case decrypts for staff, its tracking code signs in, the audit chain verifies. Runs on the
 * Vitest project's backend (PGlite in memory → a new PGlite data directory on disk;
 * PostgreSQL → a new scratch database).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDb, type DatabaseTarget } from "../db.ts";
import { env, testDatabaseUrl } from "../env.ts";
import { checkSecrets } from "../domain/secret-check.ts";
import { verifyAuditChain } from "../domain/audit-verify.ts";
import { staffCaseView } from "../domain/cases/detail.ts";
import { openReporterSession } from "../domain/reporter/session.ts";
import { submitPortalReport, type Receipt } from "../domain/reporter/submit-report.ts";
import { randomToken } from "../domain/crypto.ts";
import { openTestDb, testBackend, APP_ROOT, type TestDbHandle } from "../testing/test-db.ts";
import { createScratchDatabase } from "../testing/scratch-database.ts";
import { seedDemoStaff } from "../testing/demo-staff.ts";
import { sampleReport } from "../testing/sample-case.ts";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import { writeBackup } from "./snapshot.ts";
import { backupFromServer } from "./server-backup.ts";
import { restoreBackup, RestoreError } from "./restore.ts";
import { verifyArchive } from "./archive.ts";
import { writeBackupFile } from "./backup-file.ts";

let source: TestDbHandle;
let users: Record<string, StaffPrincipal>;
let dir: string;
const cleanups: (() => Promise<void>)[] = [];
const receipts: Receipt[] = [];

async function freshTarget(): Promise<DatabaseTarget> {
  if (testBackend() === "postgres") {
    const scratch = await createScratchDatabase(testDatabaseUrl()!, "lentera_restore");
    cleanups.push(scratch.drop);
    return { kind: "postgres", url: scratch.url };
  }
  return { kind: "pglite", dataDir: await fs.mkdtemp(path.join(dir, "pglite-")) };
}

const submit = async () => {
  const receipt = await submitPortalReport(source.db, env().secrets, {
    report: sampleReport(),
    files: [],
    idempotencyKey: randomToken(),
  });
  receipts.push(receipt);
  return receipt;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-backup-test-"));
  source = await openTestDb();
  await checkSecrets(source.db, env(), () => {});
  users = await seedDemoStaff(source.db);
  for (let i = 0; i < 6; i++) await submit();
});

afterAll(async () => {
  await source?.close();
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  test("a backup taken during a burst of submissions restores to a working, verified copy", async () => {
    const file = path.join(dir, "burst.lentera-backup");
    const before = receipts.length;
    // The burst: submissions (two at a time) go on while the backup is taken, as the
    // server takes it; each is wholly in it or wholly not.
    let running = true;
    let sent = 0;
    const stream = async () => {
      while (running && sent++ < 10) await submit();
    };
    const burst = Promise.all([stream(), stream()]);
    const manifest = await writeBackupFile(file, (sink) => backupFromServer(source, sink, dir)).finally(
      () => (running = false),
    );
    await burst;
    expect(receipts.length).toBeGreaterThan(before);
    expect(await verifyArchive(file)).toEqual(manifest);
    const caseRows = manifest.tables.find((t) => t.name === "cases")!.rows;
    expect(caseRows).toBeGreaterThanOrEqual(before);
    expect(caseRows).toBeLessThanOrEqual(receipts.length);
    expect(manifest.audit.count).toBeGreaterThan(0);
    expect(manifest.secretChecks.map((c) => c.name)).toEqual([
      "LENTERA_MASTER_KEY",
      "LENTERA_TRACKING_KEY",
      "NEXTAUTH_SECRET",
    ]);

    const target = await freshTarget();
    const result = await restoreBackup({ file, target, secrets: env(), root: APP_ROOT });
    expect(result.rows).toBe(manifest.tables.reduce((sum, t) => sum + t.rows, 0));

    // Opened the way the server opens it: migrations complete, secrets checked.
    const restored = await openDb(target, { root: APP_ROOT, secrets: env() });
    try {
      const db = restored.db;
      const cases = await db.case.findMany({ select: { id: true, reference: true } });
      expect(cases).toHaveLength(caseRows);
      const byReference = new Map(receipts.map((r) => [r.reference, r]));
      // Every receipt issued before the backup started is in it.
      for (const r of receipts.slice(0, before)) expect(cases.some((c) => c.reference === r.reference)).toBe(true);
      const now = new Date();
      for (const c of cases) {
        const receipt = byReference.get(c.reference);
        expect(receipt, `${c.reference} has a receipt`).toBeDefined();
        const view = await staffCaseView(
          db,
          { staff: users.sekretariat!, masterKey: env().secrets.masterKey, now },
          c.id,
        );
        expect(view.report?.what).toBe("Suap untuk mempercepat izin");
        const signIn = await openReporterSession(db, env().secrets.trackingKey, receipt!.trackingCode, now);
        expect(signIn.ok).toBe(true);
      }
      const chain = await verifyAuditChain(db);
      expect(chain.ok).toBe(true);
      // Counters continue after the restored rows: a new case gets the next number, the audit chain grows.
      const next = await submitPortalReport(db, env().secrets, {
        report: sampleReport(),
        files: [],
        idempotencyKey: randomToken(),
      });
      expect(next.reference).not.toBe(cases.at(-1)?.reference);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await restored.close();
    }

    // A second restore into the now non-empty target is refused.
    await expect(restoreBackup({ file, target, secrets: env(), root: APP_ROOT })).rejects.toThrow(/not empty/);
  }, 600_000);

  test("refuses other keys, missing keys and a truncated file, leaving the target empty", async () => {
    const file = path.join(dir, "plain.lentera-backup");
    await writeBackupFile(file, (sink) => writeBackup(source.db, sink, { backend: source.backend }));
    const target = await freshTarget();
    const config = env();
    const otherKey = { ...config, secrets: { ...config.secrets, trackingKey: Buffer.alloc(32, 7) } };
    await expect(restoreBackup({ file, target, secrets: otherKey, root: APP_ROOT })).rejects.toThrow(
      /LENTERA_TRACKING_KEY .* keys:import/,
    );
    const generated = { ...config, generatedSecrets: ["LENTERA_MASTER_KEY" as const] };
    await expect(restoreBackup({ file, target, secrets: generated, root: APP_ROOT })).rejects.toThrow(RestoreError);

    const bytes = await fs.readFile(file);
    const truncated = path.join(dir, "truncated.lentera-backup");
    await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(restoreBackup({ file: truncated, target, secrets: config, root: APP_ROOT })).rejects.toThrow();

    // Still empty, so the real restore goes through.
    const result = await restoreBackup({ file, target, secrets: config, root: APP_ROOT });
    expect(result.rows).toBeGreaterThan(0);
  }, 600_000);
});
