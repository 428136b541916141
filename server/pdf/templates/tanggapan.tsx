/** Step 6 — Tanggapan Pengaduan WBS, to the reporter by reference, signed by the Kepala Dinas. */
import { Text, View } from "@react-pdf/renderer";
import { indonesianDate } from "../indonesian.ts";
import {
  Fields,
  Letterhead,
  LetterPage,
  Paragraphs,
  placeAndDate,
  ReplacesNote,
  SignatureBlock,
  styles,
} from "../parts.tsx";
import type { LetterMeta, Office, TanggapanContent } from "../../domain/letters/types.ts";

export function Tanggapan({ office, meta, c }: { office: Office; meta: LetterMeta; c: TanggapanContent }) {
  return (
    <LetterPage meta={meta}>
      <Letterhead office={office} />
      <Text style={{ textAlign: "right", marginBottom: 6 }}>{placeAndDate(office, meta)}</Text>
      <Fields
        labelWidth={70}
        rows={[
          ["Nomor", meta.number],
          ["Sifat", "Rahasia"],
          ["Lampiran", "-"],
          ["Hal", "Tanggapan Pengaduan WBS"],
        ]}
      />
      <View style={{ marginTop: 6, marginBottom: 10 }}>
        <Text>Kepada Yth.</Text>
        {c.addressee.map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
        <Text>di tempat</Text>
      </View>
      <ReplacesNote meta={meta} />
      <Text style={styles.paragraph}>
        {`Menindaklanjuti pengaduan Saudara melalui Whistle Blowing System (WBS) dengan nomor referensi ${c.reference} kategori ${c.category} yang kami terima pada tanggal ${indonesianDate(c.receivedAt, meta.timeZone)}, dengan ini kami sampaikan tanggapan sebagai berikut:`}
      </Text>
      <Paragraphs text={c.body} />
      <Text style={styles.paragraph}>
        {`Identitas pelapor dijaga kerahasiaannya. Apabila Saudara memerlukan penjelasan lebih lanjut, silakan menyampaikannya ${c.onPortal ? "melalui halaman lacak pengaduan dengan kode pelacakan Saudara" : `kepada kami melalui alamat, telepon, atau email pada kop surat ini dengan menyebutkan nomor referensi ${c.reference}`}. Atas perhatian dan partisipasi Saudara, kami ucapkan terima kasih.`}
      </Text>
      <View style={styles.signatures}>
        <SignatureBlock signer={c.signer} />
      </View>
    </LetterPage>
  );
}
