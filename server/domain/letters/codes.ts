/** Letter type codes for numbering ({code}), and the verification code printed on each letter. */
import { randomBytes } from "node:crypto";
import { LetterType } from "../../generated/prisma/enums.ts";

/** Short code per type, printed by the {code} placeholder so each type's numbers differ. */
export const LETTER_TYPE_CODES: Record<LetterType, string> = {
  CATATAN_PENGADUAN: "CP",
  SURAT_PENGADUAN: "SP",
  BERITA_ACARA: "BA",
  TANGGAPAN: "TGP",
  SURAT_PENERUSAN: "SPN",
  DOSSIER: "DOK",
  AGENDA_PERMOHONAN: "AGP",
  AGENDA_TANGGAPAN: "AGT",
};

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * 12 Crockford base32 symbols (60 random bits) as XXXX-XXXX-XXXX: unguessable enough that the
 * public page cannot be walked, short enough to type from paper. It proves a letter exists; it
 * opens nothing else.
 */
export function generateVerificationCode(): string {
  const bytes = randomBytes(12);
  let out = "";
  for (let i = 0; i < 12; i++) out += ALPHABET[bytes[i]! & 31];
  return out.match(/.{4}/g)!.join("-");
}

/** What a visitor typed or scanned, canonical; null when it cannot be a code. */
export function normaliseVerificationCode(input: string): string | null {
  if (input.length > 40) return null;
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (cleaned.length !== 12 || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return cleaned.match(/.{4}/g)!.join("-");
}
