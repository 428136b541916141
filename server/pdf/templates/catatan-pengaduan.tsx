/** Step 2 — Catatan Pengaduan WBS: what the Sekretariat recorded, and how and when it arrived. */
import { Text, View } from "@react-pdf/renderer";
import { indonesianDateTime } from "../indonesian.ts";
import { Fields, Paragraphs, placeAndDate, SignatureBlock, styles, TitledLetter } from "../parts.tsx";
import type { CatatanPengaduanContent, LetterMeta, Office } from "../../domain/letters/types.ts";

export function CatatanPengaduan({
  office,
  meta,
  c,
}: {
  office: Office;
  meta: LetterMeta;
  c: CatatanPengaduanContent;
}) {
  const r = c.report;
  return (
    <TitledLetter office={office} meta={meta} title="Catatan Pengaduan WBS">
      <Text
        style={styles.paragraph}
      >{`Pada ${indonesianDateTime(meta.issuedAt, meta.timeZone)} Sekretariat telah mencatat pengaduan Whistle Blowing System (WBS) berikut dalam Buku Agenda Permohonan.`}</Text>
      <Fields
        rows={[
          ["Nomor referensi", c.reference],
          ["Nomor agenda", c.agendaNumber === null ? "-" : String(c.agendaNumber)],
          ["Diterima", indonesianDateTime(c.receivedAt, meta.timeZone)],
          ["Melalui", c.channel],
          ["Kategori", c.category],
          ["Perihal", c.subject ?? "-"],
        ]}
      />
      <Text style={styles.heading}>Uraian pengaduan (4W+1H)</Text>
      <Text style={styles.bold}>Apa yang terjadi (what)</Text>
      <Paragraphs text={r.what} />
      <Text style={styles.bold}>Siapa yang dilaporkan (who)</Text>
      <View style={{ marginBottom: 6 }}>
        {r.persons.map((p, i) => (
          <Text key={i}>{`${i + 1}. ${p.name}${p.position ? `, ${p.position}` : ""}`}</Text>
        ))}
      </View>
      <Fields
        rows={[
          ["Di mana (where)", r.where],
          ["Kapan (when)", r.when],
        ]}
      />
      <Text style={styles.bold}>Bagaimana (how)</Text>
      <Paragraphs text={r.how || "-"} />
      <Fields
        rows={[
          ["Bukti", r.evidence],
          ["Saksi", r.witnesses],
        ]}
      />
      <View style={styles.signatures}>
        <SignatureBlock signer={c.signer} above={[placeAndDate(office, meta), "Yang mencatat,"]} />
      </View>
    </TitledLetter>
  );
}
