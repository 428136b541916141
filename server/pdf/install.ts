/**
 * Imported for its effect: gives the domain (server/domain/letters/renderer.ts) this process's PDF
 * renderer. The drawing code is loaded with the first PDF, not with the module that imports this
 * one: react-pdf, its fonts and pdf-lib take ~20 MB of heap, which a server that renders no
 * letter (or none yet) should not hold.
 */
import { installPdfRenderer } from "../domain/letters/renderer.ts";

installPdfRenderer({
  letter: async (input) => (await import("./render.tsx")).renderLetter(input),
  dossier: async (input) => (await import("./dossier.tsx")).renderDossier(input),
});
