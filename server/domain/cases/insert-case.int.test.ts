/**
 * A new case's rows written in one statement through the driver (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): what Prisma reads back is the case with its step-2 record, its
 * step-1 timeline event, every attachment, and notices that carry the final reference.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { seedDemo } from "../../../prisma/seed-data.ts";
import { ActorKind, CaseStatus, Channel, NotificationKind, TimelineKind } from "../../generated/prisma/enums.ts";
import { open, randomToken, unwrapDataKey } from "../crypto.ts";
import { reportSchema } from "./report-content.ts";
import { submitPortalReport } from "../reporter/submit-report.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";

const secrets = { masterKey: randomBytes(32), trackingKey: randomBytes(32) };
const openJson = (key: Buffer, box: Uint8Array): unknown => JSON.parse(open(key, box).toString("utf8"));
const file = (fileName: string, bytes: Buffer): SanitizedFile => ({
  bytes,
  mime: "text/plain",
  kind: "TEXT",
  fileName,
  strippedMetadata: false,
  warning: false,
});

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => "uji-Kata-Sandi-2026" });
});
afterAll(() => handle?.close());

describe("a new case in one statement", () => {
  it("stores the case, its step record, its timeline event and two attachments; notices name the reference", async () => {
    const now = new Date("2026-11-16T03:00:00Z");
    const receipt = await submitPortalReport(
      handle.db,
      secrets,
      {
        report: reportSchema.parse({
          category: "BRIBERY",
          content: {
            what: "Suap untuk izin usaha",
            persons: [{ name: "Pak B", position: "Staf" }],
            where: "Loket 2",
            when: "Kemarin",
            how: "Tunai",
            evidence: "",
            witnesses: "",
          },
          identityMode: "CONFIDENTIAL",
          identity: { name: "Siti", contact: "0812-0000-1111" },
          involvesLeadership: true,
        }),
        files: [file("satu.txt", Buffer.from("pertama")), file("dua.txt", randomBytes(200_000))],
        idempotencyKey: randomToken(),
      },
      now,
    );
    const c = await handle.db.case.findUniqueOrThrow({
      where: { reference: receipt.reference },
      include: { stepRecords: true, timeline: true, attachments: { orderBy: { size: "asc" } }, notifications: true },
    });
    expect(c).toMatchObject({
      status: CaseStatus.SUBMITTED,
      channel: Channel.PORTAL,
      category: "BRIBERY",
      identityMode: "CONFIDENTIAL",
      involvesLeadership: true,
      sequence: expect.any(Number) as number,
      createdById: null,
      version: 0,
      pausedOfficeMinutes: 0,
    });
    expect(c.year).toBe(2026);
    expect(c.sequence).toBeGreaterThan(0);
    expect(c.submittedAt.toISOString()).toBe(now.toISOString());
    expect(c.receivedAt.toISOString()).toBe(now.toISOString());
    expect(c.dueAt!.getTime()).toBeGreaterThan(now.getTime());
    const key = unwrapDataKey(secrets.masterKey, c.wrappedKey);
    expect(openJson(key, c.payload)).toMatchObject({ what: "Suap untuk izin usaha" });
    expect(openJson(key, c.reporterIdentity!)).toMatchObject({ name: "Siti" });
    expect(c.stepRecords).toEqual([
      expect.objectContaining({ step: 2, startedAt: now, dueAt: c.dueAt, completedAt: null, pausedOfficeMinutes: 0 }),
    ]);
    expect(c.timeline).toEqual([
      expect.objectContaining({
        kind: TimelineKind.TRANSITION,
        fromStatus: null,
        toStatus: CaseStatus.SUBMITTED,
        step: 1,
        actorKind: ActorKind.REPORTER,
        actorId: null,
        visibleToReporter: true,
        createdAt: now,
      }),
    ]);
    expect(c.attachments.map((a) => open(key, a.fileName).toString("utf8"))).toEqual(["satu.txt", "dua.txt"]);
    expect(c.attachments.map((a) => a.size)).toEqual([7, 200_000]);
    // The Sekretariat is told, under the reference the case got after its rows were written.
    expect(c.notifications.length).toBeGreaterThan(0);
    for (const n of c.notifications)
      expect(n).toMatchObject({ kind: NotificationKind.NEW_REPORT, reference: receipt.reference, step: 2 });
  });

  it("stores an anonymous report with no file and no identity", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: reportSchema.parse({
        category: "OTHER",
        content: {
          what: "Pelayanan lambat",
          persons: [{ name: "Bu C", position: "Staf" }],
          where: "Loket 1",
          when: "Hari ini",
          how: "Menunggu",
          evidence: "",
          witnesses: "",
        },
        identityMode: "ANONYMOUS",
        involvesLeadership: false,
      }),
      files: [],
      idempotencyKey: randomToken(),
    });
    const c = await handle.db.case.findUniqueOrThrow({
      where: { reference: receipt.reference },
      select: {
        reporterIdentity: true,
        trackingHash: true,
        _count: { select: { attachments: true, stepRecords: true } },
      },
    });
    expect(c.reporterIdentity).toBeNull();
    expect(c.trackingHash).not.toBeNull();
    expect(c._count).toEqual({ attachments: 0, stepRecords: 1 });
  });
});
