/**
 * The bench scenarios. Later issues add theirs by appending to `scenarios` below.
 *
 * A scenario is one autocannon run against the started server. Simple pages need only `path`;
 * anything that must be prepared first (a created case, a signed-in session, a 1 MB upload body,
 * a sequence of requests) uses `build`, which runs once after the server is ready and before
 * warm-up, and may talk to the server through `ctx.baseUrl` (always http://127.0.0.1:<port>).
 */
import type { RequestSpec, ScenarioContext } from "./request-spec.ts";
import { buildReportSubmission, buildTrackingSession } from "./portal-forms.ts";
import { buildLetterDownload, buildLetterVerification } from "./letters.ts";
import { buildBombsWithPageReads } from "./upload-bombs.ts";
import { buildStaffCaseList, buildStaffHome } from "./staff-pages.ts";
import { buildOfficeDashboard, buildStatisticsPage } from "./statistics-pages.ts";

// What a scenario builder sends and receives; apart, so the builders need not import this list.
export type { BackgroundLoad, RequestSpec, ScenarioContext } from "./request-spec.ts";

export const DEFAULT_CONNECTIONS = 20;
export const DEFAULT_DURATION_S = 10;
/**
 * Load before measuring. V8 compiles PGlite's WebAssembly and the server's hot JavaScript in
 * tiers, in background threads on the same two cores: on a server started by hand a letter
 * download cost 8–10 ms of CPU in its first 5 s, 4.6 ms at 10–15 s and 2.6–2.9 ms from 15 s
 * on; the bench's own server, with the work of build() behind it, was still settling after
 * 10 s (letter download: 5.3–8.5 ms measured after 10 s, 4.2–5.9 ms after 30 s). The budgets
 * are about a running server, so each scenario is measured after 30 s of its own load.
 */
export const WARMUP_S = 30;

/** The performance budget: "server memory under load: RSS ≤ 400 MB" (checked for every scenario and overall). */
export const MEMORY_BUDGET_MB = 400;

/**
 * Performance budgets that autocannon can check. Every field is optional; a scenario
 * passes when all given limits hold and it saw no errors (a budget met with failed requests
 * means nothing).
 */
export interface Budget {
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  minRequestsPerSec?: number;
  maxRssMb?: number;
  /** Where the numbers come from / what is not measured here. Shown in results.json only. */
  note?: string;
}

export interface Scenario extends RequestSpec {
  name: string;
  /** The path requested (also shown in the table and JSON). */
  path: string;
  /** Request builder: prepare state once and return what to send (merged over the fields above). */
  build?: (ctx: ScenarioContext) => RequestSpec | Promise<RequestSpec>;
  /** Defaults to DEFAULT_CONNECTIONS; `--connections N` overrides every scenario. */
  connections?: number;
  /** Seconds; defaults to DEFAULT_DURATION_S; `--duration S` overrides every scenario. */
  durationS?: number;
  /** Needs the database to hold SYNTHETIC_CASES synthetic cases (seeded before the server starts). */
  syntheticCases?: boolean;
  /** Also measured by the growth check (--scale), once per case count. */
  scales?: boolean;
  /** Non-2xx statuses that are right answers here (e.g. 303 after a no-JS form post); others are errors. */
  expectedStatuses?: number[];
  budget?: Budget;
}

const publicPage: Budget = {
  maxRssMb: MEMORY_BUDGET_MB,
  note: "Public page: the design's budgets for it are Lighthouse scores and first-load JS, which autocannon does not measure; only server RSS is checked here.",
};

