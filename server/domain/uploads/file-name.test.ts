import { describe, expect, it } from "vitest";
import { safeFileName } from "./file-name.ts";

describe("safeFileName", () => {
  it("keeps a plain name and replaces its extension with the detected one", () => {
    expect(safeFileName("foto kantor.jpg", "jpg")).toBe("foto kantor.jpg");
    expect(safeFileName("Kuitansi.JPEG", "jpg")).toBe("Kuitansi.jpg");
    expect(safeFileName("laporan.exe", "pdf")).toBe("laporan.pdf");
    expect(safeFileName("rekaman", "mp3")).toBe("rekaman.mp3");
    expect(safeFileName("scan.pdf.exe", "pdf")).toBe("scan.pdf.pdf");
  });

  it("drops directories", () => {
    expect(safeFileName("../../etc/passwd.jpg", "jpg")).toBe("passwd.jpg");
    expect(safeFileName("C:\\Users\\budi\\Desktop\\bukti.png", "png")).toBe("bukti.png");
    expect(safeFileName("/", "txt")).toBe("berkas.txt");
    expect(safeFileName("..", "txt")).toBe("berkas.txt");
  });

  it("removes control, bidirectional and reserved characters", () => {
    expect(safeFileName("bukti\u0000\u0007\r\n.pdf", "pdf")).toBe("bukti.pdf");
    expect(safeFileName("foto\u202Egpj.exe", "jpg")).toBe("fotogpj.jpg");
    expect(safeFileName('a<b>c:"d|e?f*.txt', "txt")).toBe("a_b_c__d_e_f_.txt");
    expect(safeFileName("...hidden.txt", "txt")).toBe("hidden.txt");
    expect(safeFileName("con.txt", "txt")).toBe("con_.txt");
  });

  it("falls back to berkas.<ext> when nothing is left", () => {
    expect(safeFileName("", "jpg")).toBe("berkas.jpg");
    expect(safeFileName(".jpg", "jpg")).toBe("berkas.jpg");
    expect(safeFileName("\u200B\u0001", "pdf")).toBe("berkas.pdf");
  });

  it("limits the name to 120 characters without splitting a character", () => {
    const long = safeFileName(`${"laporan ".repeat(40)}.pdf`, "pdf");
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^laporan laporan .*\.pdf$/);
    const emoji = safeFileName(`${"📷".repeat(100)}.jpg`, "jpg");
    expect(Array.from(emoji).length).toBeLessThanOrEqual(120);
    expect(emoji.endsWith("📷.jpg")).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])(?<![\uD800-\uDBFF][\uDC00-\uDFFF])/);
  });
});
