/** Imported for its effect: gives the domain (server/domain/letters/renderer.ts) this process's PDF renderer. */
import { installPdfRenderer } from "../domain/letters/renderer.ts";
import { renderDossier } from "./dossier.tsx";
import { renderLetter } from "./render.tsx";

installPdfRenderer({ letter: renderLetter, dossier: renderDossier });
