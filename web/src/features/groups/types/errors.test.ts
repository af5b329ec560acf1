import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { refusal } from '../../../test/render';
import { codeKey, fieldKey, groupFieldMessage, groupProblemMessage, readGroupErrors, serverField } from './errors';

const t = createI18n('id').t;

const invalid = (errors: { field: string; code: string }[]) => refusal(errors, 'invalid-input', 400);

describe('serverField', () => {
  it('reads nested and listed fields the way the server writes them', () => {
    expect(serverField('person.name')).toEqual({ base: 'person_name', index: null });
    expect(serverField('options[2]')).toEqual({ base: 'options', index: 2 });
    expect(serverField('attendance[3].member_id')).toEqual({ base: 'attendance_member_id', index: 3 });
    expect(fieldKey(serverField('options[2]'))).toBe('options[2]');
    expect(fieldKey(serverField('title'))).toBe('title');
  });

  it('keeps codes that look like plural forms apart from i18next plurals', () => {
    expect(codeKey('too_many')).toBe('tooMany');
    expect(codeKey('not_member_then')).toBe('not_member_then');
  });
});

describe('groupFieldMessage', () => {
  it('says what is wrong in words a group treasurer understands, by field and code', () => {
    expect(groupFieldMessage(t, { field: 'attendance[1].member_id', code: 'not_member_then', message: '', params: {} })).toBe(
      'Belum atau sudah tidak menjadi anggota pada tanggal pertemuan.',
    );
    expect(groupFieldMessage(t, { field: 'role', code: 'office_taken', message: '', params: {} })).toMatch(/sudah punya pengurus/);
    expect(groupFieldMessage(t, { field: 'options', code: 'too_many', message: '', params: {} })).toBe('Paling banyak 12 pilihan.');
    expect(groupFieldMessage(t, { field: 'options', code: 'targets_not_allowed', message: '', params: {} })).toBe(
      'Hanya pilihan usulan tema belajar yang boleh memuat kompetensi.',
    );
    expect(groupFieldMessage(t, { field: 'person.phone', code: 'invalid_format', message: '', params: {} })).toMatch(/0812-3456-7890/);
  });

  it("falls back to the app's words for the code, then to the server's message", () => {
    expect(groupFieldMessage(t, { field: 'venue', code: 'too_long', message: 'venue is long', params: {} })).toBe('Terlalu panjang.');
    expect(groupFieldMessage(t, { field: 'venue', code: 'odd', message: 'venue is odd', params: {} })).toBe('venue is odd');
  });
});

describe('readGroupErrors', () => {
  it('puts messages beside the fields the form has and the rest above it', () => {
    const errors = readGroupErrors(
      t,
      invalid([
        { field: 'title', code: 'required' },
        { field: 'options[1]', code: 'duplicate' },
        { field: 'meeting_id', code: 'not_found' },
      ]),
      ['title', 'options'],
    );
    expect(errors.byField).toEqual({
      title: ['Tulis judul usulan.'],
      'options[1]': ['Pilihan ini sama dengan pilihan sebelumnya.'],
    });
    expect(errors.general).toEqual(['Pertemuan ini bukan pertemuan kelompok ini.']);
  });

  it('still says something when the failure names no field', () => {
    expect(readGroupErrors(t, refusal([], 'forbidden', 403), ['title']).general).toEqual([
      'Anda tidak punya izin untuk melakukan ini.',
    ]);
  });

  it('says plainly that a dissolved group cannot be changed', () => {
    expect(groupProblemMessage(t, refusal([], 'group-dissolved'))).toBe(
      'Kelompok ini sudah bubar; catatannya tidak dapat diubah lagi.',
    );
  });
});

describe('messages scoped to a tab', () => {
  it("uses the tab's own words for a field other tabs share, then the workspace's", () => {
    const memberRequired = { field: 'member_id', code: 'required', message: '', params: {} };
    expect(groupFieldMessage(t, memberRequired)).toBe('Pilih anggota yang memberi suara.');
    expect(groupFieldMessage(t, memberRequired, 'treasury')).toBe('Pilih anggota yang membayar iuran.');
    expect(groupFieldMessage(t, { field: 'amount', code: 'negative', message: '', params: {} }, 'treasury')).toBe('Jumlah tidak boleh kurang dari nol.');
    // Not in the tab's words: the workspace's.
    expect(groupFieldMessage(t, { field: 'title', code: 'required', message: '', params: {} }, 'markets')).toBe('Tulis judul usulan.');
  });

  it('places scoped messages beside the form fields', () => {
    const error = invalid([
      { field: 'capacities[1].member_id', code: 'duplicate' },
      { field: 'unit_price', code: 'negative' },
    ]);
    const found = readGroupErrors(t, error, ['unit_price'], 'orders');
    expect(found.byField).toEqual({ unit_price: ['Harga tidak boleh kurang dari nol.'] });
    expect(found.general).toEqual(['Anggota ini tercantum dua kali.']);
  });
});
