/**
 * The PDF renderer as the domain sees it: the domain decides what a letter says, server/pdf
 * draws it. The edge installs the renderer (server/pdf/install.ts: the server's start, the tRPC
 * procedures, the download handlers and the test setup import it). It is kept on globalThis so
 * every bundle of one server process sees the one installed.
 */
import type { DossierInput, LetterInput } from "./types.ts";

export interface PdfRenderer {
  letter(input: LetterInput): Promise<Buffer>;
  dossier(input: DossierInput): Promise<Buffer>;
}

const slot = globalThis as unknown as { lenteraPdfRenderer?: PdfRenderer };

export function installPdfRenderer(renderer: PdfRenderer): void {
  slot.lenteraPdfRenderer = renderer;
}

export function pdfRenderer(): PdfRenderer {
  const renderer = slot.lenteraPdfRenderer;
  if (!renderer) throw new Error("no PDF renderer installed: import server/pdf/install.ts at the edge");
  return renderer;
}
