/**
 * Renders an official letter to PDF bytes (Node route handlers and domain code only).
 * Document metadata carries no case content: the title is the letter's type and number.
 */
import { Document, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerLetterFonts } from "./fonts.ts";
import { BeritaAcara } from "./templates/berita-acara.tsx";
import { CatatanPengaduan } from "./templates/catatan-pengaduan.tsx";
import { SuratPengaduan } from "./templates/surat-pengaduan.tsx";
import { Tanggapan } from "./templates/tanggapan.tsx";
import { LETTER_TITLES } from "../domain/letters/titles.ts";
import type { LetterInput } from "../domain/letters/types.ts";

function page(input: LetterInput): ReactElement {
  const { office, meta, content: c } = input;
  switch (c.type) {
    case "CATATAN_PENGADUAN":
      return <CatatanPengaduan office={office} meta={meta} c={c} />;
    case "SURAT_PENGADUAN":
      return <SuratPengaduan office={office} meta={meta} c={c} />;
    case "BERITA_ACARA":
      return <BeritaAcara office={office} meta={meta} c={c} />;
    case "TANGGAPAN":
      return <Tanggapan office={office} meta={meta} c={c} />;
  }
}

/** A PDF document with fixed metadata (no creation-time noise beyond the issue time). */
export async function renderPdf(title: string, author: string, issuedAt: Date, pages: ReactElement): Promise<Buffer> {
  registerLetterFonts();
  return renderToBuffer(
    <Document
      title={title}
      author={author}
      creator="Lentera"
      producer="Lentera"
      language="id-ID"
      creationDate={issuedAt}
      modificationDate={issuedAt}
    >
      {pages}
    </Document>,
  );
}

export function renderLetter(input: LetterInput): Promise<Buffer> {
  return renderPdf(
    `${LETTER_TITLES[input.content.type]} ${input.meta.number}`,
    input.office.officeName,
    input.meta.issuedAt,
    page(input),
  );
}
