/**
 * The words of the sample office year (demo-office-year.ts): invented reports per category,
 * the staff's replies and the letters' texts. Every person, place and event here is fictional.
 */
import { Category } from "../server/generated/prisma/enums.ts";

export interface SampleReport {
  what: string;
  where: string;
  how: string;
  person: { name: string; position: string };
}

export const SAMPLE_REPORTS: Record<Category, readonly SampleReport[]> = {
  CORRUPTION: [
    {
      what: "Dugaan penggelembungan harga pengadaan alat tulis kantor",
      where: "Bagian Umum",
      how: "Harga satuan di kuitansi dua kali harga toko",
      person: { name: "Bapak R.", position: "Pejabat Pengadaan" },
    },
    {
      what: "Perjalanan dinas fiktif ke Pangkalan Bun",
      where: "Bidang Perizinan",
      how: "SPPD ditandatangani tetapi pegawai tetap di kantor",
      person: { name: "Ibu S.", position: "Staf Bidang" },
    },
  ],
  GRATIFICATION: [
    {
      what: "Penerimaan parsel dari pemohon izin menjelang hari raya",
      where: "Ruang Kepala Seksi",
      how: "Parsel diantar langsung oleh perwakilan perusahaan",
      person: { name: "Bapak T.", position: "Kepala Seksi" },
    },
    {
      what: "Pemberian voucher belanja setelah izin terbit",
      where: "Loket Pelayanan",
      how: "Voucher diberikan di luar jam kerja",
      person: { name: "Sdr. A.", position: "Petugas Loket" },
    },
  ],
  BRIBERY: [
    {
      what: "Permintaan uang pelicin untuk mempercepat izin usaha",
      where: "Loket 3",
      how: "Diminta transfer ke rekening pribadi",
      person: { name: "Sdr. B.", position: "Petugas Verifikasi" },
    },
    {
      what: "Tawaran uang agar hasil peninjauan lapangan diubah",
      where: "Lokasi usaha di Nanga Bulik",
      how: "Disampaikan lisan saat peninjauan",
      person: { name: "Bapak D.", position: "Tim Teknis" },
    },
  ],
  ILLEGAL_LEVY: [
    {
      what: "Pungutan untuk legalisir dokumen perizinan",
      where: "Loket 2",
      how: "Diminta tunai Rp50.000 tanpa kuitansi",
      person: { name: "Ibu M.", position: "Staf Loket" },
    },
    {
      what: "Biaya tambahan untuk pengambilan berkas izin",
      where: "Ruang Arsip",
      how: "Diminta tunai saat pengambilan",
      person: { name: "Sdr. H.", position: "Pengelola Arsip" },
    },
  ],
  ABUSE_OF_AUTHORITY: [
    {
      what: "Penolakan berkas tanpa alasan tertulis",
      where: "Bidang Pelayanan",
      how: "Berkas dikembalikan berulang kali",
      person: { name: "Bapak K.", position: "Kepala Bidang" },
    },
    {
      what: "Penggunaan kendaraan dinas untuk keperluan pribadi",
      where: "Parkiran kantor",
      how: "Dipakai pada hari libur",
      person: { name: "Sdr. F.", position: "Pengemudi" },
    },
  ],
  CONFLICT_OF_INTEREST: [
    {
      what: "Pegawai memproses izin usaha milik keluarganya",
      where: "Bidang Perizinan",
      how: "Tidak menyatakan hubungan keluarga",
      person: { name: "Ibu N.", position: "Analis Perizinan" },
    },
  ],
  ETHICS_VIOLATION: [
    {
      what: "Petugas bersikap kasar kepada pemohon",
      where: "Ruang tunggu pelayanan",
      how: "Membentak pemohon di depan umum",
      person: { name: "Sdr. J.", position: "Petugas Informasi" },
    },
    {
      what: "Pegawai sering meninggalkan loket pada jam layanan",
      where: "Loket 1",
      how: "Loket kosong lebih dari satu jam",
      person: { name: "Sdr. L.", position: "Petugas Loket" },
    },
  ],
  LICENSING_MALADMINISTRATION: [
    {
      what: "Izin terbit melewati batas waktu layanan tanpa pemberitahuan",
      where: "Mal Pelayanan Publik",
      how: "Status permohonan tidak berubah tiga minggu",
      person: { name: "Bapak P.", position: "Verifikator" },
    },
    {
      what: "Persyaratan tambahan yang tidak ada dalam standar pelayanan",
      where: "Loket Perizinan",
      how: "Diminta surat rekomendasi tambahan",
      person: { name: "Ibu W.", position: "Staf Teknis" },
    },
  ],
  OTHER: [
    {
      what: "Informasi biaya layanan di papan pengumuman tidak sesuai",
      where: "Lobi kantor",
      how: "Tarif tertulis berbeda dengan yang diminta",
      person: { name: "Petugas", position: "Pelayanan" },
    },
  ],
};

/** How often each category comes in, roughly as a small office sees them. */
export const CATEGORY_WEIGHTS: readonly [Category, number][] = [
  [Category.ILLEGAL_LEVY, 22],
  [Category.LICENSING_MALADMINISTRATION, 20],
  [Category.BRIBERY, 14],
  [Category.ETHICS_VIOLATION, 12],
  [Category.GRATIFICATION, 10],
  [Category.ABUSE_OF_AUTHORITY, 9],
  [Category.CORRUPTION, 6],
  [Category.CONFLICT_OF_INTEREST, 4],
  [Category.OTHER, 3],
];

export const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

export const TEXTS = {
  subject: (what: string) => `Pengaduan: ${what.toLowerCase()}`,
  reviewSummary: "Laporan memuat unsur apa, siapa, di mana, kapan dan bagaimana; termasuk kewenangan Dinas.",
  question: "Mohon Saudara jelaskan tanggal kejadian dan, bila ada, nama saksi yang melihat kejadian tersebut.",
  answer:
    "Kejadian pada pagi hari sekitar pukul 09.00. Ada satu saksi, rekan kerja saya, yang bersedia dimintai keterangan.",
  escalation: "Laporan menyangkut pimpinan; diteruskan kepada Inspektorat sesuai SOP.",
  meetingPlace: "Ruang Rapat DPMPTSP Kabupaten Lamandau",
  meetingAgenda: "Pembahasan laporan pengaduan dan penetapan tindak lanjut.",
  discussion: "Tim Telaah memaparkan hasil telaah; Tim Audit menyampaikan hasil klarifikasi kepada pegawai terlapor.",
  resolution: "Pegawai terlapor diberi teguran tertulis dan prosedur layanan diperbaiki.",
  considerations: "Hasil klarifikasi dan bukti yang disampaikan pelapor.",
  decisions: "Teguran tertulis kepada pegawai terlapor; perbaikan standar pelayanan.",
  response:
    "Terima kasih atas laporan Saudara. Laporan telah ditelaah dan dibahas; pegawai terlapor telah diberi teguran tertulis dan prosedur layanan diperbaiki.",
  staffMessage: "Terima kasih, laporan Saudara sudah kami terima dan sedang ditelaah.",
  reporterMessage: "Terima kasih. Saya siap memberikan keterangan tambahan bila diperlukan.",
  delivery: "Tanggapan diserahkan langsung kepada pelapor.",
};
