import fs from "node:fs/promises";
import { renderLetter } from "../server/letters/render.tsx";
import { sampleLetter } from "../server/letters/sample-letters.ts";
for (const t of ["CATATAN_PENGADUAN", "SURAT_PENGADUAN", "BERITA_ACARA", "TANGGAPAN"] as const) {
  const t0 = performance.now();
  const pdf = await renderLetter(sampleLetter(t));
  console.log(t, Math.round(performance.now() - t0), "ms", pdf.length);
  await fs.writeFile(`/tmp/letters-${t}.pdf`, pdf);
}
