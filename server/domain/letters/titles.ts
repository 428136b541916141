/** What each letter is called: on its first page, in its PDF title and in its file name. */
import type { LetterType } from "../../generated/prisma/enums.ts";
import type { TemplateType } from "./types.ts";

export const LETTER_TITLES: Record<TemplateType, string> = {
  CATATAN_PENGADUAN: "Catatan Pengaduan WBS",
  SURAT_PENGADUAN: "Surat Pengaduan WBS",
  BERITA_ACARA: "Berita Acara Penyelesaian Pengaduan WBS",
  TANGGAPAN: "Tanggapan Pengaduan WBS",
};

const TITLES: Partial<Record<LetterType, string>> = {
  ...LETTER_TITLES,
  DOSSIER: "Dokumen Pengelolaan WBS",
  SURAT_PENERUSAN: "Surat Penerusan Pengaduan WBS",
};
export const letterTitle = (type: LetterType) => TITLES[type] ?? type;
