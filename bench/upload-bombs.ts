/**
 * "page reads while bombs are refused": GET / measured by autocannon while a background loop
 * keeps report submissions carrying a decompression bomb in flight (an image declaring 10^10
 * pixels, a PDF whose object stream inflates to 1 GiB, a DOCX with a 1 GiB entry), in turn.
 * Every bomb post must come back as the form naming the file as unsafe (or, for the DOCX, too
 * large by its declared size) and no receipt; anything else counts as a failed bomb.
 */
import { docxBomb, pdfBomb, pngBomb } from "../server/domain/uploads/test-bombs.ts";
import {
  freshKey,
  multipart,
  NO_JS_POST_HEADERS,
  reportFormHidden,
  reportParts,
  trackingCode,
  type FilePart,
} from "./portal-forms.ts";
import type { BackgroundLoad, RequestSpec, ScenarioContext } from "./request-spec.ts";

const GiB = 1024 * 1024 * 1024;
/** Bomb posts kept in flight: enough to keep every sanitiser worker busy and some queued. */
const IN_FLIGHT = 4;

const REFUSED = /tidak dapat diproses dengan aman|ukuran lebih dari/;

export async function buildBombsWithPageReads(ctx: ScenarioContext): Promise<RequestSpec> {
  const hidden = await reportFormHidden(ctx.baseUrl);
  const bombs: FilePart[] = [
    { name: "files", fileName: "denah.png", type: "image/png", bytes: pngBomb() },
    { name: "files", fileName: "laporan.pdf", type: "application/pdf", bytes: pdfBomb(GiB) },
    {
      name: "files",
      fileName: "rekap.docx",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes: docxBomb(GiB),
    },
  ];

  const background = (): BackgroundLoad => {
    const stats = { posts: 0, refused: 0, failed: 0, maxPostMs: 0 };
    let running = true;
    let next = 0;
    const loop = async () => {
      while (running) {
        const bomb = bombs[next++ % bombs.length]!;
        const form = multipart(reportParts(hidden, freshKey(), bomb));
        const started = performance.now();
        try {
          const res = await fetch(`${ctx.baseUrl}/lapor`, {
            method: "POST",
            body: new Uint8Array(form.body),
            headers: { "Content-Type": form.contentType, ...NO_JS_POST_HEADERS },
            redirect: "manual",
          });
          const html = await res.text();
          if (res.status === 200 && !trackingCode(html) && REFUSED.test(html)) stats.refused++;
          else stats.failed++;
        } catch {
          stats.failed++;
        }
        stats.posts++;
        stats.maxPostMs = Math.max(stats.maxPostMs, Math.round(performance.now() - started));
      }
    };
    const loops = Array.from({ length: IN_FLIGHT }, loop);
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
        return stats;
      },
    };
  };
  return { background };
}
