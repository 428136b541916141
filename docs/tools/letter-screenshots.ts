/**
 * README screenshots of the four SOP letters: renders each template with the sample letters
 * of server/pdf/sample-letters.ts (the same renderer the workflow uses) and rasterises the
 * first page with pdftoppm. Run from the app root: `npx tsx docs/tools/letter-screenshots.ts`.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { firstPagePng } from "../../server/pdf/pdf-tools.ts";
import { renderLetter } from "../../server/pdf/render.tsx";
import { sampleLetter } from "../../server/pdf/sample-letters.ts";

const FILES = {
  CATATAN_PENGADUAN: "letter-catatan-pengaduan.png",
  SURAT_PENGADUAN: "letter-surat-pengaduan.png",
  BERITA_ACARA: "letter-berita-acara.png",
  TANGGAPAN: "letter-tanggapan.png",
} as const;

for (const [type, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
  const png = await firstPagePng(await renderLetter(sampleLetter(type)), 80);
  const out = path.join("docs", "screenshots", file);
  await fs.writeFile(out, png);
  console.log(`${out} (${Math.round(png.length / 1024)} KB)`);
}
