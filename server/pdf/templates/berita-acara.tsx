/** Step 5 — Berita Acara Penyelesaian Pengaduan WBS, with the customary opening in words. */
import { Text, View } from "@react-pdf/renderer";
import { dateInWords, indonesianDate, indonesianDateTime, indonesianTime } from "../indonesian.ts";
import { Paragraphs, placeAndDate, SignatureBlock, styles, TitledLetter } from "../parts.tsx";
import type { BeritaAcaraContent, LetterMeta, MeetingAttendeeLine, Office } from "../../domain/letters/types.ts";

const ROLE: Record<MeetingAttendeeLine["role"], string> = {
  CHAIR: "Pimpinan rapat",
  MEMBER: "Anggota",
  SECRETARY: "Notulis",
};

/** Up to this many signature blocks (three rows) fit on a page with the closing lines. */
const SIGNERS_ON_ONE_PAGE = 6;

/** When the meeting took place: its real start and end (older letters knew only the schedule). */
function heldWhen(m: BeritaAcaraContent["meeting"], timeZone: string): string {
  if (!m.heldFrom || !m.endsAt) return `dimulai ${indonesianDateTime(m.startsAt, timeZone)}`;
  const sameDay = indonesianDate(m.heldFrom, timeZone) === indonesianDate(m.endsAt, timeZone);
  return `dimulai ${indonesianDateTime(m.heldFrom, timeZone)} dan berakhir ${sameDay ? `pukul ${indonesianTime(m.endsAt, timeZone)}` : indonesianDateTime(m.endsAt, timeZone)}`;
}

export function BeritaAcara({ office, meta, c }: { office: Office; meta: LetterMeta; c: BeritaAcaraContent }) {
  const m = c.meeting;
  // The chair signs as the approving Kepala Dinas; the other attendees sign as members.
  const members = m.attendees.filter((a) => a.role !== "CHAIR");
  const signers = members.length + 1;
  const held = m.heldFrom ?? m.startsAt;
  return (
    <TitledLetter office={office} meta={meta} title="Berita Acara Penyelesaian Pengaduan WBS">
      <Text style={styles.paragraph}>
        {`Pada hari ini ${dateInWords(held, meta.timeZone)}, bertempat di ${m.place}, telah dilaksanakan rapat penyelesaian pengaduan Whistle Blowing System (WBS) dengan nomor referensi ${c.reference} kategori ${c.category}, ${heldWhen(m, meta.timeZone)}, yang dihadiri oleh:`}
      </Text>
      <View style={{ marginBottom: 6 }}>
        {m.attendees.map((a, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={{ width: 18 }}>{i + 1}.</Text>
            <Text style={{ width: 160, paddingRight: 6 }}>{a.name}</Text>
            <Text
              style={{ flex: 1 }}
            >{`${[a.position, a.organization].filter(Boolean).join(", ") || "-"} (${ROLE[a.role]})`}</Text>
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
      {/* The closing, place and date and the signatures stay together: no page holds a lone signature. */}
      <View wrap={signers > SIGNERS_ON_ONE_PAGE} minPresenceAhead={200}>
        <Text style={styles.paragraph} minPresenceAhead={200}>
          Demikian Berita Acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.
        </Text>
        <Text style={{ textAlign: "right", marginTop: 6 }}>{placeAndDate(office, meta)}</Text>
        <View style={styles.signatures}>
          {/* Every signer is labelled with their part in the meeting. */}
          {members.map((a, i) => (
            <SignatureBlock
              key={i}
              signer={{ position: a.position ?? ROLE[a.role], name: a.name, rankGrade: a.rankGrade, nip: a.nip }}
              above={[`${ROLE[a.role]},`]}
            />
          ))}
          <SignatureBlock signer={c.signer} above={["Mengetahui dan menyetujui,", `${ROLE.CHAIR},`]} />
        </View>
      </View>
    </TitledLetter>
  );
}
