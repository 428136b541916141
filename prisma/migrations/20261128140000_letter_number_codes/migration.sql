-- Letter numbers: the old default gave every letter type the same pattern, so the
-- Catatan Pengaduan no. 1 and the Surat Pengaduan no. 1 of a year printed the same number.
-- Replace exactly that old default with the new one, whose {code} keeps the types apart;
-- an office's own patterns are left alone.
UPDATE "settings"
SET "value" = '{"CATATAN_PENGADUAN": "503/{seq}/{code}-WBS/DPMPTSP/{year}", "SURAT_PENGADUAN": "503/{seq}/{code}-WBS/DPMPTSP/{year}", "BERITA_ACARA": "503/{seq}/{code}-WBS/DPMPTSP/{year}", "TANGGAPAN": "503/{seq}/{code}-WBS/DPMPTSP/{year}", "SURAT_PENERUSAN": "503/{seq}/{code}-WBS/DPMPTSP/{year}"}'::jsonb,
    "updated_at" = now()
WHERE "key" = 'numbering.letters'
  AND "value" = '{"CATATAN_PENGADUAN": "503/{seq}/WBS/DPMPTSP/{year}", "SURAT_PENGADUAN": "503/{seq}/WBS/DPMPTSP/{year}", "BERITA_ACARA": "503/{seq}/WBS/DPMPTSP/{year}", "TANGGAPAN": "503/{seq}/WBS/DPMPTSP/{year}", "SURAT_PENERUSAN": "503/{seq}/WBS/DPMPTSP/{year}"}'::jsonb;
