-- Community mentoring (seed 000): the catalogue of competencies members learn, per sector, and
-- the business skills every sector shares (sector NULL). A competency is never deleted, since
-- evaluations name it: one no longer taught is retired. Seeded from the papers: seed 000's batik
-- techniques (ecotik, mondeng), seed 001's tape making, and the business skills both describe.

CREATE TABLE competencies (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  sector TEXT NULL,
  name TEXT NOT NULL,
  name_en TEXT NULL,
  description TEXT NULL,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX competencies_sector ON competencies (sector, name);

INSERT INTO competencies (code, sector, name, name_en, description, retired, created_at, updated_at) VALUES
('batik.canting', 'batik', 'Membatik tulis dengan canting', 'Hand-drawn batik with a canting',
 'Menorehkan malam dengan canting mengikuti pola: garis, isen-isen dan tembokan.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('batik.cap', 'batik', 'Batik cap', 'Stamped batik (cap)',
 'Mencap malam dengan cap tembaga, pola berulang yang rapi dan rapat.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('batik.pewarnaan', 'batik', 'Pewarnaan', 'Colouring',
 'Mencelup dan mencolet warna, alami maupun sintetis, sampai warnanya rata dan tahan luntur.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('batik.ecotik', 'batik', 'Ecotik', 'Ecotik (ecoprint with batik)',
 'Teknik yang menggabungkan dua teknik: ecoprint (cetak daun) dan batik. Tren pasar yang dipelajari bersama di komunitas.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('batik.mondeng', 'batik', 'Mondeng', 'Mondeng (leaf pounding)',
 'Memunculkan warna alami daun sebagai pola pada kain panjang dengan memukulnya memakai palu. Perlu tempat yang luas.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('batik.pelorodan', 'batik', 'Pelorodan', 'Wax removal (pelorodan)',
 'Meluruhkan malam dari kain dengan air mendidih tanpa merusak warna dan pola.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('tape.singkong', 'food_processing', 'Memilih singkong', 'Choosing cassava',
 'Memilih singkong yang cocok untuk tape: umur panen, jenis, dan kesegaran.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('tape.ragi', 'food_processing', 'Fermentasi dengan ragi', 'Fermentation with yeast',
 'Mengukus, mendinginkan, menaburkan ragi dan memeram singkong sampai tape matang dengan rasa yang sama setiap kali.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('tape.kemasan', 'food_processing', 'Mengemas tape', 'Packaging tape',
 'Mengemas tape agar bersih, tahan lebih lama dan aman dibawa ke pasar.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('usaha.pembukuan', NULL, 'Pembukuan sederhana', 'Basic bookkeeping',
 'Mencatat uang masuk dan keluar usaha, terpisah dari uang rumah tangga, dan membaca hasilnya setiap bulan.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('usaha.harga', NULL, 'Menghitung harga jual', 'Pricing',
 'Menghitung biaya bahan, tenaga dan kemasan, lalu menetapkan harga jual yang menguntungkan.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('usaha.kemasan', NULL, 'Desain kemasan dan label', 'Packaging design and labelling',
 'Kemasan dan label yang menarik dan memuat keterangan yang diwajibkan.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('usaha.jualan_daring', NULL, 'Berjualan daring', 'Selling online',
 'Memotret produk, memasarkan lewat media sosial dan lokapasar, dan melayani pesanan.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'),
('usaha.halal', NULL, 'Sertifikasi halal', 'Halal certification',
 'Menyiapkan bahan, proses dan dokumen untuk mengajukan sertifikat halal.', 0, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z');
