/**
 * GET /api/staff/agenda?format=pdf&book=&year=&from=&to=: one agenda book as a landscape PDF
 * with the header repeated on every page; same readers, rows and audit as the CSV.
 */
import { loadOffice } from "../../domain/letters/office.ts";
import { agendaPeriod, renderAgendaBook } from "../../pdf/agenda-book.tsx";
import { pdfDownload } from "../download-headers.ts";
import { agendaFileName, auditAgendaExport, readAgenda, type AgendaCsvRequest } from "./agenda-csv-response.ts";
import { officeStamp } from "../../../lib/zoned-time.ts";
import { staffRoute } from "./staff-route.ts";

export const agendaPdfResponse = staffRoute(
  "readAgenda",
  async (db, staff, request: AgendaCsvRequest, now: Date = new Date()) => {
    const read = await readAgenda(db, staff, request);
    if (read.refusal) return read.refusal;
    const { input, t, rows } = read;
    const { office, timeZone } = await loadOffice(db);
    const pdf = await renderAgendaBook({
      office,
      title: t(`agenda.book.${input.book}`),
      period: agendaPeriod(input.year, input.from, input.to, timeZone),
      printedAt: now,
      timeZone,
      columns: [
        { title: t("agenda.number"), width: "7%" },
        { title: t("agenda.date"), width: "15%" },
        { title: t("agenda.reference"), width: "16%" },
        { title: t("agenda.category"), width: "22%" },
        { title: t("agenda.channel"), width: "12%" },
        { title: t("agenda.letterNumber"), width: "28%" },
      ],
      rows: rows.map((r) => [
        String(r.number),
        officeStamp(r.entryDate, timeZone),
        r.reference,
        t(`home.categories.${r.category}`),
        t(`workspace.channel.${r.channel}`),
        r.letterNumber ?? "-",
      ]),
      empty: t("agenda.empty"),
    });
    await auditAgendaExport(db, read.staff, input, rows.length, "pdf", now);
    return pdfDownload({
      bytes: pdf,
      name: agendaFileName(input.book, input.year, "pdf"),
      mimeType: "application/pdf",
    });
  },
);
