import { describe, expect, it } from "vitest";
import { dateInWords, indonesianDate, indonesianDateTime, indonesianDayDate, numberInWords } from "./indonesian.ts";

const TZ = "Asia/Jakarta";

describe("Indonesian numbers and dates", () => {
  it.each([
    [0, "nol"],
    [1, "satu"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [27, "dua puluh tujuh"],
    [100, "seratus"],
    [111, "seratus sebelas"],
    [245, "dua ratus empat puluh lima"],
    [1000, "seribu"],
    [1945, "seribu sembilan ratus empat puluh lima"],
    [2026, "dua ribu dua puluh enam"],
    [11000, "sebelas ribu"],
    [1_000_000, "satu juta"],
  ])("writes %i as %s", (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it("refuses what it cannot write", () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });

  it("uses the office's calendar date, not UTC", () => {
    // 27 Nov 2026 20:00 UTC is already Saturday 28 November 03:00 in Jakarta.
    const at = new Date("2026-11-27T20:00:00Z");
    expect(indonesianDate(at, TZ)).toBe("28 November 2026");
    expect(indonesianDayDate(at, TZ)).toBe("Sabtu, 28 November 2026");
    expect(indonesianDateTime(at, TZ)).toBe("28 November 2026 pukul 03.00 WIB");
  });

  it("writes the Berita Acara's day and date in words", () => {
    expect(dateInWords(new Date("2026-11-27T02:00:00Z"), TZ)).toBe(
      "Jumat tanggal dua puluh tujuh bulan November tahun dua ribu dua puluh enam",
    );
    expect(dateInWords(new Date("2026-01-01T01:00:00Z"), TZ)).toBe(
      "Kamis tanggal satu bulan Januari tahun dua ribu dua puluh enam",
    );
  });
});
