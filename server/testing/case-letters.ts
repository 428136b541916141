import type { Db } from "../db.ts";
import { unwrapDataKey } from "../domain/crypto.ts";
import { issueLetter } from "../domain/letters/issue.ts";
import type { LetterContent } from "../domain/letters/types.ts";
import { env } from "../env.ts";
import { SAMPLE_CONTENT } from "../pdf/sample-letters.ts";

/** The case's data key, unwrapped with the master key, for reading what is sealed under it. */
export async function caseKeyOf(db: Db, caseId: string): Promise<Buffer> {
  const { wrappedKey } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { wrappedKey: true } });
  return unwrapDataKey(env().secrets.masterKey, wrappedKey);
}

/**
 * A letter the system issues on a case in a transaction of its own, as the workflow would
 * (stored with its render input; the bytes are rendered later).
 */
export async function issueSystemLetter(
  db: Db,
  caseId: string,
  options: { content?: LetterContent; now?: Date; transaction?: { maxWait: number; timeout: number } } = {},
) {
  const key = await caseKeyOf(db, caseId);
  return db.$transaction(
    (tx) =>
      issueLetter(tx, {
        caseId,
        key,
        content: options.content ?? SAMPLE_CONTENT.TANGGAPAN,
        signerId: null,
        actor: { id: null, label: "system" },
        now: options.now ?? new Date(),
      }),
    options.transaction,
  );
}
