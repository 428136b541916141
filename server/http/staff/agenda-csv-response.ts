/**
 * GET /api/staff/agenda?book=&year=&from=&to=: one agenda book as CSV (UTF-8 with BOM),
 * for the holders of `readAgenda` (as the `cases.agenda` procedure). Entries of cases hidden from the reader
 * are left out, as on the page. Column titles and labels follow the reader's locale.
 */
import type { Db } from "../../db.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { appendAudit } from "../../domain/audit.ts";
import { agendaCsv, agendaEntries, agendaInput } from "../../domain/cases/agenda.ts";
import { translatorFor } from "../../../i18n/messages.ts";
import { downloadHeaders, refusal } from "../download-headers.ts";
import { getSetting } from "../../domain/settings.ts";
import { officeStamp } from "../../../lib/zoned-time.ts";
import { staffContextOf } from "./staff-context.ts";
import { staffRoute } from "./staff-route.ts";

export interface AgendaCsvRequest {
  book: string;
  year: number;
  from?: string;
  to?: string;
  locale?: string;
}

export function agendaFileName(
  book: "PERMOHONAN" | "TANGGAPAN",
  year: number,
  extension: "csv" | "pdf" = "csv",
): string {
  return `buku-agenda-${book === "PERMOHONAN" ? "permohonan" : "tanggapan-pengaduan-wbs"}-${year}.${extension}`;
}

/** The checked request, the rows the reader may see, and a translator for the reader's locale; or the refusal. */
export async function readAgenda(db: Db, staff: StaffPrincipal, request: AgendaCsvRequest) {
  const parsed = agendaInput.safeParse({ book: request.book, year: request.year, from: request.from, to: request.to });
  if (!parsed.success) return { refusal: refusal(400, "Permintaan tidak valid.") } as const;
  const locale = request.locale === "en" ? "en" : "id";
  const [rows, hours] = await Promise.all([agendaEntries(db, staff, parsed.data), getSetting(db, "office.hours")]);
  return { staff, input: parsed.data, locale, t: translatorFor(locale), rows, timeZone: hours.timeZone } as const;
}

/** The export in the audit trail: which book, which period, how many rows, which format. */
export async function auditAgendaExport(
  db: Db,
  staff: StaffPrincipal,
  input: { book: string; year: number; from?: string; to?: string },
  rows: number,
  format: "csv" | "pdf",
  now: Date,
) {
  const ctx = staffContextOf(staff, now);
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actorId: ctx.staff.id,
      actorLabel: ctx.staff.username,
      action: "agenda.export",
      detail: {
        book: input.book,
        year: input.year,
        from: input.from ?? null,
        to: input.to ?? null,
        rows,
        ...(format === "pdf" ? { format } : {}),
      },
      at: now,
    }),
  );
}

export const agendaCsvResponse = staffRoute(
  "readAgenda",
  async (db, staff, request: AgendaCsvRequest, now: Date = new Date()) => {
    const read = await readAgenda(db, staff, request);
    if (read.refusal) return read.refusal;
    const { input, t, rows, timeZone } = read;
    const header = [
      t("agenda.number"),
      t("agenda.date"),
      t("agenda.reference"),
      t("agenda.category"),
      t("agenda.channel"),
      t("agenda.letterNumber"),
    ];
    const csv = agendaCsv(rows, header, (r) => [
      r.number,
      officeStamp(r.entryDate, timeZone),
      r.reference,
      t(`home.categories.${r.category}`),
      t(`workspace.channel.${r.channel}`),
      r.letterNumber ?? "",
    ]);
    await auditAgendaExport(db, read.staff, input, rows.length, "csv", now);
    return new Response(csv, {
      headers: downloadHeaders(agendaFileName(input.book, input.year), "text/csv; charset=utf-8", { asciiOnly: true }),
    });
  },
);
