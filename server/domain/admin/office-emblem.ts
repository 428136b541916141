/**
 * The regency emblem on the letterhead (kop surat), uploaded by Admin.
 *
 * Stored as OfficeAsset `emblem`, which server/domain/letters/office.ts prints on every letter
 * issued afterwards. Whatever arrives is judged by its content (sharp's reading of the header,
 * never a file name or declared type), then re-encoded to PNG: only pixels survive, so EXIF (and
 * its GPS position), XMP, ICC profiles and comments are gone. Each change is one transaction with
 * its audit entry (`setting.emblem.set` / `.remove`, detail = hash and size only).
 */
import type { Db } from "../../db.ts";
import { may } from "../policy/policy.ts";
import { appendAudit } from "../audit.ts";
import { sha256, type Bytes } from "../crypto.ts";
import type { Tx } from "../tx.ts";
import { AdminError } from "./errors.ts";

export const EMBLEM_KEY = "emblem";
export const EMBLEM_MAX_BYTES = 1024 * 1024;
export const EMBLEM_MIN_SIDE = 32;
export const EMBLEM_MAX_SIDE = 2000;
/** The letterhead prints it about 74 pt high; 600 px is sharp at 600 dpi and keeps letters small. */
export const EMBLEM_STORED_MAX_SIDE = 600;
/** Height of the preview on the settings page. */
const PREVIEW_HEIGHT = 160;
const MIME_PNG = "image/png";

/** Serialises emblem changes (the Admin check and the write happen under it). */
const EMBLEM_LOCK = 7_390_214;

const decodeOptions = { failOn: "error", limitInputPixels: EMBLEM_MAX_SIDE * EMBLEM_MAX_SIDE } as const;

/** sharp is loaded when an emblem is read or changed: loading libvips costs ~19 MB of RSS. */
const loadSharp = async () => (await import("sharp")).default;

export interface PreparedEmblem {
  content: Bytes;
  width: number;
  height: number;
}

/** Checks an uploaded file and re-encodes it as the PNG to store; refusals are AdminError codes. */
export async function prepareEmblem(bytes: Buffer): Promise<PreparedEmblem> {
  if (bytes.length > EMBLEM_MAX_BYTES) throw new AdminError("emblem_too_large");
  let format: string | undefined;
  let width = 0;
  let height = 0;
  const sharp = await loadSharp();
  try {
    // Header only: no pixel is decoded before the type and size are known.
    ({ format, width = 0, height = 0 } = await sharp(bytes, { ...decodeOptions, limitInputPixels: false }).metadata());
  } catch {
    throw new AdminError("emblem_type");
  }
  if (format !== "png" && format !== "jpeg") throw new AdminError("emblem_type");
  if ([width, height].some((side) => side < EMBLEM_MIN_SIDE || side > EMBLEM_MAX_SIDE))
    throw new AdminError("emblem_dimensions");
  try {
    const { data, info } = await sharp(bytes, decodeOptions)
      // The EXIF orientation is applied before the tag is dropped, so the emblem stays upright.
      .rotate()
      .resize({
        width: EMBLEM_STORED_MAX_SIDE,
        height: EMBLEM_STORED_MAX_SIDE,
        fit: "inside",
        withoutEnlargement: true,
      })
      // 8-bit sRGB (CMYK JPEGs, 16-bit PNGs): what the PDF writer draws reliably.
      .toColourspace("srgb")
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { content: data as Bytes, width: info.width, height: info.height };
  } catch {
    throw new AdminError("emblem_damaged");
  }
}

async function beginEmblemChange(tx: Tx, actorId: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMBLEM_LOCK})`;
  // Reloaded here: an Admin deactivated a moment ago cannot finish a change already on its way.
  const actor = await tx.staffUser.findUnique({
    where: { id: actorId },
    select: { username: true, active: true, roles: true },
  });
  if (!actor || !actor.active || !may(actor.roles, "administer")) throw new AdminError("not_admin");
  return actor.username;
}

export interface EmblemSaved {
  sha256: string;
  size: number;
  width: number;
  height: number;
}

/** Uploads or replaces the emblem. Nothing is stored or audited when the file is refused. */
export async function setEmblem(db: Db, actorId: string, bytes: Buffer, now = new Date()): Promise<EmblemSaved> {
  // Decoding happens before the transaction: PGlite has one connection, and sharp takes a while.
  const { content, width, height } = await prepareEmblem(bytes);
  const hash = sha256(content);
  const saved = { sha256: hash.toString("hex"), size: content.length, width, height };
  await db.$transaction(async (tx) => {
    const actorLabel = await beginEmblemChange(tx, actorId);
    const data = {
      content,
      mimeType: MIME_PNG,
      size: content.length,
      sha256: hash,
      width,
      height,
      updatedById: actorId,
    };
    await tx.officeAsset.upsert({ where: { key: EMBLEM_KEY }, create: { key: EMBLEM_KEY, ...data }, update: data });
    await appendAudit(tx, {
      actorId,
      actorLabel,
      action: "setting.emblem.set",
      target: `asset:${EMBLEM_KEY}`,
      detail: { sha256: saved.sha256, size: saved.size },
      at: now,
    });
  });
  return saved;
}

/** Removes the emblem; letters issued afterwards carry none. False (and no audit entry) when there was none. */
export async function removeEmblem(db: Db, actorId: string, now = new Date()): Promise<{ removed: boolean }> {
  return db.$transaction(async (tx) => {
    const actorLabel = await beginEmblemChange(tx, actorId);
    const existing = await tx.officeAsset.findUnique({
      where: { key: EMBLEM_KEY },
      select: { sha256: true, size: true },
    });
    if (!existing) return { removed: false };
    await tx.officeAsset.delete({ where: { key: EMBLEM_KEY } });
    await appendAudit(tx, {
      actorId,
      actorLabel,
      action: "setting.emblem.remove",
      target: `asset:${EMBLEM_KEY}`,
      detail: { sha256: Buffer.from(existing.sha256).toString("hex"), size: existing.size },
      at: now,
    });
    return { removed: true };
  });
}

export type EmblemView =
  | { set: false }
  | {
      set: true;
      width: number | null;
      height: number | null;
      size: number;
      sha256: string;
      updatedAt: Date;
      updatedBy: { name: string; username: string } | null;
      /** A small PNG as a data: URL (the page loads nothing from elsewhere); null if the stored file cannot be read. */
      preview: string | null;
    };

/** What the settings page shows: whether an emblem is set, its dimensions and a small preview. */
export async function getEmblem(db: Pick<Db, "officeAsset">): Promise<EmblemView> {
  const row = await db.officeAsset.findUnique({
    where: { key: EMBLEM_KEY },
    include: { updatedBy: { select: { name: true, username: true } } },
  });
  if (!row) return { set: false };
  const sharp = await loadSharp();
  const preview = await sharp(Buffer.from(row.content), decodeOptions)
    .resize({ height: PREVIEW_HEIGHT, withoutEnlargement: true })
    .png()
    .toBuffer()
    // A row written outside this module may hold anything; the page then says so instead of failing.
    .catch(() => null);
  return {
    set: true,
    width: row.width,
    height: row.height,
    size: row.size,
    sha256: Buffer.from(row.sha256).toString("hex"),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    preview: preview && `data:image/png;base64,${preview.toString("base64")}`,
  };
}
