import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, downloadHeaders, rfc5987 } from "./download-headers.ts";

describe("download headers", () => {
  it("gives old clients a safe ASCII name", () => {
    expect(asciiFileName("kuitansi.pdf")).toBe("kuitansi.pdf");
    expect(asciiFileName("Bukti suap — Pak Ré.jpg")).toBe("Bukti_suap_Pak_Re.jpg");
    expect(asciiFileName('a"b;c\r\n.txt')).toBe("a_b_c.txt");
    expect(asciiFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(asciiFileName("文件.pdf")).toBe("lampiran.pdf");
    expect(asciiFileName(".htaccess")).toBe("lampiran.htaccess");
    expect(asciiFileName("文件")).toBe("lampiran");
  });

  it("encodes the exact name per RFC 5987", () => {
    expect(rfc5987("bukti (1)'s *.pdf")).toBe("UTF-8''bukti%20%281%29%27s%20%2A.pdf");
    expect(rfc5987("Ré.pdf")).toBe("UTF-8''R%C3%A9.pdf");
  });

  it("is always an attachment, never inline, never cached", () => {
    expect(contentDisposition('laporan "akhir".pdf')).toBe(
      `attachment; filename="laporan_akhir.pdf"; filename*=UTF-8''laporan%20%22akhir%22.pdf`,
    );
    expect(contentDisposition("a\r\nContent-Type: text/html")).not.toMatch(/[\r\n]/);
    expect(contentDisposition("buku-agenda-permohonan-2026.csv", { asciiOnly: true })).toBe(
      'attachment; filename="buku-agenda-permohonan-2026.csv"',
    );
    expect(downloadHeaders("x.png", "image/png")).toMatchObject({
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Type": "image/png",
    });
  });
});
