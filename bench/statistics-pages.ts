/**
 * The statistics pages as a browser loads them: the public /statistik (anonymous) and the
 * office dashboard /staff/dasbor (a signed-in Kepala Dinas, whose figures leave out the
 * leadership cases). Both are server-rendered; a wrong or refused page is a failed request.
 */
import type { RequestSpec, ScenarioContext } from "./request-spec.ts";

/** Every breakdown table is on the page (and the refusal or sign-in page has none of them). */
export const isStatisticsPage = (body: string) =>
  ["table-per-year", "table-byMonth", "table-byCategory", "table-byChannel", "table-byStatus", "table-concluded"].every(
    (id) => body.includes(`data-testid="${id}"`),
  );
export const isDashboardPage = (body: string) =>
  body.includes(`data-testid="dashboard-steps"`) &&
  body.includes(`data-testid="dashboard-open"`) &&
  body.includes(`data-testid="table-byCategory"`);

async function expectPage(
  ctx: ScenarioContext,
  path: string,
  headers: Record<string, string>,
  ok: (body: string) => boolean,
): Promise<void> {
  const res = await fetch(ctx.baseUrl + path, { headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !ok(body)) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 200)}`);
}

export async function buildStatisticsPage(ctx: ScenarioContext): Promise<RequestSpec> {
  await expectPage(ctx, "/statistik", {}, isStatisticsPage);
  return { verifyBody: isStatisticsPage };
}

export async function buildOfficeDashboard(ctx: ScenarioContext): Promise<RequestSpec> {
  const cookie = await ctx.staffSession("kadis");
  await expectPage(ctx, "/staff/dasbor", { Cookie: cookie }, isDashboardPage);
  return { headers: { Cookie: cookie }, verifyBody: isDashboardPage };
}
