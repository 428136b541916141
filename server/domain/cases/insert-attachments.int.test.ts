/**
 * Attachments written through the driver (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * the bytes read back identical through Prisma, in the same transaction as the case (a failure
 * later in it leaves no row), and never outside a transaction.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { ActorKind } from "../../generated/prisma/enums.ts";
import { newDataKey, open, randomToken, sha256, unwrapDataKey } from "../crypto.ts";
import { reportSchema } from "./report-content.ts";
import { submitPortalReport } from "../reporter/submit-report.ts";
import { transaction } from "../transaction.ts";
import type { Tx } from "../tx.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import { attachmentRow } from "./create-case.ts";
import { insertAttachments, uuidV7 } from "./insert-attachments.ts";

const secrets = { masterKey: randomBytes(32), trackingKey: randomBytes(32) };
const report = () =>
  reportSchema.parse({
    category: "ILLEGAL_LEVY",
    content: {
      what: "Kepala Bidang meminta uang pelicin untuk IMB gudang",
      persons: [{ name: "Bapak Suparjo", position: "Kepala Bidang" }],
      where: "Loket 3 Mal Pelayanan Publik",
      when: "Maret 2026",
      how: "Diminta tunai di loket",
      evidence: "Kuitansi",
      witnesses: "",
    },
    identityMode: "ANONYMOUS",
    involvesLeadership: false,
  });
const photo = (bytes: Buffer): SanitizedFile => ({
  bytes,
  mime: "image/jpeg",
  kind: "IMAGE",
  fileName: "IMG_0001.jpg",
  strippedMetadata: true,
  warning: false,
});

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("attachments written through the driver", () => {
  it("stores a 3 MB file with the case; Prisma reads back the same bytes and fields", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [photo(bytes)],
      idempotencyKey: randomToken(),
    });
    const row = await handle.db.case.findUniqueOrThrow({
      where: { reference: receipt.reference },
      select: { wrappedKey: true, submittedAt: true, attachments: true },
    });
    expect(row.attachments).toHaveLength(1);
    const a = row.attachments[0]!;
    const key = unwrapDataKey(secrets.masterKey, row.wrappedKey);
    expect(open(key, a.content).equals(bytes)).toBe(true);
    expect(open(key, a.fileName).toString("utf8")).toBe("IMG_0001.jpg");
    expect(Buffer.from(a.sha256).equals(sha256(bytes))).toBe(true);
    expect(a).toMatchObject({
      authorKind: ActorKind.REPORTER,
      staffUserId: null,
      messageId: null,
      mimeType: "image/jpeg",
      declaredMimeType: "image/jpeg",
      detectedKind: "IMAGE",
      size: bytes.length,
      strippedMetadata: true,
      warning: false,
    });
    expect(a.createdAt.toISOString()).toBe(row.submittedAt.toISOString());
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("rolls back with the transaction it joined", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [],
      idempotencyKey: randomToken(),
    });
    const { id: caseId } = await handle.db.case.findUniqueOrThrow({
      where: { reference: receipt.reference },
      select: { id: true },
    });
    const row = attachmentRow(newDataKey(), photo(randomBytes(1024 * 1024)), ActorKind.REPORTER, null, new Date());
    await expect(
      transaction(handle.db, async (tx) => {
        await insertAttachments(tx, { caseId }, [row]);
        // Visible inside the transaction that wrote it…
        expect(await tx.attachment.count({ where: { caseId } })).toBe(1);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    // …and gone with it.
    expect(await handle.db.attachment.count({ where: { caseId } })).toBe(0);
  });

  it("refuses to write outside transaction()", async () => {
    const row = attachmentRow(newDataKey(), photo(randomBytes(16)), ActorKind.REPORTER, null, new Date());
    await expect(insertAttachments(handle.db as unknown as Tx, { caseId: uuidV7() }, [row])).rejects.toThrow(
      /transaction\(\)/,
    );
    await expect(handle.db.$transaction((tx) => insertAttachments(tx, { caseId: uuidV7() }, [row]))).rejects.toThrow(
      /transaction\(\)/,
    );
  });
});
