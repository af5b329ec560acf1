import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { refusal } from '../../../test/render';
import { peopleProblemMessage, readPersonErrors } from './errors';

const t = createI18n('id').t;

describe('readPersonErrors', () => {
  it('says a NIK without consent beside the consent box, in Indonesian', () => {
    expect(readPersonErrors(t, refusal([{ field: 'nik_consent', code: 'required' }], 'invalid-input', 400))).toEqual({
      byField: { nik_consent: ['NIK hanya boleh disimpan bila pemiliknya setuju.'] },
      general: [],
    });
  });

  it('says a NIK another person has beside the NIK, and a bad phone beside the phone', () => {
    expect(readPersonErrors(t, refusal([{ field: 'nik', code: 'conflict' }], 'already-exists', 409)).byField).toEqual({
      nik: ['NIK ini sudah dipakai orang lain di daftar.'],
    });
    expect(readPersonErrors(t, refusal([{ field: 'phone', code: 'invalid_format' }], 'invalid-input', 400)).byField).toEqual({
      phone: ['Nomor telepon tidak dikenali. Contoh: 0812-3456-7890.'],
    });
  });

  it('says above the form that another stakeholder keeps the record', () => {
    expect(readPersonErrors(t, refusal([], 'forbidden', 403))).toEqual({
      byField: {},
      general: ['Data orang ini dikelola lembaga lain. Hanya admin dan petugas lembaga itu yang dapat mengubahnya.'],
    });
  });
});

describe('peopleProblemMessage', () => {
  it('words other failures as the app does', () => {
    expect(peopleProblemMessage(t, refusal([], 'not-found', 404))).toBe('Data yang dicari tidak ditemukan.');
  });
});
