/**
 * A Buku Agenda as PDF: A4 landscape, the letterhead once, the table header
 * repeated on every page, page numbers "Halaman n dari m".
 */
import { Text } from "@react-pdf/renderer";
import { Table } from "./dossier.tsx";
import { indonesianDate, indonesianDateTime } from "./indonesian.ts";
import { Letterhead, LetterPage, styles } from "./parts.tsx";
import { renderPdf } from "./render.tsx";
import type { Office } from "../domain/letters/types.ts";

export interface AgendaBookInput {
  office: Office;
  title: string;
  period: string;
  printedAt: Date;
  timeZone: string;
  columns: { title: string; width: string }[];
  rows: string[][];
  empty: string;
}

export function renderAgendaBook(a: AgendaBookInput): Promise<Buffer> {
  return renderPdf(
    `${a.title} ${a.period}`,
    a.office.officeName,
    a.printedAt,
    <LetterPage orientation="landscape">
      <Letterhead office={a.office} />
      <Text style={styles.title}>{a.title.toUpperCase()}</Text>
      <Text style={styles.titleNumber}>{a.period}</Text>
      {a.rows.length === 0 ? <Text>{a.empty}</Text> : <Table columns={a.columns} rows={a.rows} fontSize={9.5} />}
      <Text style={{ fontSize: 8 }}>{`Dicetak ${indonesianDateTime(a.printedAt, a.timeZone)}.`}</Text>
    </LetterPage>,
  );
}

/** "Tahun 2026" or "1 Januari 2026 s.d. 31 Maret 2026". */
export function agendaPeriod(year: number, from: string | undefined, to: string | undefined, timeZone: string): string {
  const day = (d: string) => indonesianDate(new Date(`${d}T12:00:00Z`), timeZone);
  if (!from && !to) return `Tahun ${year}`;
  return `Tahun ${year}, ${from ? day(from) : "awal tahun"} s.d. ${to ? day(to) : "akhir tahun"}`;
}
