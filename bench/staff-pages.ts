/**
 * Staff workspace data as a signed-in member of staff loads it (bench/staff-session.ts).
 */
import { SYNTHETIC_CASES } from "./database.ts";
import type { RequestSpec, ScenarioContext } from "./request-spec.ts";

/** tRPC GET URL of a query (superjson transformer: the input travels as {"json": …}). */
export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

// What /staff/kasus asks for (components/staff/cases/queue-filters.ts listInputOf): the
// default "needs my action" tab, and "all cases", first page of 25 each.
const QUEUE_MINE = trpcQueryPath("cases.list", { mine: true, pageSize: 25 });
const QUEUE_ALL = trpcQueryPath("cases.list", { mine: false, pageSize: 25 });

/**
 * A full page of rows and, from 10 000 cases on (both lists then hold more than 1 000), "more
 * than 1 000": a refused or short answer is a wrong body.
 */
const fullPage = (limited: boolean) => (body: string) =>
  (!limited || body.includes(`"totalIsLimited":true`)) && (body.match(/"reference":"SIN-/g)?.length ?? 0) === 25;

/**
 * The Sekretariat's case queue: each connection alternates the two list queries the queue
 * page makes. The page itself is a static shell; the list is this tRPC query.
 */
export async function buildStaffCaseList(ctx: ScenarioContext): Promise<RequestSpec> {
  const cookie = await ctx.staffSession("sekretariat");
  const isFullPage = fullPage((ctx.syntheticCases ?? SYNTHETIC_CASES) >= 10_000);
  for (const path of [QUEUE_MINE, QUEUE_ALL]) {
    const res = await fetch(ctx.baseUrl + path, { headers: { Cookie: cookie } });
    const body = await res.text();
    if (res.status !== 200 || !isFullPage(body))
      throw new Error(`GET ${path} as sekretariat answered ${res.status}: ${body.slice(0, 200)}`);
  }
  return {
    headers: { Cookie: cookie },
    requests: [
      { method: "GET", path: QUEUE_MINE, headers: { Cookie: cookie } },
      { method: "GET", path: QUEUE_ALL, headers: { Cookie: cookie } },
    ],
    verifyBody: isFullPage,
  };
}

/** The staff home with the signed-in member's queue (and not the sign-in page it redirects to without a session). */
const isStaffHome = (body: string) => body.includes(`data-testid="my-queue"`);

/** The Kepala Dinas's staff home: the workspace's layout and its queue in three figures. */
export async function buildStaffHome(ctx: ScenarioContext): Promise<RequestSpec> {
  const cookie = await ctx.staffSession("kadis");
  const res = await fetch(ctx.baseUrl + "/staff", { headers: { Cookie: cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !isStaffHome(body))
    throw new Error(`GET /staff answered ${res.status}: ${body.slice(0, 200)}`);
  return { headers: { Cookie: cookie }, verifyBody: isStaffHome };
}
