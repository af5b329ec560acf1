import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { addAdminTexts } from '../../../lib/i18n/admin';
import { refusal } from '../../../test/render';
import { readUserErrors, userProblemMessage } from './errors';

const i18n = createI18n('id');
addAdminTexts(i18n);
const t = i18n.t;

describe('readUserErrors', () => {
  it('says a taken username beside the username', () => {
    expect(readUserErrors(t, refusal([], 'already-exists', 409), ['username', 'role'])).toEqual({
      byField: { username: ['Nama pengguna ini sudah dipakai. Pilih nama lain.'] },
      general: [],
    });
  });

  it('puts every part of the scope beside the one scope picker, in words', () => {
    const errors = readUserErrors(t, refusal([{ field: 'scope.id', code: 'not_found' }], 'invalid-input', 400), ['role', 'scope']);
    expect(errors.byField).toEqual({ scope: ['Lembaga ini tidak terdaftar. Pilih dari daftar.'] });
  });

  it('says above the form what no field shows', () => {
    const errors = readUserErrors(t, refusal([{ field: 'disabled', code: 'invalid_value' }], 'invalid-input', 400), ['role']);
    expect(errors.general).toEqual(['Anda tidak dapat menonaktifkan akun Anda sendiri.']);
  });
});

describe('userProblemMessage', () => {
  it('explains that a disabled account gets no token', () => {
    expect(userProblemMessage(t, refusal([{ field: 'user', code: 'disabled' }]))).toBe(
      'Akun ini nonaktif, jadi tidak dapat diberi token baru.',
    );
  });
});
