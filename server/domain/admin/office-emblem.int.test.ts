/**
 * Admin uploads, replaces and removes the emblem of the letterhead through the admin router
 * (server/domain/admin/office-emblem.ts), on a real database: what is stored is a clean PNG,
 * letters issued afterwards print it, refused files and refused callers change nothing, and
 * every change is on the audit trail.
 */
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { env } from "../../env.ts";
import { pdfImageCount } from "../../pdf/pdf-tools.ts";
import { appRouter } from "../../routers/_app.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { submitSampleCase } from "../../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { sha256 } from "../crypto.ts";
import { issueSystemLetter } from "../../testing/case-letters.ts";
import { renderedPdf } from "../letters/render-pending.ts";
import { GPS_EXIF, pixels, XMP } from "../uploads/test-inputs.ts";
import { EMBLEM_MAX_BYTES } from "./office-emblem.ts";
import { rejection } from "../../testing/rejection.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const createCaller = createCallerFactory(appRouter);
const as = (username: string) => createCaller({ db: handle.db, staff: async () => users[username] ?? null });
const upload = (username: string, bytes: Buffer) =>
  as(username).admin.settings.emblem.set({ base64: bytes.toString("base64") });

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 20, b: 20 } } });

/** Everything an emblem call could change. */
async function snapshot() {
  const [assets, audit] = await Promise.all([handle.db.officeAsset.findMany(), handle.db.auditEntry.count()]);
  return JSON.stringify({ assets, audit });
}

const stored = () => handle.db.officeAsset.findUnique({ where: { key: "emblem" } });
const lastAudit = () => handle.db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });

/** A Tanggapan issued now, on a fresh case, as the workflow would. */
async function issuedLetterPdf(): Promise<Buffer> {
  const { caseId } = await submitSampleCase(handle.db);
  const letter = await issueSystemLetter(handle.db, caseId);
  return renderedPdf(handle.db, env().secrets.masterKey, letter.id);
}

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await handle.db.officeAsset.deleteMany();
});

describe("Admin sets the emblem", () => {
  it("stores a PNG as PNG with its dimensions and hash, audited, and the next letter prints it", async () => {
    expect(await pdfImageCount(await issuedLetterPdf())).toBe(0);
    const input = await solid(300, 360).png().toBuffer();

    const saved = await upload("admin", input);
    expect(saved).toMatchObject({ width: 300, height: 360 });

    const row = (await stored())!;
    expect(row).toMatchObject({
      mimeType: "image/png",
      width: 300,
      height: 360,
      size: row.content.length,
      updatedById: users.admin!.id,
    });
    expect(Buffer.from(row.sha256).toString("hex")).toBe(saved.sha256);
    expect(Buffer.from(row.sha256)).toEqual(sha256(Buffer.from(row.content)));
    const meta = await sharp(Buffer.from(row.content)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 300, 360]);

    const entry = await lastAudit();
    expect(entry).toMatchObject({
      action: "setting.emblem.set",
      actorId: users.admin!.id,
      actorLabel: "admin",
      target: "asset:emblem",
      caseId: null,
    });
    expect(entry.detail).toEqual({ sha256: saved.sha256, size: saved.size });

    expect(await pdfImageCount(await issuedLetterPdf())).toBe(1);
  });

  it("re-encodes a JPEG with EXIF (GPS) and XMP to a PNG without metadata, scaled to fit 600 px", async () => {
    const input = await pixels(1200, 800)
      .withExif(GPS_EXIF)
      .withXmp(XMP)
      .withIccProfile("p3")
      .jpeg({ quality: 90 })
      .toBuffer();
    // The input really carries what must go, or this test could not fail.
    expect(await exifr.gps(input)).toBeDefined();
    expect(input.includes("Budi Santoso")).toBe(true);

    const saved = await upload("admin", input);
    expect([saved.width, saved.height]).toEqual([600, 400]);

    const content = Buffer.from((await stored())!.content);
    const meta = await sharp(content).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp, meta.icc]).toEqual([
      "png",
      600,
      400,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await exifr.gps(content)).toBeUndefined();
    expect(content.includes("Budi Santoso")).toBe(false);
    expect(content.includes("Samsung")).toBe(false);

    expect(await pdfImageCount(await issuedLetterPdf())).toBe(1);
  });

  it("replaces an earlier emblem (one row, the newest file)", async () => {
    await upload("admin", await solid(100, 100).png().toBuffer());
    const second = await upload("admin", await solid(200, 120).jpeg().toBuffer());
    const rows = await handle.db.officeAsset.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ width: 200, height: 120 });
    expect(Buffer.from(rows[0]!.sha256).toString("hex")).toBe(second.sha256);
  });

  it("shows Admin whether one is set, with its dimensions and a small data: URL preview", async () => {
    expect(await as("admin").admin.settings.emblem.get()).toEqual({ set: false });
    await upload("admin", await solid(400, 480).png().toBuffer());
    const view = await as("admin").admin.settings.emblem.get();
    expect(view).toMatchObject({ set: true, width: 400, height: 480, updatedBy: { username: "admin" } });
    if (!view.set || !view.preview) throw new Error("no preview");
    expect(view.preview).toMatch(/^data:image\/png;base64,/);
    const preview = await sharp(Buffer.from(view.preview.split(",")[1]!, "base64")).metadata();
    expect([preview.format, preview.height]).toEqual(["png", 160]);
  });
});

