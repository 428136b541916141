/**
 * The acceptance checks of a PDF with poppler-utils and qpdf (tests, e2e and screenshots):
 * valid structure, extractable text, every font embedded.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-pdf-"));
  const file = path.join(dir, "letter.pdf");
  await fs.writeFile(file, pdf);
  try {
    return await fn(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: throws with qpdf's output when the file is damaged. */
export const qpdfCheck = (pdf: Buffer) => withFile(pdf, async (f) => (await run("qpdf", ["--check", f])).stdout);

/** The text as `pdftotext -layout` extracts it. */
export const pdfText = (pdf: Buffer) =>
  withFile(pdf, async (f) => (await run("pdftotext", ["-layout", "-enc", "UTF-8", f, "-"])).stdout);

/** `pdffonts` rows: name, type and whether the font is embedded. */
export const pdfFonts = (pdf: Buffer) =>
  withFile(pdf, async (f) => {
    const lines = (await run("pdffonts", [f])).stdout
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    // Columns: name type encoding emb sub uni object ID (the type may contain spaces, e.g. "CID TrueType").
    return lines.map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes" };
    });
  });

/** First page as PNG (`pdftoppm -png -r <dpi> -f 1 -l 1`). */
export const firstPagePng = (pdf: Buffer, dpi = 80) =>
  withFile(pdf, async (f) => {
    await run("pdftoppm", [
      "-png",
      "-r",
      String(dpi),
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      f,
      path.join(path.dirname(f), "page"),
    ]);
    return fs.readFile(path.join(path.dirname(f), "page.png"));
  });

/** Size of the first page in points, from `pdfinfo`. */
export const pdfPageSize = (pdf: Buffer) =>
  withFile(pdf, async (f) => {
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec((await run("pdfinfo", [f])).stdout);
    if (!m) throw new Error("pdfinfo printed no page size");
    return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
  });

/** Number of raster images in the PDF (`pdfimages -list`), e.g. the emblem on the letterhead. */
export const pdfImageCount = (pdf: Buffer) =>
  withFile(
    pdf,
    async (f) =>
      (await run("pdfimages", ["-list", f])).stdout
        .split("\n")
        .slice(2)
        .filter((l) => l.trim()).length,
  );