export const scenarios: Scenario[] = [
  { name: "home page", path: "/", budget: publicPage },
  { name: "home page (English)", path: "/en", budget: publicPage },
  // Any other query is not cached: the same page rendered per request, as every page was before the page cache.
  { name: "home page rendered per request", path: "/?per-request=1", budget: publicPage },
  {
    name: "report form (form token per view)",
    path: "/lapor",
    budget: publicPage,
    verifyBody: (html) => html.includes('name="formToken"'),
  },
  {
    name: "tracking sign-in page (form token per view)",
    path: "/lacak",
    budget: publicPage,
    verifyBody: (html) => html.includes('name="formToken"'),
  },
  { name: "staff sign-in page", path: "/staff/masuk", budget: publicPage },
  {
    name: "tracking sign-in + case page",
    path: "/lacak",
    scales: true,
    build: buildTrackingSession,
    expectedStatuses: [303],
    budget: {
      p99Ms: 150,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "Each connection alternates the no-JS sign-in post with a valid tracking code (303 + session cookie) and GET /lacak/kasus with that cookie (must show the case reference); " +
        "req/s and latencies count the two requests separately. 50 cases created by build().",
    },
  },
  {
    name: "staff case list (100 000 cases)",
    scales: true,
    path: "/api/trpc/cases.list",
    syntheticCases: true,
    build: buildStaffCaseList,
    budget: {
      p95Ms: 100,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "The two list queries of /staff/kasus (the page is a static shell; the list is tRPC cases.list): 'needs my action' and 'all cases', first page of 25 with the total, alternating per connection, " +
        "as the Sekretariat signed in with password and TOTP, on a database holding 100 000 synthetic cases (npm run db:seed:synthetic). Every answer must be a full page.",
    },
  },
  {
    name: "staff home page (100 000 cases)",
    path: "/staff",
    syntheticCases: true,
    build: buildStaffHome,
    budget: {
      p95Ms: 100,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "GET /staff as the Kepala Dinas signed in with password and TOTP (the staff layout, the workspace bar and the queue's three counts) on 100 000 synthetic cases. " +
        "Every body must show the queue.",
    },
  },
  {
    name: "letter PDF (issued letter download)",
    path: "/api/staff/letter",
    build: buildLetterDownload,
    connections: 10,
    budget: {
      p50Ms: 50,
      p99Ms: 150,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "Budget: 'one letter PDF: median ≤ 50 ms, p99 ≤ 150 ms at 10 concurrent'. Letters are rendered once, right after their SOP step's transaction commits, " +
        "and stored sealed; what a reader waits for is this download: Tim Telaah signed in, alternating the Catatan Pengaduan and the Surat Pengaduan of a case made by build() " +
        "(decrypt, SHA-256 check, audit entry, attachment). Every body must be a whole PDF. Rendering time itself is in docs/letters.md.",
    },
  },
  {
    name: "letter verification page",
    path: "/verifikasi",
    build: buildLetterVerification,
    budget: {
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "GET /verifikasi/<code>, the public page a letter's QR code opens, for the Catatan Pengaduan made for the letter PDF scenario (the code read off the PDF with pdftotext). " +
        "Served from the page cache (10 s per code). Every body must confirm the letter.",
    },
  },
  {
    name: "statistik: public page (100 000 cases)",
    scales: true,
    path: "/statistik",
    syntheticCases: true,
    build: buildStatisticsPage,
    budget: {
      p95Ms: 100,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "GET /statistik (current year, every chart and table, small numbers protected) on a database holding 100 000 synthetic cases. The figures come from indexed SQL " +
        "and are kept for 60 s per server (server/domain/statistics/cache.ts); the page itself comes from the page cache (server/http/portal/page-cache.ts, 60 s). Every body must hold all six tables.",
    },
  },
  {
    name: "statistik: office dashboard (100 000 cases)",
    scales: true,
    path: "/staff/dasbor",
    syntheticCases: true,
    build: buildOfficeDashboard,
    budget: {
      p95Ms: 100,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "GET /staff/dasbor (this year so far, unsuppressed, open/overdue by stage, SOP compliance per step) as the Kepala Dinas signed in with password and TOTP, " +
        "on 100 000 synthetic cases; figures cached for 60 s per reader and period. Every body must be the dashboard.",
    },
  },
  {
    name: "home page while upload bombs are refused",
    path: "/",
    build: buildBombsWithPageReads,
    budget: {
      p99Ms: 250,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "GET / (20 connections) while 4 report submissions at a time carry a decompression bomb in turn: a PNG declaring 100 000×100 000 pixels, a PDF whose object stream inflates to 1 GiB, " +
        "a DOCX with a 1 GiB entry. Sanitising runs in the worker pool (per-file time limit, heap limit, RSS watchdog); each bomb post must be answered with the form refusing the file. " +
        "Bomb counts are under background in results.json.",
    },
  },
  // Last on purpose: the uploads autocannon abandons at the end of a run (timed out or in
  // flight) keep the server busy for many seconds and would slow whatever runs next.
  {
    name: "report submission (1 MB image)",
    path: "/lapor",
    build: buildReportSubmission,
    budget: {
      minRequestsPerSec: 40,
      p99Ms: 1000,
      maxRssMb: MEMORY_BUDGET_MB,
      note:
        "Each request is the no-JS report form post (multipart, ~1.1 MB) with one 2000×1500 JPEG carrying GPS EXIF and a fresh idempotency key: " +
        "the server re-encodes the image, encrypts and stores it and answers the receipt. Every body must be the receipt of a new case (tracking code not seen before). " +
        "Default 20 connections: 40/s with p99 ≤ 1 s means up to ~20 submissions in flight; with fewer, the rate would be capped by the client.",
    },
  },
];
