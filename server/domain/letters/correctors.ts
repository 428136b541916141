/** Who may correct each SOP letter: the role of the step that issued it. Plain data, so the case page can offer the button. */
import type { LetterType, Role } from "../../generated/prisma/enums.ts";

export const CORRECTORS = {
  CATATAN_PENGADUAN: ["SEKRETARIAT"],
  SURAT_PENGADUAN: ["TIM_TELAAH"],
  BERITA_ACARA: ["KEPALA_DINAS"],
  TANGGAPAN: ["KEPALA_DINAS"],
} as const satisfies Partial<Record<LetterType, readonly Role[]>>;

export type CorrectableLetter = keyof typeof CORRECTORS;

export const isCorrectable = (type: string): type is CorrectableLetter => type in CORRECTORS;

export const mayCorrect = (type: string, roles: readonly string[]) => isCorrectable(type) && roles.some((r) => (CORRECTORS[type] as readonly string[]).includes(r));
