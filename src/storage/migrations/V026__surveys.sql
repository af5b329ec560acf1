-- Community mentoring (seed 000): surveys of a group's members from templates, their answers, and
-- the coding of open answers (the seed coded its interviews in NVivo): a codebook per survey,
-- copied from its template's, and passages of answers tagged with codes.
-- Seeded with seed 000's six open questions, its perception items (Figure 1), its benefits
-- (Figure 2), and a short survey of the values mentor and mentee share, which matching reads.

CREATE TABLE survey_templates (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description TEXT NOT NULL
);

CREATE TABLE survey_questions (
  id @ID@,
  template_id BIGINT NOT NULL REFERENCES survey_templates (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'likert', 'check')),
  text TEXT NOT NULL,
  text_en TEXT NOT NULL,
  UNIQUE (template_id, position),
  UNIQUE (template_id, code)
);

-- The codebook a new survey of the template starts with.
CREATE TABLE template_codes (
  template_id BIGINT NOT NULL REFERENCES survey_templates (id),
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (template_id, code)
);

CREATE TABLE surveys (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  template_id BIGINT NOT NULL REFERENCES survey_templates (id),
  title TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX surveys_group ON surveys (group_id, id);

CREATE TABLE survey_responses (
  id @ID@,
  survey_id BIGINT NOT NULL REFERENCES surveys (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  recorded_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (survey_id, member_id)
);

CREATE TABLE survey_answers (
  response_id BIGINT NOT NULL REFERENCES survey_responses (id),
  question_id BIGINT NOT NULL REFERENCES survey_questions (id),
  text TEXT NULL,
  scale INTEGER NULL CHECK (scale BETWEEN 1 AND 5),
  checked INTEGER NULL CHECK (checked IN (0, 1)),
  PRIMARY KEY (response_id, question_id)
);

CREATE TABLE survey_codes (
  id @ID@,
  survey_id BIGINT NOT NULL REFERENCES surveys (id),
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  UNIQUE (survey_id, code)
);

CREATE TABLE code_tags (
  id @ID@,
  survey_id BIGINT NOT NULL REFERENCES surveys (id),
  response_id BIGINT NOT NULL REFERENCES survey_responses (id),
  question_id BIGINT NOT NULL REFERENCES survey_questions (id),
  code_id BIGINT NOT NULL REFERENCES survey_codes (id),
  quote TEXT NOT NULL,
  tagged_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX code_tags_survey ON code_tags (survey_id, response_id);

INSERT INTO survey_templates (code, name, name_en, description) VALUES
('seed000.open', 'Enam pertanyaan terbuka', 'Six open questions',
 'Pertanyaan diskusi kelompok terarah tentang belajar di komunitas (seed 000).'),
('seed000.perception', 'Persepsi model pendampingan', 'Perception of the mentoring model',
 'Seberapa setuju anggota dengan cara mentor mendampingi (1 sangat tidak setuju, 5 sangat setuju).'),
('seed000.benefits', 'Manfaat menjadi anggota', 'Benefits of membership',
 'Manfaat yang dirasakan sejak bergabung; centang semua yang sesuai.'),
('values', 'Nilai bersama', 'Shared values',
 'Seberapa penting tiap nilai bagi anggota (1 tidak penting, 5 sangat penting); dipakai untuk mencocokkan mentor.');

INSERT INTO survey_questions (template_id, position, code, kind, text, text_en)
SELECT t.id, q.position, q.code, q.kind, q.text, q.text_en FROM survey_templates t JOIN (
  SELECT 'seed000.open' AS template, 1 AS position, 'lama' AS code, 'open' AS kind,
         'Sudah berapa lama Anda di komunitas ini?' AS text, 'How long have you been in the community?' AS text_en
  UNION ALL SELECT 'seed000.open', 2, 'alasan', 'open', 'Apa yang mendorong Anda bergabung?', 'What prompted you to join?'
  UNION ALL SELECT 'seed000.open', 3, 'manfaat', 'open', 'Manfaat apa yang Anda dapat setelah bergabung?',
         'What benefits do you get after joining?'
  UNION ALL SELECT 'seed000.open', 4, 'model', 'open', 'Bagaimana cara mentor mengajar di kelompok?',
         'What learning model does the mentor use?'
  UNION ALL SELECT 'seed000.open', 5, 'nilai', 'open', 'Nilai apa yang Anda rasakan selama bergabung?',
         'What values did you feel while in the community?'
  UNION ALL SELECT 'seed000.open', 6, 'kesan', 'open', 'Kesan dan pesan untuk komunitas?', 'Impressions and messages for the community?'
  UNION ALL SELECT 'seed000.perception', 1, 'contoh', 'likert', 'Mentor memberi contoh, lalu kami mempraktikkan',
         'The mentor gives an example and we follow it'
  UNION ALL SELECT 'seed000.perception', 2, 'bebas_bertanya', 'likert', 'Saya bebas bertanya kapan saja',
         'I am free to ask at any time'
  UNION ALL SELECT 'seed000.perception', 3, 'lebih_efektif', 'likert',
         'Belajar di komunitas lebih efektif daripada pelatihan dari dinas', 'Learning in the community is more effective than formal training'
  UNION ALL SELECT 'seed000.perception', 4, 'membantu_teman', 'likert', 'Saya membantu teman yang tertinggal',
         'I help friends who fall behind'
  UNION ALL SELECT 'seed000.perception', 5, 'berbagi_hasil', 'likert', 'Hasil belajar dibagikan di grup',
         'What we learn is shared in the group'
  UNION ALL SELECT 'seed000.benefits', 1, 'kompetensi', 'check', 'Keterampilan meningkat', 'Competence increased'
  UNION ALL SELECT 'seed000.benefits', 2, 'pendapatan', 'check', 'Pendapatan bulanan naik', 'Monthly income rose'
  UNION ALL SELECT 'seed000.benefits', 3, 'pemasaran_bersama', 'check', 'Ikut pemasaran bersama', 'Joint marketing'
  UNION ALL SELECT 'seed000.benefits', 4, 'teman', 'check', 'Teman dekat bertambah', 'More close friends'
  UNION ALL SELECT 'seed000.benefits', 5, 'percaya_diri', 'check', 'Lebih percaya diri', 'More self-confidence'
  UNION ALL SELECT 'values', 1, 'kerja_sama', 'likert', 'Kerja sama', 'Cooperation'
  UNION ALL SELECT 'values', 2, 'persahabatan', 'likert', 'Persahabatan', 'Friendship'
  UNION ALL SELECT 'values', 3, 'saling_membantu', 'likert', 'Saling membantu', 'Mutual help'
  UNION ALL SELECT 'values', 4, 'saling_melengkapi', 'likert', 'Saling melengkapi', 'Complementarity'
) q ON q.template = t.code;

INSERT INTO template_codes (template_id, code, label)
SELECT t.id, c.code, c.label FROM survey_templates t JOIN (
  SELECT 'kerja_sama' AS code, 'Kerja sama' AS label
  UNION ALL SELECT 'persahabatan', 'Persahabatan'
  UNION ALL SELECT 'saling_membantu', 'Saling membantu'
  UNION ALL SELECT 'saling_melengkapi', 'Saling melengkapi'
  UNION ALL SELECT 'kompetensi', 'Keterampilan meningkat'
  UNION ALL SELECT 'pendapatan', 'Pendapatan naik'
  UNION ALL SELECT 'pemasaran_bersama', 'Pemasaran bersama'
  UNION ALL SELECT 'teman', 'Teman bertambah'
  UNION ALL SELECT 'percaya_diri', 'Percaya diri'
  UNION ALL SELECT 'belajar_praktik', 'Belajar sambil praktik'
) c ON t.code = 'seed000.open';
