/**
 * The report form and the tracking sign-in page (each locale) are the same page for every
 * visitor but for the values made per view: the form token (bound to the visitor's address) and,
 * on the report form, the idempotency key. Rendering them per request cost six times what
 * Next.js itself costs for a page. So each is rendered once, by a request of the server to itself
 * that asks for placeholders instead of those values (only a request carrying this process's fill
 * token may), and kept in the page cache like the public pages: renewed after a minute, dropped
 * when a setting is saved, served on while it cannot be renewed. Each GET is answered from it
 * with fresh values put in, made by the same functions as for a page rendered per request
 * (view-values.ts). A request the page could differ for (any cookie, such as a reporter's
 * session; any query) is rendered per request (its scripts removed by scriptless-answer.mjs).
 *
 * The answer is made before Next.js routes the request (cached-page-answer.mjs, which calls
 * `answer` below through globalThis) while the template is fresh, else by the proxy, which
 * renews it.
 */
import { randomBytes } from "node:crypto";
import { FORM_NAMES, type FormName } from "../../security/form-token.ts";
import { cachedPage, cachedPageHeaders, FILL_HEADER, isFillRequest, keptPage, withoutScripts } from "./page-cache.ts";
import { formTokenOf, freshIdempotencyKey, type HeaderSource } from "./view-values.ts";

/** A per-view value of a template: a form's token, or the idempotency key. */
export type Slot = FormName | "key";

/** The templated pages, and the slots each must carry for its template to be kept. */
const PAGES: Record<string, readonly Slot[]> = { lapor: ["report", "key"], lacak: ["track"] };
const templated = /^(?:\/en)?\/(lapor|lacak)$/;

/** Marks the proxy's request for a template (believed next to the fill token only). */
export const TEMPLATE_HEADER = "x-lentera-form-template";

interface Store {
  /** Random per process, so no page content can spell a placeholder. */
  marker: string;
  slots: RegExp;
  /** For server/http/portal/cached-page-answer.mjs, which cannot import this module. */
  answer: (url: string, headers: HeaderSource) => string | null;
}

const KEY = Symbol.for("lentera.formPageTemplates");

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  if (!g[KEY]) {
    const marker = randomBytes(16).toString("hex");
    const slots = new RegExp(`lentera_${marker}_(${[...FORM_NAMES, "key"].join("|")})_`, "g");
    g[KEY] = { marker, slots, answer: (url, headers) => answer(url, headers) };
  }
  return g[KEY];
}

/** The placeholder a template carries for a slot (letters, digits and "_": the same in any HTML context). */
export function placeholder(slot: Slot): string {
  return `lentera_${store().marker}_${slot}_`;
}

/** Whether a page is being rendered as a template (then it carries placeholders instead of values). */
export function isTemplateRender(headers: { get(name: string): string | null }): boolean {
  return headers.get(TEMPLATE_HEADER) === "1" && isFillRequest(headers.get(FILL_HEADER));
}

/**
 * The template for a GET of this page, or null to render it per request: only the bare page, and
 * only for a request without cookies (a reporter session or anything else a page might read).
 */
export function templateKey(pathname: string, search: string, cookie: string | null | undefined): string | null {
  if (!templated.test(pathname) || (search !== "" && search !== "?") || cookie) return null;
  // Not a path: no request URL can name a template in the public pages' lookup.
  return `form-template:${pathname}`;
}

/** The template with this view's values: each slot's value made once, the same wherever the slot appears. */
export function fillTemplate(template: string, headers: HeaderSource, now = new Date()): string {
  const values = new Map<string, string>();
  return template.replace(store().slots, (_, slot: Slot) => {
    let value = values.get(slot);
    if (value === undefined) {
      value = slot === "key" ? freshIdempotencyKey() : formTokenOf(slot, headers, now);
      values.set(slot, value);
    }
    return value;
  });
}

/** Whether a rendered page carries every placeholder its template needs (else values would be missing or shared). */
export function carriesSlots(pathname: string, html: string): boolean {
  const page = templated.exec(pathname)?.[1];
  return page !== undefined && PAGES[page]!.every((slot) => html.includes(placeholder(slot)));
}

/** A fresh template's page for a request line's URL and headers, filled for it, else null (cached-page-answer.mjs). */
function answer(url: string, headers: HeaderSource): string | null {
  const q = url.indexOf("?");
  const cookie = (headers as Record<string, string | undefined> | null)?.cookie;
  const key = templateKey(q < 0 ? url : url.slice(0, q), q < 0 ? "" : url.slice(q), cookie);
  const template = key === null ? null : keptPage(key);
  return template === null ? null : fillTemplate(template, headers);
}

/**
 * The proxy's answer to a GET of a templated page: from its template (rendered when missing or
 * expired), filled for this visitor; null when the request is not for a template or none can be
 * had (then it is rendered per request).
 */
export async function formPageFromTemplate(url: URL, headers: Headers): Promise<Response | null> {
  const key = templateKey(url.pathname, url.search, headers.get("cookie"));
  if (key === null) return null;
  const template = await cachedPage(key, async (token) => {
    const res = await fetch(new URL(url.pathname, url), {
      headers: { [FILL_HEADER]: token, [TEMPLATE_HEADER]: "1", accept: "text/html", "accept-encoding": "identity" },
      redirect: "manual",
      cache: "no-store",
    });
    const body = await res.text();
    // Only a real page with its placeholders is kept: an outage answers 503 and is rendered per request.
    const page = res.status === 200 && res.headers.get("content-type")?.startsWith("text/html");
    return page && carriesSlots(url.pathname, withoutScripts(body)) ? body : null;
  }).catch(() => null);
  if (template === null) return null;
  return new Response(fillTemplate(template, headers), { status: 200, headers: cachedPageHeaders() });
}

store();
