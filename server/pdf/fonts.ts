/**
 * The letters' typeface: Tinos (SIL Open Font License 1.1, fonts/OFL.txt), metric-compatible
 * with Times New Roman, the face Indonesian government correspondence is written in. The TTF
 * files ship in the repository (taken from the npm package @expo-google-fonts/tinos 0.4.2), so
 * nothing is downloaded at build or run time, and react-pdf embeds a subset in every PDF.
 */
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const FONT_FAMILY = "Tinos";

let registered = false;

/** Registers the font once per process. Paths are relative to the app root (the working directory, as for migrations). */
export function registerLetterFonts(root = process.cwd()): void {
  if (registered) return;
  const file = (name: string) => path.join(root, "server", "pdf", "fonts", name);
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: file("Tinos_400Regular.ttf"), fontWeight: 400 },
      { src: file("Tinos_700Bold.ttf"), fontWeight: 700 },
      { src: file("Tinos_400Regular_Italic.ttf"), fontWeight: 400, fontStyle: "italic" },
    ],
  });
  // Indonesian words must not be split by react-pdf's English hyphenation (and pdftotext must find them whole).
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
