/**
 * The sample office year, made through the real workflow: every SOP stage present, categories
 * and channels spread, some cases overdue and some escalated, months with reports across the
 * year, letters rendered, the audit chain intact; refused in production and on a database with
 * real reports; a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../server/testing/test-db.ts";
import { seedDemoStaff } from "../server/testing/demo-staff.ts";
import { submitSampleCase } from "../server/testing/sample-case.ts";
import { env } from "../server/env.ts";
import { verifyAuditChain } from "../server/domain/audit-verify.ts";
import { sampleDataPresent } from "../server/domain/demo-data.ts";
import { renderedPdf } from "../server/domain/letters/render-pending.ts";
import { CaseStatus } from "../server/generated/prisma/enums.ts";
import { seedOfficeYear } from "./demo-office-year.ts";
import { SeedRefusedError } from "./seed-data.ts";

const NOW = new Date("2026-11-20T03:00:00Z");
let handle: TestDbHandle;
const options = () => ({ ...env().secrets, isProduction: false, now: NOW, log: () => {} });

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

describe("sample office year", () => {
  it("is refused in production, before anything is written", async () => {
    await expect(seedOfficeYear(handle.db, { ...options(), isProduction: true })).rejects.toThrow(SeedRefusedError);
    expect(await handle.db.case.count()).toBe(0);
    expect(await sampleDataPresent(handle.db)).toBe(false);
  });

  it("makes a consistent year through the workflow, once", { timeout: 600_000 }, async () => {
    const started = Date.now();
    const result = await seedOfficeYear(handle.db, options());
    console.log(`sample office year: ${result.created} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(result.created).toBeGreaterThanOrEqual(140);
    expect(await sampleDataPresent(handle.db)).toBe(true);

    const cases = await handle.db.case.findMany({
      select: {
        status: true,
        category: true,
        channel: true,
        receivedAt: true,
        dueAt: true,
        escalatedAt: true,
        recordedAt: true,
      },
    });
    expect(cases).toHaveLength(result.created);
    const by = <K extends string>(key: (c: (typeof cases)[number]) => K) =>
      cases.reduce<Record<string, number>>((n, c) => ({ ...n, [key(c)]: (n[key(c)] ?? 0) + 1 }), {});
    // Every stage of the SOP, and the side paths.
    expect(Object.keys(by((c) => c.status)).sort()).toEqual(Object.values(CaseStatus).sort());
    expect(by((c) => c.status).ARCHIVED).toBeGreaterThan(result.created / 3);
    expect(Object.keys(by((c) => c.category)).length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(by((c) => c.channel)).length).toBeGreaterThanOrEqual(4);
    expect(by((c) => c.channel).PORTAL).toBeGreaterThan(result.created / 2);
    // Reports in at least eleven of the last twelve months, nothing in the future.
    expect(new Set(cases.map((c) => c.receivedAt.toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(11);
    expect(cases.every((c) => c.receivedAt < NOW)).toBe(true);
    const open = cases.filter((c) => c.status !== CaseStatus.ARCHIVED && c.dueAt);
    expect(open.filter((c) => c.dueAt! < NOW).length).toBeGreaterThanOrEqual(5); // overdue
    expect(cases.filter((c) => c.escalatedAt).length).toBeGreaterThanOrEqual(3);

    // Agenda books, letters, messages and timelines came with the workflow.
    expect(await handle.db.agendaEntry.count({ where: { book: "PERMOHONAN" } })).toBe(
      cases.filter((c) => c.recordedAt).length,
    );
    expect(await handle.db.agendaEntry.count({ where: { book: "TANGGAPAN" } })).toBeGreaterThan(30);
    expect(await handle.db.message.count({ where: { authorKind: "REPORTER" } })).toBeGreaterThan(5);
    const letter = await handle.db.letter.findFirstOrThrow({
      where: { type: "TANGGAPAN" },
      select: { id: true, issuedAt: true },
    });
    expect(letter.issuedAt < NOW).toBe(true);
    expect((await renderedPdf(handle.db, env().secrets.masterKey, letter.id)).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });

    // A second run adds nothing.
    expect(await seedOfficeYear(handle.db, options())).toEqual({ created: 0, alreadyPresent: true });
    expect(await handle.db.case.count()).toBe(result.created);
  });
});

describe("a database with real reports", () => {
  it("is refused: sample cases are never mixed in", async () => {
    const other = await openTestDb();
    try {
      await seedDemoStaff(other.db);
      await submitSampleCase(other.db);
      await expect(seedOfficeYear(other.db, options())).rejects.toThrow(/already holds reports/);
      expect(await other.db.case.count()).toBe(1);
      expect(await sampleDataPresent(other.db)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
