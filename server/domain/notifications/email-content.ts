/**
 * The text of a notification email. Email leaves the office's control (mail servers, phones,
 * forwarding), so it says only what gets a member to the case: the reference, the step, the due
 * time in the office's time zone and a link to the case page, which asks for sign-in. Never the
 * report's text, names, category or anything about the reporter.
 */
import type { NotificationKind } from "../../generated/prisma/enums.ts";

export type EmailLocale = "id" | "en";

export interface EmailItem {
  kind: NotificationKind;
  caseId: string | null;
  reference: string;
  step: number | null;
  /** ISO time. */
  dueAt: string | null;
}

export interface RenderContext {
  locale: EmailLocale;
  /** Public base URL (NEXTAUTH_URL), without a trailing slash. */
  baseUrl: string;
  timeZone: string;
}

const STEP_NAMES: Record<EmailLocale, Record<number, string>> = {
  id: {
    2: "Pencatatan",
    3: "Penelaahan",
    4: "Rapat pembahasan",
    5: "Berita Acara",
    6: "Pengiriman tanggapan",
    7: "Penerimaan tanggapan",
    8: "Pengarsipan",
  },
  en: {
    2: "Recording",
    3: "Review",
    4: "Case meeting",
    5: "Minutes (Berita Acara)",
    6: "Sending the response",
    7: "Response received",
    8: "Archiving",
  },
};

const WHAT: Record<EmailLocale, Record<NotificationKind, string>> = {
  id: {
    NEW_REPORT: "Laporan baru menunggu dicatat",
    HANDOVER: "Kasus menunggu tindakan Anda",
    REPORTER_MESSAGE: "Pelapor mengirim pesan",
    DUE_SOON: "Batas waktu langkah segera berakhir",
    OVERDUE: "Batas waktu langkah telah terlewati",
  },
  en: {
    NEW_REPORT: "A new report waits to be recorded",
    HANDOVER: "A case waits for your action",
    REPORTER_MESSAGE: "The reporter sent a message",
    DUE_SOON: "A step's time limit ends soon",
    OVERDUE: "A step's time limit has passed",
  },
};

const LABELS = {
  id: {
    case: "Kasus",
    step: "Langkah",
    due: "Batas waktu",
    open: "Buka kasus (perlu masuk)",
    digest: "Ringkasan notifikasi",
    digestIntro: "Notifikasi sejak ringkasan terakhir:",
    test: "Email uji",
    testBody: "Pengaturan email Lentera berfungsi. Email ini dikirim dari halaman Admin.",
    footer: "Email ini dikirim otomatis oleh Lentera. Isi laporan hanya dapat dibaca di Lentera setelah masuk.",
    prefs: "Atur notifikasi",
  },
  en: {
    case: "Case",
    step: "Step",
    due: "Due",
    open: "Open the case (sign-in required)",
    digest: "Notification digest",
    digestIntro: "Notifications since the last digest:",
    test: "Test email",
    testBody: "Lentera's email settings work. This email was sent from the Admin page.",
    footer: "Sent automatically by Lentera. The report can only be read in Lentera after signing in.",
    prefs: "Notification settings",
  },
} as const;

export function formatOfficeTime(iso: string, ctx: RenderContext): string {
  const text = new Intl.DateTimeFormat(ctx.locale === "id" ? "id-ID" : "en-GB", {
    timeZone: ctx.timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
  return text;
}

const path = (ctx: RenderContext, p: string) => `${ctx.baseUrl}${ctx.locale === "id" ? "" : `/${ctx.locale}`}${p}`;

function itemLines(item: EmailItem, ctx: RenderContext): string[] {
  const l = LABELS[ctx.locale];
  const lines = [`${WHAT[ctx.locale][item.kind]}`, `${l.case}: ${item.reference}`];
  if (item.step !== null && STEP_NAMES[ctx.locale][item.step])
    lines.push(`${l.step}: ${item.step} — ${STEP_NAMES[ctx.locale][item.step]}`);
  if (item.dueAt) lines.push(`${l.due}: ${formatOfficeTime(item.dueAt, ctx)}`);
  if (item.caseId) lines.push(`${l.open}: ${path(ctx, `/staff/kasus/${item.caseId}`)}`);
  return lines;
}

/** Subject and plain-text body for one outbox row: one item, several (digest) or none (test). */
export function renderEmail(items: readonly EmailItem[], ctx: RenderContext): { subject: string; text: string } {
  const l = LABELS[ctx.locale];
  const footer = ["", "--", l.footer, `${l.prefs}: ${path(ctx, "/staff/notifikasi")}`];
  if (items.length === 0) return { subject: `[Lentera] ${l.test}`, text: [l.testBody, ...footer].join("\n") };
  if (items.length === 1) {
    const item = items[0]!;
    return {
      subject: `[Lentera] ${item.reference}: ${WHAT[ctx.locale][item.kind]}`,
      text: [...itemLines(item, ctx), ...footer].join("\n"),
    };
  }
  const body = [l.digestIntro, ""];
  for (const item of items) body.push(...itemLines(item, ctx), "");
  return { subject: `[Lentera] ${l.digest} (${items.length})`, text: [...body, ...footer.slice(1)].join("\n") };
}
