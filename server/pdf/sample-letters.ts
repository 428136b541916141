/**
 * Sample letters with realistic content for the template tests, the README screenshots
 * (scripts/letter-screenshots.ts) and the rendering bench: the same inputs the domain builds
 * from a case, without a database.
 */
import { settingDefaults } from "../domain/settings-defaults.ts";
import type { LetterContent, LetterInput, Office, Signer } from "../domain/letters/types.ts";

export const SAMPLE_OFFICE: Office = { ...settingDefaults["office.identity"], emblem: null };

const kadis: Signer = {
  position: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
  name: "Drs. Bambang Setiawan, M.Si.",
  rankGrade: "Pembina Tingkat I (IV/b)",
  nip: "197904022005021004",
};
const clerk: Signer = {
  position: "Kepala Sub Bagian Umum dan Kepegawaian",
  name: "Siti Rahmawati, S.E.",
  rankGrade: "Penata (III/c)",
  nip: "198607142010012007",
};
const telaah: Signer = {
  position: "Kepala Bidang Pengaduan, Kebijakan dan Pelaporan Layanan",
  name: "Yohanes Apui, S.H.",
  rankGrade: "Penata Tingkat I (III/d)",
  nip: "198203112006041003",
};

const receivedAt = new Date("2026-11-23T01:15:00Z");
const report = {
  what: "Petugas loket perizinan meminta uang Rp2.500.000 agar izin usaha toko bangunan saya diterbitkan lebih cepat dari jadwal.",
  persons: [{ name: "Pak X", position: "Petugas loket perizinan" }],
  where: "Loket 3 Mal Pelayanan Publik, Nanga Bulik",
  when: "Senin, 2 November 2026 sekitar pukul 10.00 WIB",
  how: "Permintaan disampaikan secara lisan di loket, lalu diulang melalui pesan singkat.",
  evidence: "Tangkapan layar pesan singkat",
  witnesses: "Seorang pemohon lain yang antre di loket 4",
};

export const SAMPLE_CONTENT: Record<LetterContent["type"], LetterContent> = {
  CATATAN_PENGADUAN: {
    type: "CATATAN_PENGADUAN",
    reference: "WBS-2026-0001",
    agendaNumber: 1,
    receivedAt,
    channel: "Portal",
    category: "Penyuapan",
    subject: "Dugaan suap perizinan",
    report,
    signer: clerk,
  },
  SURAT_PENGADUAN: {
    type: "SURAT_PENGADUAN",
    reference: "WBS-2026-0001",
    category: "Penyuapan",
    receivedAt,
    to: kadis.position,
    isComplete: true,
    inScope: true,
    elements: { what: true, who: true, where: true, when: true, how: true },
    summary:
      "Pelapor menyatakan petugas loket meminta imbalan untuk mempercepat penerbitan izin usaha. Unsur 4W+1H lengkap dan bukti awal berupa tangkapan layar pesan tersedia.",
    notes: "Pelapor telah melengkapi waktu kejadian melalui pesan aman.",
    recommendation:
      "Pengaduan lengkap dan termasuk ruang lingkup WBS; diteruskan kepada Kepala Dinas untuk dibahas dalam rapat penyelesaian.",
    signer: telaah,
  },
  BERITA_ACARA: {
    type: "BERITA_ACARA",
    reference: "WBS-2026-0001",
    category: "Penyuapan",
    meeting: {
      startsAt: new Date("2026-11-27T02:00:00Z"),
      heldFrom: new Date("2026-11-27T02:15:00Z"),
      endsAt: new Date("2026-11-27T03:40:00Z"),
      place: "Ruang Rapat DPMPTSP Kabupaten Lamandau",
      agenda: "Pembahasan pengaduan WBS-2026-0001 tentang dugaan suap pada layanan perizinan.",
      discussion:
        "Tim Audit memaparkan hasil pemeriksaan: tangkapan layar pesan sesuai dengan nomor dinas petugas, dan petugas mengakui permintaan tersebut.",
      resolution:
        "Petugas dibebastugaskan dari loket selama pemeriksaan; izin pelapor diproses sesuai jadwal standar pelayanan.",
      attendees: [
        {
          name: kadis.name,
          position: kadis.position,
          organization: null,
          role: "CHAIR",
          nip: kadis.nip,
          rankGrade: kadis.rankGrade,
        },
        {
          name: telaah.name,
          position: telaah.position,
          organization: null,
          role: "MEMBER",
          nip: telaah.nip,
          rankGrade: telaah.rankGrade,
        },
        {
          name: "Maria Ulfa, S.E., M.M.",
          position: "Kepala Bidang Pengendalian Pelaksanaan Penanaman Modal",
          organization: null,
          role: "MEMBER",
          nip: "198009252003122002",
          rankGrade: "Pembina (IV/a)",
        },
      ],
    },
    considerations:
      "Bukti pesan singkat dan pengakuan petugas cukup untuk menyimpulkan bahwa permintaan imbalan benar terjadi.",
    decisions:
      "1. Menjatuhkan teguran tertulis dan mengusulkan pemeriksaan disiplin kepada Inspektorat.\n\n2. Menyampaikan tanggapan tertulis kepada pelapor.",
    signer: kadis,
  },
  TANGGAPAN: {
    type: "TANGGAPAN",
    reference: "WBS-2026-0001",
    receivedAt,
    category: "Penyuapan",
    addressee: ["Pelapor pengaduan WBS", "dengan nomor referensi WBS-2026-0001"],
    onPortal: true,
    body: "Pengaduan Saudara telah kami telaah dan bahas dalam rapat penyelesaian pada tanggal 27 November 2026. Dugaan permintaan imbalan terbukti; petugas yang bersangkutan telah dibebastugaskan dari layanan loket dan diusulkan untuk diperiksa oleh Inspektorat Kabupaten Lamandau.\n\nPermohonan izin usaha Saudara diproses sesuai standar pelayanan tanpa biaya.",
    signer: kadis,
  },
};

const NUMBERS: Record<LetterContent["type"], string> = {
  CATATAN_PENGADUAN: "503/1/CP-WBS/DPMPTSP/2026",
  SURAT_PENGADUAN: "503/1/SP-WBS/DPMPTSP/2026",
  BERITA_ACARA: "503/1/BA-WBS/DPMPTSP/2026",
  TANGGAPAN: "503/1/TGP-WBS/DPMPTSP/2026",
};

export function sampleLetter(type: LetterContent["type"], issuedAt = new Date("2026-11-28T03:00:00Z")): LetterInput {
  return {
    office: SAMPLE_OFFICE,
    meta: {
      number: NUMBERS[type],
      issuedAt,
      timeZone: "Asia/Jakarta",
      verificationCode: "7KQ2-M9XD-4RTA",
      verificationUrl: "https://wbs.lamandaukab.go.id/verifikasi/7KQ2-M9XD-4RTA",
    },
    content: SAMPLE_CONTENT[type],
  };
}
