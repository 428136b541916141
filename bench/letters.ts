/**
 * "letter PDF": an issued letter downloaded by a member of staff (GET /api/staff/letter/<id>).
 * Letters are rendered once, when their step is done, and stored sealed; a download decrypts
 * the stored bytes, checks their SHA-256 and audits the read. build() makes the letters the way
 * the office does: a report through the portal form, recorded by the Sekretariat (Catatan
 * Pengaduan) and forwarded by Tim Telaah (Surat Pengaduan), over HTTP with signed-in sessions.
 */
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

export async function buildLetterDownload(ctx: ScenarioContext): Promise<RequestSpec> {
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

  // Check each once, so a refusal or an empty answer fails loudly before the run.
  for (const l of view.letters) {
    const res = await fetch(`${ctx.baseUrl}/api/staff/letter/${l.id}`, { headers: { Cookie: telaah } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || bytes.length !== l.size || !isWholePdf(bytes.toString("latin1")))
      throw new Error(`GET /api/staff/letter/${l.id} answered ${res.status} with ${bytes.length} bytes`);
  }
  return {
    headers: { Cookie: telaah },
    requests: view.letters.map((l) => ({
      method: "GET" as const,
      path: `/api/staff/letter/${l.id}`,
      headers: { Cookie: telaah },
    })),
    verifyBody: isWholePdf,
  };
}
