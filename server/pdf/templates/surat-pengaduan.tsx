/** Step 3 — Surat Pengaduan WBS: a nota dinas from Tim Telaah to the Kepala Dinas with the review. */
import { Text, View } from "@react-pdf/renderer";
import { indonesianDate, indonesianDateTime } from "../indonesian.ts";
import { Fields, Letterhead, LetterPage, Paragraphs, ReplacesNote, SignatureBlock, styles, yesNo } from "../parts.tsx";
import type { LetterMeta, Office, SuratPengaduanContent } from "../../domain/letters/types.ts";

const ELEMENTS: [keyof SuratPengaduanContent["elements"], string][] = [
  ["what", "Apa (what)"],
  ["who", "Siapa (who)"],
  ["where", "Di mana (where)"],
  ["when", "Kapan (when)"],
  ["how", "Bagaimana (how)"],
];

export function SuratPengaduan({ office, meta, c }: { office: Office; meta: LetterMeta; c: SuratPengaduanContent }) {
  return (
    <LetterPage meta={meta}>
      <Letterhead office={office} />
      <Text style={[styles.title, { textDecoration: "none", marginBottom: 10 }]}>NOTA DINAS</Text>
      <Fields
        labelWidth={80}
        rows={[
          ["Kepada", `Yth. ${c.to}`],
          ["Dari", `Tim Telaah Pengaduan WBS (${c.signer.position})`],
          ["Tanggal", indonesianDate(meta.issuedAt, meta.timeZone)],
          ["Nomor", meta.number],
          ["Sifat", "Rahasia"],
          ["Hal", `Surat Pengaduan WBS ${c.reference}`],
        ]}
      />
      <View style={styles.ruleThin} />
      <ReplacesNote meta={meta} />
      <Text style={styles.paragraph}>
        {`Bersama ini kami sampaikan hasil telaah atas pengaduan WBS dengan nomor referensi ${c.reference} kategori ${c.category}, yang diterima pada ${indonesianDateTime(c.receivedAt, meta.timeZone)}, sebagai berikut:`}
      </Text>
      <Text style={styles.heading}>1. Kelengkapan unsur 4W+1H</Text>
      <Fields rows={ELEMENTS.map(([k, label]) => [label, c.elements[k] ? "ada" : "tidak ada"])} />
      <Fields
        rows={[
          ["Kesimpulan kelengkapan", yesNo(c.isComplete, "lengkap", "belum lengkap")],
          ["Ruang lingkup WBS", yesNo(c.inScope, "termasuk ruang lingkup WBS", "di luar ruang lingkup WBS")],
        ]}
      />
      <Text style={styles.heading}>2. Ringkasan</Text>
      <Paragraphs text={c.summary} />
      {c.notes ? (
        <>
          <Text style={styles.heading}>3. Catatan telaah</Text>
          <Paragraphs text={c.notes} />
        </>
      ) : null}
      <Text style={styles.heading}>{c.notes ? "4" : "3"}. Rekomendasi</Text>
      <Text style={styles.paragraph}>{c.recommendation}</Text>
      <Text style={styles.paragraph}>Demikian disampaikan, mohon arahan Bapak/Ibu Kepala Dinas.</Text>
      <View style={styles.signatures}>
        <SignatureBlock signer={c.signer} above={["Tim Telaah Pengaduan WBS"]} />
      </View>
    </LetterPage>
  );
}
