import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { createI18n, type Language } from '../../../lib/i18n';
import { addAdminTexts } from '../../../lib/i18n/admin';
import { actionLabel, actorLabel, entityLabel, fieldLabel, recordLabel, valueText } from './labels';

function texts(language: Language): TFunction {
  const i18n = createI18n(language);
  addAdminTexts(i18n);
  return i18n.t;
}

const id = texts('id');
const en = texts('en');

describe('audit labels', () => {
  it('name kinds, actions and fields in the reader’s language', () => {
    expect(entityLabel(id, 'api_token')).toBe('Token akses aplikasi');
    expect(actionLabel(id, 'reset_password')).toBe('Kata sandi diatur ulang');
    expect(fieldLabel(id, 'display_name')).toBe('Nama tampilan');
    expect(entityLabel(en, 'api_token')).toBe('App access token');
  });

  it('show a name the texts do not know yet as the server sent it', () => {
    expect(entityLabel(id, 'programme_round')).toBe('programme_round');
    expect(actionLabel(id, 'archive')).toBe('archive');
    expect(fieldLabel(id, 'colour')).toBe('colour');
  });

  it('say which record, and who made the change (the system when nobody did)', () => {
    expect(recordLabel(id, { entity: 'user', entity_id: '12' })).toBe('Pengguna nomor 12');
    expect(recordLabel(id, { entity: 'export', entity_id: 'enterprises' })).toBe('Unduhan data: enterprises');
    expect(actorLabel(id, { actor: { id: 1, username: 'admin' } })).toBe('admin');
    expect(actorLabel(id, { actor: null })).toBe('Sistem');
  });
});

