/** Step 5 — Berita Acara Penyelesaian Pengaduan WBS, with the customary opening in words. */
import { Text, View } from "@react-pdf/renderer";
import { dateInWords, indonesianDateTime } from "../indonesian.ts";
import { Letterhead, LetterPage, Paragraphs, placeAndDate, ReplacesNote, SignatureBlock, styles, Title } from "../parts.tsx";
import type { BeritaAcaraContent, LetterMeta, MeetingAttendeeLine, Office } from "../types.ts";

const ROLE: Record<MeetingAttendeeLine["role"], string> = { CHAIR: "Pimpinan rapat", MEMBER: "Anggota", SECRETARY: "Notulis" };

export function BeritaAcara({ office, meta, c }: { office: Office; meta: LetterMeta; c: BeritaAcaraContent }) {
  const m = c.meeting;
  // The chair signs as the approving Kepala Dinas; the other attendees sign as members.
  const members = m.attendees.filter((a) => a.role !== "CHAIR");
  return (
    <LetterPage meta={meta}>
      <Letterhead office={office} />
      <Title title="Berita Acara Penyelesaian Pengaduan WBS" number={meta.number} />
      <ReplacesNote meta={meta} />
      <Text style={styles.paragraph}>
        {`Pada hari ini ${dateInWords(m.startsAt, meta.timeZone)}, bertempat di ${m.place}, telah dilaksanakan rapat penyelesaian pengaduan Whistle Blowing System (WBS) dengan nomor referensi ${c.reference} kategori ${c.category}, dimulai ${indonesianDateTime(m.startsAt, meta.timeZone)}, yang dihadiri oleh:`}
      </Text>
      <View style={{ marginBottom: 6 }}>
        {m.attendees.map((a, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={{ width: 18 }}>{i + 1}.</Text>
            <Text style={{ width: 160, paddingRight: 6 }}>{a.name}</Text>
            <Text style={{ flex: 1 }}>{`${[a.position, a.organization].filter(Boolean).join(", ") || "-"} (${ROLE[a.role]})`}</Text>
          </View>
        ))}
      </View>
      <Text style={styles.heading}>I. Agenda</Text>
      <Paragraphs text={m.agenda} />
      <Text style={styles.heading}>II. Hal-hal yang dibahas</Text>
      <Paragraphs text={m.discussion} />
      <Text style={styles.heading}>III. Pertimbangan</Text>
      <Paragraphs text={c.considerations} />
      <Text style={styles.heading}>IV. Teknis penyelesaian</Text>
      <Paragraphs text={m.resolution} />
      <Text style={styles.heading}>V. Keputusan</Text>
      <Paragraphs text={c.decisions} />
      <Text style={styles.paragraph}>Demikian Berita Acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.</Text>
      <Text style={{ textAlign: "right", marginTop: 6 }}>{placeAndDate(office, meta)}</Text>
      <View style={styles.signatures}>
        {members.map((a, i) => (
          <SignatureBlock key={i} signer={{ position: a.position ?? ROLE[a.role], name: a.name, rankGrade: a.rankGrade, nip: a.nip }} above={[i === 0 ? "Anggota," : ""].filter(Boolean)} />
        ))}
        <SignatureBlock signer={c.signer} above={["Mengetahui dan menyetujui,", "Pimpinan rapat"]} />
      </View>
    </LetterPage>
  );
}
