/**
 * Dokumen Pengelolaan WBS: cover, the timeline with each step's office time
 * against its SOP standard, the list of letters and attachments with their SHA-256, and then
 * every issued letter itself, page for page as stored (appended with pdf-lib, so what is in the
 * dossier is exactly what was signed).
 */
import { Text, View } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { indonesianDate, indonesianDateTime } from "./indonesian.ts";
import { Fields, Letterhead, LetterPage, styles, Title } from "./parts.tsx";
import { renderPdf } from "./render.tsx";
import type { DossierInput, LetterMeta } from "../domain/letters/types.ts";

/** "1 jam 15 menit" as the SOP writes office time. */
export function officeDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return [h ? `${h} jam` : "", m || !h ? `${m} menit` : ""].filter(Boolean).join(" ");
}

const cell = { paddingVertical: 2, paddingHorizontal: 3, borderRightWidth: 0.5, borderRightColor: "#777" } as const;

/** A table whose header row repeats on every page it spans. */
export function Table({
  columns,
  rows,
  notes,
  fontSize = 9,
}: {
  columns: { title: string; width: string }[];
  rows: string[][];
  notes?: string[];
  fontSize?: number;
}) {
  return (
    <View style={{ borderWidth: 0.5, borderColor: "#777", borderRightWidth: 0, fontSize, marginBottom: 10 }}>
      <View
        fixed
        style={{ flexDirection: "row", backgroundColor: "#e5e7eb", borderBottomWidth: 0.5, borderBottomColor: "#777" }}
      >
        {columns.map((c) => (
          <Text key={c.title} style={[cell, { width: c.width, fontWeight: 700 }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((r, i) => (
        <View
          key={i}
          wrap={false}
          style={{ borderBottomWidth: i === rows.length - 1 ? 0 : 0.5, borderBottomColor: "#bbb" }}
        >
          <View style={{ flexDirection: "row" }}>
            {r.map((v, j) => (
              <Text key={j} style={[cell, { width: columns[j]!.width }]}>
                {v}
              </Text>
            ))}
          </View>
          {/* A full-width line, e.g. a SHA-256 that must stay on one line to be read and compared. */}
          {notes?.[i] ? <Text style={[cell, { fontSize: fontSize - 1 }]}>{notes[i]}</Text> : null}
        </View>
      ))}
    </View>
  );
}

function DossierPages({ d }: { d: DossierInput }) {
  const tz = d.meta.timeZone;
  const v = d.meta.verification;
  // Only the archived dossier is verifiable; a copy compiled on demand says what it is.
  const meta: LetterMeta | undefined = v
    ? { number: d.reference, issuedAt: d.meta.issuedAt, timeZone: tz, verificationCode: v.code, verificationUrl: v.url }
    : undefined;
  return (
    <LetterPage meta={meta}>
      <Letterhead office={d.office} />
      <Title title="Dokumen Pengelolaan WBS" number={d.reference} />
      <Fields
        rows={[
          ["Kategori", d.category],
          ["Saluran", d.channel],
          ["Diterima", indonesianDateTime(d.receivedAt, tz)],
          ["Status", d.status],
          ["Diarsipkan", d.archivedAt ? indonesianDateTime(d.archivedAt, tz) : "-"],
          ["Disusun", indonesianDateTime(d.meta.issuedAt, tz)],
          ["Jumlah surat", String(d.letters.length)],
          ["Jumlah lampiran", String(d.attachments.length)],
        ]}
      />
      {v ? null : (
        <Text
          style={[styles.paragraph, styles.bold]}
        >{`Salinan kerja yang disusun pada ${indonesianDateTime(d.meta.issuedAt, tz)}; dokumen arsip resmi diterbitkan saat kasus diarsipkan.`}</Text>
      )}
      <Text style={styles.heading}>1. Waktu setiap langkah terhadap standar SOP (jam kerja)</Text>
      <Table
        columns={[
          { title: "Langkah", width: "30%" },
          { title: "Mulai", width: "19%" },
          { title: "Selesai", width: "19%" },
          { title: "Waktu", width: "11%" },
          { title: "Standar", width: "11%" },
          { title: "Hasil", width: "10%" },
        ]}
        rows={d.steps.map((s) => [
          `${s.step}. ${s.name}`,
          indonesianDateTime(s.startedAt, tz),
          s.completedAt ? indonesianDateTime(s.completedAt, tz) : "berjalan",
          s.officeMinutes === null ? "-" : officeDuration(s.officeMinutes),
          officeDuration(s.standardMinutes),
          s.withinStandard === null ? "-" : s.withinStandard ? "sesuai" : "melebihi",
        ])}
      />
      <Text style={styles.heading}>2. Linimasa</Text>
      <Table
        columns={[
          { title: "Waktu", width: "28%" },
          { title: "Peristiwa", width: "47%" },
          { title: "Oleh", width: "25%" },
        ]}
        rows={d.timeline.map((e) => [indonesianDateTime(e.at, tz), e.what, e.who])}
      />
      <Text style={styles.heading}>3. Surat yang diterbitkan (terlampir sesudah halaman ini)</Text>
      <Table
        columns={[
          { title: "Surat", width: "40%" },
          { title: "Nomor", width: "32%" },
          { title: "Tanggal", width: "28%" },
        ]}
        rows={d.letters.map((l) => [l.title, l.number ?? "-", indonesianDate(l.issuedAt, tz)])}
        notes={d.letters.map((l) => `SHA-256 ${l.sha256}`)}
      />
      <Text style={styles.heading}>4. Lampiran</Text>
      {d.attachments.length === 0 ? (
        <Text>Tidak ada lampiran.</Text>
      ) : (
        <Table
          columns={[
            { title: "Berkas", width: "40%" },
            { title: "Jenis / ukuran", width: "32%" },
            { title: "Dari / tanggal", width: "28%" },
          ]}
          rows={d.attachments.map((a) => [
            a.name,
            `${a.mimeType}, ${a.size} bita`,
            `${a.from}, ${indonesianDate(a.at, tz)}`,
          ])}
          notes={d.attachments.map((a) => `SHA-256 ${a.sha256}`)}
        />
      )}
    </LetterPage>
  );
}

export async function renderDossier(d: DossierInput): Promise<Buffer> {
  const cover = await renderPdf(
    `Dokumen Pengelolaan WBS ${d.reference}`,
    d.office.officeName,
    d.meta.issuedAt,
    <DossierPages d={d} />,
  );
  if (d.letters.length === 0) return cover;
  const out = await PDFDocument.load(cover);
  for (const l of d.letters) {
    const src = await PDFDocument.load(l.pdf);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  // Fixed dates keep the bytes a function of the content.
  out.setModificationDate(d.meta.issuedAt);
  return Buffer.from(await out.save({ useObjectStreams: false }));
}
