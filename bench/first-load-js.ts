/**
 * The performance budget: "first-load JS ≤ 100 KB gzip" for the public pages. For each page: every
 * <script src> the HTML loads, fetched and gzipped (level 9, as a server would send it),
 * summed; inline scripts (the RSC payload, CSP-nonced) are counted too, as they are JavaScript
 * the browser parses on first load. `noModule` scripts (Next's polyfills) are left out: browsers
 * that run modules never fetch them.
 */
import { gzipSync } from "node:zlib";

export const PUBLIC_PAGES = ["/", "/lapor", "/lacak", "/statistik"] as const;
export const FIRST_LOAD_JS_BUDGET_KB = 100;

export interface FirstLoadJs {
  path: string;
  scripts: number;
  /** gzip KB of the external scripts. */
  externalKb: number;
  /** gzip KB of inline <script> bodies. */
  inlineKb: number;
  totalKb: number;
  pass: boolean;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function measureFirstLoadJs(baseUrl: string, path: string): Promise<FirstLoadJs> {
  const res = await fetch(baseUrl + path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  const html = await res.text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnoModule\b/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let external = 0;
  for (const src of sources) {
    const url = new URL(src, baseUrl + path);
    if (url.origin !== new URL(baseUrl).origin) throw new Error(`${path} loads a script from ${url.origin}`);
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    external += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("\n");
  const inlineBytes = inline ? gzipSync(Buffer.from(inline), { level: 9 }).length : 0;
  const totalKb = kb(external + inlineBytes);
  return {
    path,
    scripts: sources.length,
    externalKb: kb(external),
    inlineKb: kb(inlineBytes),
    totalKb,
    pass: totalKb <= FIRST_LOAD_JS_BUDGET_KB,
  };
}
