/**
 * The second half of issuing (see ./issue.ts): render a stored letter's PDF from its sealed
 * render input and store the bytes, outside any long transaction. Called right after the
 * issuing transaction commits, by a download that finds the letter not yet rendered, and by
 * the periodic sweep (server/letters-render-sweep.ts) for letters whose process died in
 * between. Rendering twice is harmless: the input is fixed, so the bytes are the same, and
 * only the first conditional update stores them.
 */
import type { Db } from "../../db.ts";
import { LetterType } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import { open, seal, sha256, unwrapDataKey } from "../crypto.ts";
import { dossierLetter, renderDossierSource, type DossierLetter } from "./dossier.ts";
import { transaction } from "../transaction.ts";
import { pdfRenderer } from "./renderer.ts";
import { decodeSource } from "./render-source.ts";
import type { LetterInput } from "./types.ts";

/** The renderers, replaceable by tests that simulate a crash between commit and bytes. */
export const renderers = { letter: (input: LetterInput) => pdfRenderer().letter(input) };

const rowSelect = {
  id: true,
  caseId: true,
  type: true,
  number: true,
  issuedAt: true,
  signerName: true,
  source: true,
  content: true,
  sha256: true,
  renderedAt: true,
  wrappedKey: true,
  case: { select: { wrappedKey: true } },
} as const;

// One render per letter at a time in this process (a download and the sweep may ask together).
const inFlight = new Map<string, Promise<void>>();

// Rendering runs on this thread and holds it for a while; one letter at a time, with the event
// loop let through between letters, so the database replies of other requests' open
// transactions are not left waiting behind many renders (their row locks would wait too).
let renderTail: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(render: () => Promise<T>): Promise<T> {
  const next = renderTail.then(() => new Promise((resolve) => setImmediate(resolve))).then(render);
  renderTail = next.catch(() => undefined);
  return next;
}

/** Renders and stores the letter if it has no bytes yet; resolves once it has them. */
export function ensureRendered(db: Db, masterKey: Buffer, letterId: string): Promise<void> {
  const running = inFlight.get(letterId);
  if (running) return running;
  const work = renderOne(db, masterKey, letterId).finally(() => inFlight.delete(letterId));
  inFlight.set(letterId, work);
  return work;
}

async function renderOne(db: Db, masterKey: Buffer, letterId: string): Promise<void> {
  const row = await db.letter.findUnique({ where: { id: letterId }, select: rowSelect });
  if (!row || row.renderedAt) return;
  if (!row.source) throw new Error(`letter ${letterId} has neither bytes nor a render source`);
  const wrapped = row.case?.wrappedKey ?? row.wrappedKey;
  if (!wrapped) throw new Error(`letter ${letterId} has no key`);
  const key = unwrapDataKey(masterKey, wrapped);
  const source = decodeSource(open(key, row.source));
  const pdf =
    source.kind === "letter"
      ? await oneAtATime(() => renderers.letter(source.input))
      : await renderDossierSource(source.input, (id) => storedLetter(db, masterKey, key, id));
  // Sealed and hashed before the transaction, which only writes.
  const content = seal(key, pdf);
  const hash = sha256(pdf);
  // Conditional, so safe to retry when busy: a second store (another instance, a retry) changes nothing.
  await transaction(db, async (tx) => {
    const { count } = await tx.letter.updateMany({
      where: { id: letterId, renderedAt: null },
      data: { content, size: pdf.length, sha256: hash, renderedAt: new Date() },
    });
    if (count === 1) {
      await appendAudit(tx, {
        actorLabel: "system",
        action: "letter.render",
        caseId: row.caseId,
        target: `letter:${letterId}`,
        detail: { type: row.type, number: row.number, sha256: hash.toString("hex") },
        at: new Date(),
      });
    }
  });
}

/** A letter of the same case, as the dossier appends it, rendered first if it has no bytes yet. */
async function storedLetter(db: Db, masterKey: Buffer, key: Buffer, id: string): Promise<DossierLetter> {
  let row = await db.letter.findUniqueOrThrow({ where: { id }, select: rowSelect });
  if (!row.renderedAt) {
    await ensureRendered(db, masterKey, id);
    row = await db.letter.findUniqueOrThrow({ where: { id }, select: rowSelect });
  }
  return dossierLetter(key, { ...row, content: row.content!, sha256: row.sha256! });
}

/**
 * After an issuing transaction committed: render its letters now. A failure is logged (its
 * kind only) and not thrown: the issue itself succeeded, and the letter is rendered later.
 */
export async function renderAfterCommit(
  db: Db,
  masterKey: Buffer,
  letterIds: readonly (string | null | undefined)[],
): Promise<void> {
  for (const id of letterIds) {
    if (!id) continue;
    try {
      await ensureRendered(db, masterKey, id);
    } catch (error) {
      console.error(
        `Lentera: rendering letter ${id} failed, it will be rendered later: ${error instanceof Error ? error.name : "unknown error"}`,
      );
    }
  }
}

/**
 * The sweep: renders letters left without bytes (their process died after the commit), letters
 * before the dossiers that append them. Those younger than `minAgeMs` are left to the request
 * that issued them. Returns how many were rendered; one failing letter does not stop the rest.
 */
export async function renderPendingLetters(
  db: Db,
  masterKey: Buffer,
  { minAgeMs = 30_000, now = new Date(), limit = 200 } = {},
): Promise<number> {
  const rows = await db.letter.findMany({
    where: { renderedAt: null, createdAt: { lte: new Date(now.getTime() - minAgeMs) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, type: true },
    take: limit,
  });
  rows.sort((a, b) => Number(a.type === LetterType.DOSSIER) - Number(b.type === LetterType.DOSSIER));
  let rendered = 0;
  for (const r of rows) {
    try {
      await ensureRendered(db, masterKey, r.id);
      rendered++;
    } catch (error) {
      console.error(
        `Lentera: rendering letter ${r.id} failed: ${error instanceof Error ? error.name : "unknown error"}`,
      );
    }
  }
  return rendered;
}

/** A letter's stored PDF (rendered first if need be), checked against its SHA-256; for system use and tests, no access check. */
export async function renderedPdf(db: Db, masterKey: Buffer, letterId: string): Promise<Buffer> {
  await ensureRendered(db, masterKey, letterId);
  const row = await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: rowSelect });
  const key = unwrapDataKey(masterKey, (row.case?.wrappedKey ?? row.wrappedKey)!);
  const pdf = open(key, row.content!);
  if (!sha256(pdf).equals(Buffer.from(row.sha256!))) throw new Error(`letter ${letterId} does not match its SHA-256`);
  return pdf;
}
