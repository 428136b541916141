/**
 * The SOP's two registers: Buku Agenda Permohonan (step 2) and Buku
 * Agenda Tanggapan Pengaduan WBS (step 6), numbered per year. Entries of cases hidden
 * from the reader (exclusion, leadership) are left out like the cases themselves.
 */
import { z } from "zod";
import { AgendaBook } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { caseScope, type StaffRef } from "./access.ts";
import { csvDocument, type CsvCell } from "../csv.ts";

export const agendaInput = z.object({
  book: z.enum(AgendaBook),
  year: z.number().int().min(2000).max(2100),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export async function agendaEntries(
  db: Db,
  staff: StaffRef,
  raw: z.input<typeof agendaInput>,
  timeZoneOffset = "+07:00",
) {
  const input = agendaInput.parse(raw);
  const scope = caseScope(staff);
  if (!scope) return [];
  const entryDate = {
    ...(input.from ? { gte: new Date(`${input.from}T00:00:00${timeZoneOffset}`) } : {}),
    ...(input.to ? { lt: new Date(new Date(`${input.to}T00:00:00${timeZoneOffset}`).getTime() + 86_400_000) } : {}),
  };
  return db.agendaEntry.findMany({
    where: { book: input.book, year: input.year, entryDate, case: scope },
    orderBy: { number: "asc" },
    select: {
      number: true,
      entryDate: true,
      reference: true,
      letterNumber: true,
      category: true,
      channel: true,
      caseId: true,
    },
  });
}

/** CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read it right). */
export function agendaCsv(
  rows: Awaited<ReturnType<typeof agendaEntries>>,
  header: string[],
  format: (r: (typeof rows)[number]) => CsvCell[],
): string {
  return csvDocument([header, ...rows.map(format)]);
}
