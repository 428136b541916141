/**
 * The public pages that are the same for every visitor (home, statistics of a year) are served
 * from this in-process cache by the proxy instead of being rendered per request. What is cached is
 * the page's HTML with every script removed: these pages work without JavaScript, so they ship
 * none, and their CSP forbids scripts outright instead of needing a per-request nonce.
 *
 * An entry is renewed after PAGE_TTL_MS (the statistics' own cache renews every minute, and several
 * instances cannot tell each other about a change), is served on while it cannot be renewed (the
 * database is down: the visitor still gets the page), and is dropped at once on this instance when
 * a setting changes (`invalidatePublicPages`). The store sits on globalThis because the proxy and the routes
 * are bundled apart but run in one process.
 *
 * A letter's verification page (`/verifikasi/<code>`) is the same for everyone too, but a letter
 * can appear (rendered after its step) or go (its case destroyed by retention) at any moment, on
 * any instance: its copy lives VERIFICATION_TTL_MS only.
 */
import { gzipSync } from "node:zlib";
import { scriptlessPageCsp } from "../../security/csp.ts";
import { withoutScripts } from "../../security/scriptless-html.mjs";

export { withoutScripts };
import { SECURITY_HEADERS } from "../../security/security-headers.ts";

export const PAGE_TTL_MS = 60_000;
export const VERIFICATION_TTL_MS = 10_000;

/**
 * At most this many pages are kept: the keys are few (four paths, a statistics year each), and
 * a cap means no stream of requests can grow the process's memory.
 */
export const MAX_PAGES = 64;

/**
 * At most this many verification pages are kept, apart from the pages above so that codes cannot
 * crowd them out; a new one pushes out the oldest (anyone can ask for any well-formed code).
 */
export const MAX_VERIFICATION_PAGES = 64;

/** Statistics years worth caching; any other year is rendered per request. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** The header that marks the proxy's own request for a page to cache (its value is this process's token). */
export const FILL_HEADER = "x-lentera-page-fill";

/** A kept page, with its bodies ready to write as they are (plain and gzip). */
interface Entry {
  text: string;
  body: Buffer;
  gzipped: Buffer;
  expires: number;
  generation: number;
}

interface Store {
  token: string;
  generation: number;
  entries: Map<string, Entry>;
  pending: Map<string, Promise<string | null>>;
  /** For server/http/portal/cached-page-answer.mjs, which cannot import this module. */
  fresh: (url: string) => Entry | null;
  headers: Readonly<Record<string, string>>;
}

const KEY = Symbol.for("lentera.publicPageCache");

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  g[KEY] ??= {
    token: crypto.randomUUID(),
    generation: 0,
    entries: new Map(),
    pending: new Map(),
    fresh: (url) => freshCopy(url),
    headers: cachedPageHeaders(),
  };
  return g[KEY];
}

/** The headers of a page from the cache (no cookie, no nonce: a CSP that lets no script run). */
export function cachedPageHeaders(): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    "Content-Security-Policy": scriptlessPageCsp(),
  };
}

/**
 * The kept copy for a request line's URL ("/statistik?tahun=2025") while it is fresh, else null
 * (absent, expired, or from before a setting changed: the proxy renews it).
 */
export function freshCopy(url: string, now = Date.now()): Entry | null {
  const q = url.indexOf("?");
  const key = publicPageKey(q < 0 ? url : url.slice(0, q), q < 0 ? "" : url.slice(q));
  if (!key) return null;
  return fresh(store(), key, now);
}

/** The kept page for a cache key while it is fresh, else null (the proxy renews it). */
export function keptPage(key: string, now = Date.now()): string | null {
  return fresh(store(), key, now)?.text ?? null;
}

/** The entry for `key` while it is fresh: not expired, and from after the last setting change. */
function fresh(s: Store, key: string, now: number): Entry | null {
  const entry = s.entries.get(key);
  return entry && entry.expires > now && entry.generation === s.generation ? entry : null;
}