describe("refused files", () => {
  const truncatedPng = async () => {
    const png = await pixels(200, 200).png().toBuffer();
    return png.subarray(0, Math.floor(png.length / 2));
  };
  const cases: [string, () => Promise<Buffer>, string][] = [
    ["a GIF", () => solid(100, 100).gif().toBuffer(), "emblem_type"],
    ["a WebP", () => solid(100, 100).webp().toBuffer(), "emblem_type"],
    ["garbage", async () => Buffer.from("bukan gambar, hanya teks biasa ".repeat(20)), "emblem_type"],
    ["an empty file", async () => Buffer.alloc(0), "emblem_type"],
    [
      "a file over 1 MB",
      async () => Buffer.concat([await solid(100, 100).png().toBuffer(), Buffer.alloc(EMBLEM_MAX_BYTES)]),
      "emblem_too_large",
    ],
    ["a tiny image", () => solid(20, 40).png().toBuffer(), "emblem_dimensions"],
    ["a huge image", () => solid(2400, 100).png().toBuffer(), "emblem_dimensions"],
    ["a truncated PNG", truncatedPng, "emblem_damaged"],
  ];

  it.each(cases)("refuses %s (BAD_REQUEST %s) and keeps the emblem already set", async (_name, make, code) => {
    await upload("admin", await solid(100, 100).png().toBuffer());
    const before = await snapshot();
    const error = await rejection(upload("admin", await make()));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", `admin.${code}`]);
    expect(await snapshot()).toBe(before);
  });

  it("refuses what is not base64, or far too long, at the edge", async () => {
    const before = await snapshot();
    expect((await rejection(as("admin").admin.settings.emblem.set({ base64: "%%% nicht base64 %%%" }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await rejection(as("admin").admin.settings.emblem.set({ base64: "A".repeat(3 * EMBLEM_MAX_BYTES) }))).code,
    ).toBe("BAD_REQUEST");
    expect(await snapshot()).toBe(before);
  });
});

describe("Admin removes the emblem", () => {
  it("deletes it, audited; the next letter carries none; removing again changes nothing", async () => {
    const saved = await upload("admin", await solid(120, 140).png().toBuffer());
    expect(await as("admin").admin.settings.emblem.remove()).toEqual({ removed: true });
    expect(await stored()).toBeNull();
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: "setting.emblem.remove", actorLabel: "admin", target: "asset:emblem" });
    expect(entry.detail).toEqual({ sha256: saved.sha256, size: saved.size });
    expect(await pdfImageCount(await issuedLetterPdf())).toBe(0);

    const before = await snapshot();
    expect(await as("admin").admin.settings.emblem.remove()).toEqual({ removed: false });
    expect(await snapshot()).toBe(before);
  });
});

describe("who may change the emblem", () => {
  it.each(["sekretariat", "telaah", "audit", "kadis", "pengawas"])(
    "refuses %s (FORBIDDEN), changing nothing",
    async (username) => {
      await upload("admin", await solid(100, 100).png().toBuffer());
      const before = await snapshot();
      const caller = as(username);
      const png = await solid(64, 64).png().toBuffer();
      for (const call of [
        () => caller.admin.settings.emblem.get(),
        () => upload(username, png),
        () => caller.admin.settings.emblem.remove(),
      ]) {
        expect((await rejection(call())).code).toBe("FORBIDDEN");
      }
      expect(await snapshot()).toBe(before);
    },
  );

  it("refuses an Admin deactivated while the upload was on its way (not_admin), changing nothing", async () => {
    const before = await snapshot();
    // The principal was loaded before the account lost its role, as for a request already running.
    const stale = createCaller({ db: handle.db, staff: async () => users.admin! });
    await handle.db.staffUser.update({ where: { id: users.admin!.id }, data: { active: false } });
    try {
      const error = await rejection(
        stale.admin.settings.emblem.set({ base64: (await solid(64, 64).png().toBuffer()).toString("base64") }),
      );
      expect([error.code, error.message]).toEqual(["FORBIDDEN", "admin.not_admin"]);
    } finally {
      await handle.db.staffUser.update({ where: { id: users.admin!.id }, data: { active: true } });
    }
    expect(await snapshot()).toBe(before);
  });
});