describe('valueText', () => {
  it('words yes/no, empty values, roles and scope kinds', () => {
    expect(valueText(id, 'id', 'disabled', true)).toBe('Ya');
    expect(valueText(id, 'id', 'scope_id', null)).toBe('(kosong)');
    expect(valueText(id, 'id', 'role', 'officer')).toBe('Petugas Dinas');
    expect(valueText(id, 'id', 'scope_kind', 'stakeholder')).toBe('Lembaga');
    expect(valueText(en, 'en', 'role', 'group_leader')).toBe('Group leader');
  });

  it('formats money, counts, days and instants the app’s way but leaves ids alone', () => {
    expect(valueText(id, 'id', 'amount', 1500000)).toBe('Rp\u00a01.500.000');
    expect(valueText(id, 'id', 'count', 91599)).toBe('91.599');
    expect(valueText(id, 'id', 'user_id', 12345)).toBe('12345');
    expect(valueText(id, 'id', 'joined_on', '2024-01-15')).toBe('15 Jan 2024');
    expect(valueText(id, 'id', 'verified_at', 'not a date')).toBe('not a date');
  });

  it('words kinds and statuses by the kind of record that holds them', () => {
    expect(valueText(id, 'id', 'kind', 'agency', 'stakeholder')).toBe('Instansi pemerintah');
    expect(valueText(id, 'id', 'kind', 'joint_business_group', 'group')).toBe('Kelompok Usaha Bersama (KUB)');
    expect(valueText(id, 'id', 'status', 'active', 'group')).toBe('Aktif');
    expect(valueText(id, 'id', 'status', 'closed', 'enterprise')).toBe('Tutup');
    expect(valueText(id, 'id', 'role', 'treasurer', 'membership')).toBe('Bendahara');
    expect(valueText(id, 'id', 'role', 'officer', 'user')).toBe('Petugas Dinas');
    expect(valueText(id, 'id', 'helix', 'government', 'stakeholder')).toBe('Pemerintah');
    expect(valueText(id, 'id', 'status', 'succeeded', 'import')).toBe('Selesai');
    // A value the texts do not know stays as the server wrote it.
    expect(valueText(id, 'id', 'kind', 'spaceship', 'group')).toBe('spaceship');
  });

  it('words what the group records: attendance, assets, posts, months and the rest', () => {
    expect(actionLabel(id, 'attendance')).toBe('Daftar hadir dicatat');
    expect(fieldLabel(id, 'excused')).toBe('Izin');
    expect(fieldLabel(id, 'supplier')).toBe('Pemasok');
    expect(valueText(id, 'id', 'kind', 'equipment', 'common_asset')).toBe('Peralatan');
    expect(valueText(id, 'id', 'source', 'aid', 'common_asset')).toBe('Dari bantuan');
    expect(valueText(id, 'id', 'kind', 'fix', 'knowledge_post')).toBe('Cara memperbaiki');
    expect(valueText(id, 'id', 'kind', 'offer', 'material_post')).toBe('Menawarkan');
    expect(valueText(id, 'id', 'joined_precision', 'year', 'membership')).toBe('Tahun saja');
    expect(valueText(id, 'id', 'from', '2025-01', 'fee_rule')).toBe('Jan 2025');
    expect(valueText(id, 'id', 'present', 12, 'meeting')).toBe('12');
  });

  it("words the ledger's lines and an order's shares that the server writes out as one text", () => {
    expect(valueText(id, 'id', 'lines', 'cash Dr 10000 member 8; member_fees Cr 10000 member 8', 'ledger_entry')).toBe(
      'Kas debit Rp\u00a010.000 (anggota nomor 8); Iuran anggota kredit Rp\u00a010.000 (anggota nomor 8)',
    );
    expect(valueText(en, 'en', 'lines', 'expenses Dr 5000; cash Cr 5000', 'ledger_entry')).toBe(
      'Expenses debit Rp\u00a05.000; Cash credit Rp\u00a05.000',
    );
    expect(valueText(id, 'id', 'shares', 'member 11: 37 (delivered 0, paid 0); member 12: 1500 (delivered 3, paid 45000)', 'joint_order')).toBe(
      'anggota nomor 11: 37 (terkirim 0, dibayar Rp\u00a00); anggota nomor 12: 1.500 (terkirim 3, dibayar Rp\u00a045.000)',
    );
    // Text of another shape stays as the server wrote it.
    expect(valueText(id, 'id', 'lines', 'something else', 'ledger_entry')).toBe('something else');
  });

  it('words what the mentoring work records: its kinds of record, actions, fields and states', () => {
    expect(entityLabel(id, 'learning_cycle')).toBe('Siklus belajar');
    expect(entityLabel(id, 'help_request')).toBe('Permintaan bantuan');
    expect(entityLabel(id, 'matching_run')).toBe('Pencocokan mentor');
    expect(entityLabel(en, 'code_tag')).toBe('Survey answer tag');
    for (const entity of ['competency', 'mentorship', 'cycle_session', 'evaluation', 'survey', 'survey_response', 'survey_code']) {
      expect(entityLabel(id, entity)).not.toBe(entity);
    }
    expect(actionLabel(id, 'transition')).toBe('Pindah tahap');
    expect(actionLabel(id, 'advise', 'help_request')).toBe('Diberi saran');
    expect(actionLabel(id, 'attempt', 'help_request')).toBe('Percobaan ulang dicatat');
    expect(actionLabel(id, 'publish', 'matching_run')).toBe('Diterbitkan');
    // A help request's "share" is sharing its answer, not changing an order's shares.
    expect(actionLabel(id, 'share', 'help_request')).toBe('Dibagikan sebagai pengetahuan');
    expect(actionLabel(id, 'share', 'joint_order')).toBe('Pembagian diubah');
    expect(actionLabel(en, 'share', 'help_request')).toBe('Shared as knowledge');
    expect(fieldLabel(id, 'mentee_member_id')).toBe('Nomor anggota (mentee)');
    expect(fieldLabel(id, 'on_request')).toBe('Atas permintaan peserta');
    expect(fieldLabel(en, 'default_capacity')).toBe('Mentees per mentor');
    expect(valueText(id, 'id', 'origin', 'community', 'mentorship')).toBe('Mentor komunitas');
    expect(valueText(id, 'id', 'origin', 'programme_formed', 'group')).toBe('Dibentuk oleh program');
    expect(valueText(id, 'id', 'mentor_origin', 'external', 'learning_cycle')).toBe('Konsultan luar');
    expect(valueText(id, 'id', 'status', 'implementation', 'learning_cycle')).toBe('Pelaksanaan');
    expect(valueText(id, 'id', 'status', 'advised', 'help_request')).toBe('Sudah diberi saran');
    expect(valueText(id, 'id', 'status', 'published', 'matching_run')).toBe('Sudah diterbitkan');
    expect(valueText(en, 'en', 'status', 'queued', 'matching_run')).toBe('Waiting its turn');
    expect(valueText(id, 'id', 'received_bytes', 2500000, 'help_request')).toBe('2.500.000');
  });

  it('words what programmes, enrolments, the assistance ledger and soft loans record', () => {
    expect(entityLabel(id, 'programme')).toBe('Program');
    expect(entityLabel(id, 'enrolment')).toBe('Peserta program');
    expect(entityLabel(id, 'assistance')).toBe('Catatan bantuan');
    expect(entityLabel(en, 'loan')).toBe('Soft loan');
    expect(actionLabel(id, 'repay', 'loan')).toBe('Pembayaran pinjaman dicatat');
    expect(recordLabel(id, { entity: 'loan', entity_id: '7' })).toBe('Pinjaman lunak nomor 7');
    for (const field of ['starts_on', 'ends_on', 'factors', 'budget', 'exit_strategy', 'follow_up_months', 'partners', 'criteria']) {
      expect(fieldLabel(id, field)).not.toBe(field);
    }
    for (const field of ['facilitator_id', 'enrolled_on', 'outside_criteria_reason', 'provider_id', 'given_on', 'until_on', 'disbursed_on', 'over_budget_reason', 'repayment_id', 'paid_on']) {
      expect(fieldLabel(id, field)).not.toBe(field);
    }
    // A loan's terms are fields inside the record's `loan`.
    expect(fieldLabel(id, 'loan.term_months')).toBe('Lama pinjaman (bulan)');
    expect(fieldLabel(en, 'loan.annual_rate_bp')).toBe('Annual interest (basis points)');
    expect(valueText(id, 'id', 'status', 'active', 'programme')).toBe('Berjalan');
    expect(valueText(id, 'id', 'kind', 'soft_loan', 'assistance')).toBe('Pinjaman lunak');
    expect(valueText(en, 'en', 'kind', 'exhibition_slot', 'assistance')).toBe('Exhibition slot');
    expect(valueText(id, 'id', 'loan.method', 'declining', 'assistance')).toBe('Menurun');
    expect(valueText(id, 'id', 'budget', 150000000, 'programme')).toBe('Rp\u00a0150.000.000');
    expect(valueText(id, 'id', 'value', 12000000, 'assistance')).toBe('Rp\u00a012.000.000');
    expect(valueText(id, 'id', 'amount', 1060000, 'loan')).toBe('Rp\u00a01.060.000');
  });

  it('words a programme’s partners, criteria and factors as the server lists them', () => {
    expect(valueText(id, 'id', 'partners', '2:owner:government,5:partner:business', 'programme')).toBe(
      'lembaga nomor 2 (pemilik, Pemerintah); lembaga nomor 5 (mitra, Dunia usaha)',
    );
    expect(valueText(id, 'id', 'criteria', 'region=35.07,sector=food_processing,scale=micro,founded_within_years=5,homogeneous,category=poor', 'programme')).toBe(
      'wilayah 35.07; sektor Olahan pangan; skala Mikro; berdiri paling lama 5 tahun; kelompok sejenis; kategori keluarga miskin (DTKS)',
    );
    expect(valueText(en, 'en', 'factors', 'capital_access,partnership', 'programme')).toBe('Capital access, Partnership');
    // Text of another shape stays as the server wrote it.
    expect(valueText(id, 'id', 'partners', 'someone', 'programme')).toBe('someone');
  });

  it('writes lists and records out compactly', () => {
    expect(valueText(id, 'id', 'options', ['ya', 'tidak'])).toBe('["ya","tidak"]');
  });
});
