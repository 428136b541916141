/** Letter type codes for numbering ({code}), and the verification code printed on each letter. */
import { LetterType } from "../../generated/prisma/enums.ts";
import { inGroupsOfFour, normaliseSymbols, randomSymbols } from "../crockford.ts";

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

/**
 * 12 Crockford base32 symbols (60 random bits) as XXXX-XXXX-XXXX: unguessable enough that the
 * public page cannot be walked, short enough to type from paper. It proves a letter exists; it
 * opens nothing else.
 */
export function generateVerificationCode(): string {
  return inGroupsOfFour(randomSymbols(12));
}

/** What a visitor typed or scanned, canonical; null when it cannot be a code. */
export function normaliseVerificationCode(input: string): string | null {
  const symbols = normaliseSymbols(input, 12, 40);
  return symbols && inGroupsOfFour(symbols);
}
