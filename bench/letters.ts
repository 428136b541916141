/**
 * "letter PDF": an issued letter downloaded by a member of staff (GET /api/staff/letter/<id>).
 * Letters are rendered once, when their step is done, and stored sealed; a download decrypts
 * the stored bytes, checks their SHA-256 and audits the read. build() makes the letters the way
 * the office does: a report through the portal form, recorded by the Sekretariat (Catatan
 * Pengaduan) and forwarded by Tim Telaah (Surat Pengaduan), over HTTP with signed-in sessions.
 *
 * "letter verification page": the public page a letter's QR code opens (GET /verifikasi/<code>),
 * for the same letters; the code is read off the downloaded PDF, as a reader would scan it.
 */
import { execFileSync } from "node:child_process";
import { NO_FILE, reportFormHidden, submitReport } from "./portal-forms.ts";
import type { RequestSpec, ScenarioContext } from "./request-spec.ts";
import { trpcQueryPath } from "./staff-pages.ts";

async function trpc<T>(
  ctx: ScenarioContext,
  cookie: string,
  procedure: string,
  input: unknown,
  mutation = false,
): Promise<T> {
  const res = mutation
    ? await fetch(`${ctx.baseUrl}/api/trpc/${procedure}`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Content-Type": "application/json",
          "Sec-Fetch-Site": "same-origin",
          Origin: ctx.baseUrl,
        },
        body: JSON.stringify({ json: input }),
      })
    : await fetch(ctx.baseUrl + trpcQueryPath(procedure, input), { headers: { Cookie: cookie } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (res.status !== 200 || !body.result)
    throw new Error(`${procedure} answered ${res.status}: ${JSON.stringify(body.error ?? body).slice(0, 300)}`);
  return body.result.data.json;
}

/** A whole PDF, from its header to its end marker: a refusal (404 text) or a truncated body fails the request. */
const isWholePdf = (body: string) => body.startsWith("%PDF-") && body.trimEnd().endsWith("%%EOF");

interface IssuedLetters {
  /** Cookie of the Tim Telaah session that downloads them. */
  telaah: string;
  letters: { id: string; size: number }[];
}

/** One case's letters per server: both letter scenarios read the same ones. */
const issued = new Map<string, Promise<IssuedLetters>>();

function issuedLetters(ctx: ScenarioContext): Promise<IssuedLetters> {
  let letters = issued.get(ctx.baseUrl);
  if (!letters) {
    letters = issueLetters(ctx);
    issued.set(ctx.baseUrl, letters);
  }
  return letters;
}

async function issueLetters(ctx: ScenarioContext): Promise<IssuedLetters> {
  await submitReport(ctx.baseUrl, await reportFormHidden(ctx.baseUrl), NO_FILE);
  const [sekretariat, telaah] = [await ctx.staffSession("sekretariat"), await ctx.staffSession("telaah")];
  const { rows } = await trpc<{ rows: { id: string; reference: string }[] }>(ctx, sekretariat, "cases.list", {
    status: ["SUBMITTED"],
    pageSize: 100,
  });
  const caseId = rows[0]?.id;
  if (!caseId) throw new Error("the new report is not in the queue");
  await trpc(ctx, sekretariat, "cases.record", { caseId, subject: "Dugaan pungutan liar di loket" }, true);
  const elements = { what: true, who: true, where: true, when: true, how: true };
  await trpc(
    ctx,
    telaah,
    "cases.review",
    {
      caseId,
      isComplete: true,
      inScope: true,
      elements,
      summary: "Laporan lengkap dan termasuk lingkup WBS.",
      decision: { recommendation: "FORWARD" },
    },
    true,
  );
  const view = await trpc<{ letters: { id: string; size: number }[] }>(ctx, telaah, "cases.get", { caseId });
  if (view.letters.length !== 2)
    throw new Error(`expected the Catatan and the Surat Pengaduan, found ${view.letters.length} letters`);
  return { telaah, letters: view.letters };
}

/** A letter's bytes as its reader downloads them; a refusal or a truncated body throws. */
async function downloadLetter(ctx: ScenarioContext, telaah: string, letter: { id: string; size: number }) {
  const res = await fetch(`${ctx.baseUrl}/api/staff/letter/${letter.id}`, { headers: { Cookie: telaah } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || bytes.length !== letter.size || !isWholePdf(bytes.toString("latin1")))
    throw new Error(`GET /api/staff/letter/${letter.id} answered ${res.status} with ${bytes.length} bytes`);
  return bytes;
}

export async function buildLetterDownload(ctx: ScenarioContext): Promise<RequestSpec> {
  const { telaah, letters } = await issuedLetters(ctx);
  // Check each once, so a refusal or an empty answer fails loudly before the run.
  for (const l of letters) await downloadLetter(ctx, telaah, l);
  return {
    headers: { Cookie: telaah },
    requests: letters.map((l) => ({
      method: "GET" as const,
      path: `/api/staff/letter/${l.id}`,
      headers: { Cookie: telaah },
    })),
    verifyBody: isWholePdf,
  };
}

/** The verification code printed on a letter (beside its QR code), read with poppler's pdftotext. */
function printedVerificationCode(pdf: Buffer): string {
  let text: string;
  try {
    text = execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" });
  } catch (err) {
    throw new Error(`pdftotext (Debian's poppler-utils) could not read the letter: ${(err as Error).message}`);
  }
  const code = /\/verifikasi\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text.replace(/\s+/g, ""))?.[1];
  if (!code) throw new Error("the letter shows no verification code");
  return code;
}

export async function buildLetterVerification(ctx: ScenarioContext): Promise<RequestSpec> {
  const { telaah, letters } = await issuedLetters(ctx);
  const code = printedVerificationCode(await downloadLetter(ctx, telaah, letters[0]!));
  const path = `/verifikasi/${code}`;
  const res = await fetch(ctx.baseUrl + path);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('data-testid="verify-found"'))
    throw new Error(`GET ${path} answered ${res.status} without confirming the letter`);
  return {
    requests: [{ method: "GET" as const, path }],
    verifyBody: (body) => body.includes('data-testid="verify-found"'),
  };
}