const cacheable = /^(?:\/en)?(?:\/|\/statistik)?$/;
/** Only the canonical form of a code, as the letter's QR code prints it; any other spelling is rendered per request. */
const verification = /^(?:\/en)?\/verifikasi\/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * The cache key of a request for a page that is the same for everyone, or null. Only the bare
 * paths, `?tahun=YYYY` on the statistics page and a canonical verification code qualify: anything
 * else is rendered per request, so junk parameters cannot fill the cache.
 */
export function publicPageKey(pathname: string, search: string): string | null {
  if (verification.test(pathname)) return search === "" || search === "?" ? pathname : null;
  if (!cacheable.test(pathname) || pathname === "/en/") return null;
  const path = pathname === "" ? "/" : pathname;
  if (search === "" || search === "?") return path;
  if (!path.endsWith("/statistik")) return null;
  const year = /^\?tahun=(\d{4})$/.exec(search)?.[1];
  if (!year || Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR) return null;
  return `${path}?tahun=${year}`;
}

/** This process's fill token, for the proxy's own requests for a page. */
export function fillToken(): string {
  return store().token;
}

/** Whether a request carries this process's fill token (the proxy's own request for a page). */
export function isFillRequest(value: string | null): boolean {
  return value !== null && value === store().token;
}

/**
 * The cached page for a key, rendering it through `render` when absent or expired. `render`
 * gets the fill token and answers the page's HTML, or null when the page is not cacheable now
 * (not a 200, e.g. the database outage page): then nothing is kept, an expired copy is answered
 * if there is one, else null and the caller renders as usual. Concurrent misses share one render.
 */
export async function cachedPage(
  key: string,
  render: (token: string) => Promise<string | null>,
  now = Date.now(),
): Promise<string | null> {
  const s = store();
  const kept = fresh(s, key, now);
  if (kept) return kept.text;
  const running = s.pending.get(key);
  if (running) return running;
  const generation = s.generation;
  // An expired copy is still served while the page cannot be rendered (a database outage).
  const entry = s.entries.get(key);
  const stale = entry && entry.generation === generation ? entry.text : null;
  const pending = render(s.token)
    .then(
      (html) => {
        if (html === null) return stale;
        const page = withoutScripts(html);
        // A setting changed while this page was rendered: serve it once, but do not keep it.
        if (generation === s.generation && room(s, key)) {
          const body = Buffer.from(page);
          const expires = Date.now() + ttl(key);
          s.entries.set(key, { text: page, body, gzipped: gzipSync(body), expires, generation });
        }
        return page;
      },
      (e: unknown) => {
        if (stale === null) throw e;
        return stale;
      },
    )
    .finally(() => s.pending.delete(key));
  s.pending.set(key, pending);
  return pending;
}

const isVerification = (key: string) => verification.test(key);

function ttl(key: string): number {
  return isVerification(key) ? VERIFICATION_TTL_MS : PAGE_TTL_MS;
}

/**
 * Whether `key` may be stored: it is already there, or there is room once expired pages are
 * dropped. A verification page always gets in, in place of the oldest one when they are at their cap.
 */
function room(s: Store, key: string): boolean {
  if (s.entries.has(key)) return true;
  const kind = isVerification(key);
  const count = () => [...s.entries.keys()].filter((k) => isVerification(k) === kind).length;
  const cap = kind ? MAX_VERIFICATION_PAGES : MAX_PAGES;
  if (count() < cap) return true;
  const now = Date.now();
  for (const [k, e] of s.entries) if (e.expires <= now) s.entries.delete(k);
  if (count() < cap) return true;
  if (!kind) return false;
  // Map keeps insertion order: the first verification page is the oldest.
  const oldest = [...s.entries.keys()].find(isVerification);
  if (oldest !== undefined) s.entries.delete(oldest);
  return true;
}

/** Drops every cached page (a setting changed: the next visitor sees the new value). */
export function invalidatePublicPages(): void {
  const s = store();
  s.generation += 1;
  s.entries.clear();
}
