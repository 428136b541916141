/**
 * Default settings for DPMPTSP Kabupaten Lamandau: what `getSetting` returns while a key is
 * absent, and what the demo seed writes. Admin edits the stored copies.
 */
import type { SettingValues } from "./setting-schemas.ts";
import { BACKUP_SCHEDULE_DEFAULT } from "./backup-schedule.ts";

/**
 * Indonesian national holidays (libur nasional) and cuti bersama for 2026, from the SKB of
 * the Minister of Religious Affairs, the Minister of Manpower and the Minister of PANRB
 * (No. 1497/2025, 2/2025, 5/2025). Government offices close on cuti bersama too; Admin
 * removes a date if the office stays open, and adds next year's list when it is published.
 */
export const HOLIDAYS_2026: readonly { date: string; name: string }[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi" },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW" },
  { date: "2026-02-16", name: "Cuti Bersama Tahun Baru Imlek" },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili" },
  { date: "2026-03-18", name: "Cuti Bersama Hari Suci Nyepi" },
  { date: "2026-03-19", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
  { date: "2026-03-20", name: "Cuti Bersama Idul Fitri 1447 H" },
  { date: "2026-03-21", name: "Idul Fitri 1447 H" },
  { date: "2026-03-22", name: "Idul Fitri 1447 H" },
  { date: "2026-03-23", name: "Cuti Bersama Idul Fitri 1447 H" },
  { date: "2026-03-24", name: "Cuti Bersama Idul Fitri 1447 H" },
  { date: "2026-04-03", name: "Wafat Yesus Kristus" },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)" },
  { date: "2026-05-01", name: "Hari Buruh Internasional" },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus" },
  { date: "2026-05-15", name: "Cuti Bersama Kenaikan Yesus Kristus" },
  { date: "2026-05-27", name: "Idul Adha 1447 H" },
  { date: "2026-05-28", name: "Cuti Bersama Idul Adha 1447 H" },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE" },
  { date: "2026-06-01", name: "Hari Lahir Pancasila" },
  { date: "2026-06-16", name: "Tahun Baru Islam 1448 H" },
  { date: "2026-08-17", name: "Hari Proklamasi Kemerdekaan RI" },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW" },
  { date: "2026-12-24", name: "Cuti Bersama Hari Raya Natal" },
  { date: "2026-12-25", name: "Hari Raya Natal" },
];

const MiB = 1024 * 1024;
/** The SOP's style (503 = licensing affairs); {code} keeps each type's yearly numbers apart. */
const LETTER_NUMBER = "503/{seq}/{code}-WBS/DPMPTSP/{year}";

export const settingDefaults: SettingValues = {
  // Plausible placeholders for the office's contact details: the office corrects them
  // in Admin (they print on every letterhead).
  "office.identity": {
    regency: "PEMERINTAH KABUPATEN LAMANDAU",
    officeName: "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    shortName: "DPMPTSP Kabupaten Lamandau",
    address:
      "Jl. Batu Batanggui, Komplek Perkantoran Bukit Hibul, Nanga Bulik, Kabupaten Lamandau, Kalimantan Tengah 74662",
    phone: "(0532) 2071234",
    email: "dpmptsp@lamandaukab.go.id",
    website: "https://dpmptsp.lamandaukab.go.id",
    city: "Nanga Bulik",
  },
  "office.hours": {
    timeZone: "Asia/Jakarta",
    days: {
      "1": ["08:00", "16:00"],
      "2": ["08:00", "16:00"],
      "3": ["08:00", "16:00"],
      "4": ["08:00", "16:00"],
      "5": ["08:00", "16:00"],
    },
  },
  "office.holidays": HOLIDAYS_2026.map((h) => h.date),
  // SOP mutu baku: 30 min, 30 min, 1 h, 1 h, 1 h, 15 min, 15 min.
  "sla.standards": { "2": 30, "3": 30, "4": 60, "5": 60, "6": 60, "7": 15, "8": 15 },
  "sla.commitments": { recordOfficeDays: 1, responseOfficeDays: 10 },
  "sla.autoArchive": { officeDays: 14 },
  "numbering.caseReference": "WBS-{year}-{seq:4}",
  // Unnumbered documents (DOSSIER, agenda snapshots) have no pattern.
  "numbering.letters": {
    CATATAN_PENGADUAN: LETTER_NUMBER,
    SURAT_PENGADUAN: LETTER_NUMBER,
    BERITA_ACARA: LETTER_NUMBER,
    TANGGAPAN: LETTER_NUMBER,
    SURAT_PENERUSAN: LETTER_NUMBER,
  },
  // Needs staff ids: the seed fills it in; until then the UI asks who signs.
  "letters.signers": {},
  // Off until the office sets the period of its own jadwal retensi arsip; 5 years is the
  // usual period for complaint files (2 active + 3 inactive) and only a starting value.
  "retention.archive": { enabled: false, years: 5, months: 0, runAt: "02:00" },
  "uploads.limits": {
    maxFileBytes: 10 * MiB,
    maxFilesPerReport: 5,
    // Five files of the full size, as the SOP's portal promises; next.config.mjs lets 60 MB posts through.
    maxTotalBytes: 50 * MiB,
    allowedTypes: [
      "image/jpeg",
      "image/png",
      "image/webp",
      "application/pdf",
      "text/plain",
      "audio/mpeg",
      "audio/mp4",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
  },
  "backup.schedule": BACKUP_SCHEDULE_DEFAULT,
};
