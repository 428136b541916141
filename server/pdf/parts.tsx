/** Building blocks every letter shares: page, kop surat, title, place and date, signatures, verification footer. */
import type { ReactNode } from "react";
import { Image, Page, Path, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { FONT_FAMILY } from "./fonts.ts";
import { indonesianDate } from "./indonesian.ts";
import { qrPath } from "./qr.ts";
import type { LetterMeta, Office, Signer } from "../domain/letters/types.ts";

export const styles = StyleSheet.create({
  // No lineHeight on the Page: there it hides absolutely placed fixed elements (react-pdf 4.9); paragraphs
  // set their own.
  page: { fontFamily: FONT_FAMILY, fontSize: 11.5, paddingTop: 36, paddingBottom: 90, paddingHorizontal: 64 },
  kop: { flexDirection: "row", alignItems: "center" },
  emblem: { width: 62, height: 74, objectFit: "contain", marginRight: 10 },
  kopText: { flexGrow: 1, flexShrink: 1, alignItems: "center", textAlign: "center" },
  regency: { fontSize: 14, fontWeight: 700 },
  officeName: { fontSize: 13.5, fontWeight: 700 },
  kopLine: { fontSize: 9.5, lineHeight: 1.25 },
  ruleThick: { borderBottomWidth: 2.5, borderBottomColor: "#000", marginTop: 6 },
  ruleThin: { borderBottomWidth: 0.8, borderBottomColor: "#000", marginTop: 1.5, marginBottom: 14 },
  title: { fontSize: 12.5, fontWeight: 700, textAlign: "center", textDecoration: "underline" },
  titleNumber: { textAlign: "center", marginBottom: 12 },
  paragraph: { textAlign: "justify", marginBottom: 6, lineHeight: "15pt" },
  bold: { fontWeight: 700 },
  row: { flexDirection: "row" },
  label: { width: 130 },
  colon: { width: 12 },
  value: { flex: 1 },
  heading: { fontWeight: 700, marginTop: 8, marginBottom: 3 },
  signatures: { flexDirection: "row", flexWrap: "wrap", justifyContent: "flex-end", marginTop: 16 },
  signature: { width: "48%", marginBottom: 10 },
  signatureSpace: { height: 44 },
  footer: {
    position: "absolute",
    left: 64,
    right: 64,
    bottom: 24,
    flexDirection: "row",
    alignItems: "center",
    borderTopWidth: 0.5,
    borderTopColor: "#555",
    paddingTop: 4,
  },
  footerText: { fontSize: 7.5, flex: 1, marginRight: 8 },
  pageNumber: { fontSize: 7.5, width: 60, textAlign: "right" },
});

/** A4 portrait page with the footer on every page. */
export function LetterPage({
  meta,
  children,
  orientation = "portrait",
}: {
  meta?: LetterMeta;
  children: ReactNode;
  orientation?: "portrait" | "landscape";
}) {
  return (
    <Page size="A4" orientation={orientation} style={styles.page} wrap>
      {children}
      {meta ? <VerificationFooter meta={meta} /> : <PageNumber />}
    </Page>
  );
}

function PageNumber() {
  return (
    <Text
      fixed
      style={[styles.pageNumber, { position: "absolute", right: 64, bottom: 24 }]}
      render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`}
    />
  );
}

/** Kop surat: emblem (if uploaded), regency, office name in capitals, contacts, a double rule. */
export function Letterhead({ office }: { office: Office }) {
  const contacts = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Pos-el ${office.email}`,
    office.website && `Laman ${office.website.replace(/^https?:\/\//, "")}`,
  ]
    .filter(Boolean)
    .join("  ·  ");
  return (
    <View>
      <View style={styles.kop}>
        {office.emblem ? (
          // eslint-disable-next-line jsx-a11y/alt-text -- a react-pdf Image (PDF), not an HTML img
          <Image style={styles.emblem} src={{ data: office.emblem.data, format: office.emblem.format }} />
        ) : null}
        <View style={styles.kopText}>
          <Text style={styles.regency}>{office.regency.toUpperCase()}</Text>
          <Text style={styles.officeName}>{office.officeName.toUpperCase()}</Text>
          <Text style={styles.kopLine}>{office.address}</Text>
          {contacts ? <Text style={styles.kopLine}>{contacts}</Text> : null}
        </View>
      </View>
      <View style={styles.ruleThick} />
      <View style={styles.ruleThin} />
    </View>
  );
}

export function Title({ title, number }: { title: string; number?: string }) {
  return (
    <View>
      <Text style={styles.title}>{title.toUpperCase()}</Text>
      {number ? <Text style={styles.titleNumber}>Nomor: {number}</Text> : null}
    </View>
  );
}

/** A letter under its own title and number: letterhead, title, and the note of the letter it replaces. */
export function TitledLetter({
  office,
  meta,
  title,
  children,
}: {
  office: Office;
  meta: LetterMeta;
  title: string;
  children: ReactNode;
}) {
  return (
    <LetterPage meta={meta}>
      <Letterhead office={office} />
      <Title title={title} number={meta.number} />
      <ReplacesNote meta={meta} />
      {children}
    </LetterPage>
  );
}

/** "label : value" lines, the usual layout of a letter's particulars. */
export function Fields({ rows, labelWidth = 130 }: { rows: [string, string][]; labelWidth?: number }) {
  return (
    <View style={{ marginBottom: 6 }}>
      {rows.map(([label, value]) => (
        <View key={label} style={styles.row} wrap={false}>
          <Text style={{ width: labelWidth }}>{label}</Text>
          <Text style={styles.colon}>:</Text>
          <Text style={styles.value}>{value || "-"}</Text>
        </View>
      ))}
    </View>
  );
}

/** Free text as paragraphs (blank lines separate them). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <View>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Text key={i} style={styles.paragraph}>
            {p}
          </Text>
        ))}
    </View>
  );
}

/** "Nanga Bulik, 28 November 2026". */
export function placeAndDate(office: Office, meta: Pick<LetterMeta, "issuedAt" | "timeZone">): string {
  return `${office.city}, ${indonesianDate(meta.issuedAt, meta.timeZone)}`;
}

/** Position, signature space, name (underlined, bold), rank/grade and NIP. */
export function SignatureBlock({ signer, above }: { signer: Signer; above?: string[] }) {
  return (
    <View style={styles.signature} wrap={false}>
      {above?.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Text>{signer.position},</Text>
      <View style={styles.signatureSpace} />
      <Text style={[styles.bold, { textDecoration: "underline" }]}>{signer.name}</Text>
      {signer.rankGrade ? <Text>{signer.rankGrade}</Text> : null}
      {signer.nip ? <Text>NIP. {signer.nip}</Text> : null}
    </View>
  );
}

/** QR code to the public verification page, the code in words, and the page number, on every page. */
function VerificationFooter({ meta }: { meta: LetterMeta }) {
  const qr = qrPath(meta.verificationUrl);
  return (
    <View style={styles.footer} fixed>
      <Svg width={46} height={46} viewBox={`-2 -2 ${qr.size + 4} ${qr.size + 4}`} style={{ marginRight: 8 }}>
        <Path d={qr.d} fill="#000" />
      </Svg>
      <Text style={styles.footerText}>
        {`Keaslian surat ini dapat diperiksa di ${meta.verificationUrl} (kode verifikasi ${meta.verificationCode}).`}
      </Text>
      <Text
        style={styles.pageNumber}
        render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`}
      />
    </View>
  );
}

/** The body of a correction says which letter it replaces, above the text. */
export function ReplacesNote({ meta }: { meta: LetterMeta }) {
  if (!meta.replaces) return null;
  return (
    <Text
      style={[styles.paragraph, styles.bold]}
    >{`Surat ini merupakan perbaikan dan menggantikan surat Nomor ${meta.replaces.number} tanggal ${indonesianDate(meta.replaces.issuedAt, meta.timeZone)}.`}</Text>
  );
}

export const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? "-" : v ? yes : no);
