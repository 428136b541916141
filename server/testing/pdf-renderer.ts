/**
 * Vitest setup: tests call the domain directly, without an edge that installs the PDF renderer
 * (server/pdf/install.ts). Loaded on first use, so tests that render nothing do not load react-pdf.
 */
import { installPdfRenderer } from "../domain/letters/renderer.ts";

installPdfRenderer({
  letter: async (input) => (await import("../pdf/render.tsx")).renderLetter(input),
  dossier: async (input) => (await import("../pdf/dossier.tsx")).renderDossier(input),
});
