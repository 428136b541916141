/**
 * The Lighthouse step of the bench: each public page audited by Lighthouse (the devDependency,
 * pinned) in Debian's Chromium, mobile preset (Lighthouse's default), for performance,
 * accessibility and best practices. Targets: performance ≥ 0.95, accessibility and best
 * practices 1. Skipped with --no-lighthouse. Lighthouse never fetches a browser: CHROME_PATH
 * names the installed one.
 */
import { execFile } from "node:child_process";
import path from "node:path";

export const LIGHTHOUSE_PAGES = ["/", "/en", "/lapor", "/lacak", "/statistik"] as const;
export const LIGHTHOUSE_TARGETS = { performance: 0.95, accessibility: 1, bestPractices: 1 } as const;
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// No network but this machine's: no background requests, updates or QUIC from the browser itself.
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";
const CATEGORIES = {
  performance: "performance",
  accessibility: "accessibility",
  bestPractices: "best-practices",
} as const;

export interface LighthouseResult {
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** Audits below full marks in accessibility and best practices, and the weighted performance ones. */
  findings: string[];
  pass: boolean;
}

interface LighthouseJson {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; title: string; displayValue?: string }>;
}

/** Scores and findings of one Lighthouse report (pure: tested on a report's shape). */
export function readLighthouse(pagePath: string, report: LighthouseJson): LighthouseResult {
  const score = (id: string) => report.categories[id]?.score ?? null;
  const findings: string[] = [];
  for (const id of Object.values(CATEGORIES)) {
    for (const ref of report.categories[id]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (
        !audit ||
        ref.weight === 0 ||
        audit.score === null ||
        audit.score >= 1 ||
        audit.scoreDisplayMode === "informative"
      )
        continue;
      // Performance metrics are shown as their values; a metric scored 0.9 is not a defect.
      if (id === "performance" && audit.score >= 0.9) continue;
      findings.push(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
    }
  }
  const result = {
    path: pagePath,
    performance: score(CATEGORIES.performance),
    accessibility: score(CATEGORIES.accessibility),
    bestPractices: score(CATEGORIES.bestPractices),
  };
  const pass =
    (result.performance ?? 0) >= LIGHTHOUSE_TARGETS.performance &&
    (result.accessibility ?? 0) >= LIGHTHOUSE_TARGETS.accessibility &&
    (result.bestPractices ?? 0) >= LIGHTHOUSE_TARGETS.bestPractices;
  return { ...result, findings, pass };
}

/**
 * Whether a failed run is Lighthouse's own glitch that it asks to run again ("Something went
 * wrong with recording the trace … Please run Lighthouse again", NO_NAVSTART and the like): the
 * page is not at fault, so one more run is fair; any other failure is the page's or the setup's.
 */
export function asksToRunAgain(message: string): boolean {
  return /Please run Lighthouse again|\bNO_NAVSTART\b|\bNO_FCP\b/.test(message);
}

/** Audits one page of a running server (about 20 s each on this machine), once more if Lighthouse asks. */
export async function runLighthouse(root: string, baseUrl: string, pagePath: string): Promise<LighthouseResult> {
  try {
    return await lighthouseOnce(root, baseUrl, pagePath);
  } catch (error) {
    if (!asksToRunAgain((error as Error).message)) throw error;
    return lighthouseOnce(root, baseUrl, pagePath);
  }
}

function lighthouseOnce(root: string, baseUrl: string, pagePath: string): Promise<LighthouseResult> {
  const cli = path.join(root, "node_modules", "lighthouse", "cli", "index.js");
  const args = [
    cli,
    baseUrl + pagePath,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--only-categories=performance,accessibility,best-practices",
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`lighthouse ${pagePath} failed: ${error.message}\n${stderr.slice(-2000)}`));
        try {
          resolve(readLighthouse(pagePath, JSON.parse(stdout) as LighthouseJson));
        } catch (e) {
          reject(new Error(`lighthouse ${pagePath}: unreadable report (${(e as Error).message})`));
        }
      },
    );
  });
}
