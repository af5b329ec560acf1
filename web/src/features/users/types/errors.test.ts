import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { createI18n } from '../../../lib/i18n';
import { addAdminTexts } from '../../../lib/i18n/admin';
import { readUserErrors, userProblemMessage } from './errors';

const i18n = createI18n('id');
addAdminTexts(i18n);
const t = i18n.t;

const refusal = (slug: string, status: number, errors: { field: string; code: string }[] = []) =>
  new ApiError({
    type: `urn:gotong:problem:${slug}`,
    status,
    title: slug,
    detail: '',
    errors: errors.map((e) => ({ ...e, message: 'english', params: {} })),
  });

describe('readUserErrors', () => {
  it('says a taken username beside the username', () => {
    expect(readUserErrors(t, refusal('already-exists', 409), ['username', 'role'])).toEqual({
      byField: { username: ['Nama pengguna ini sudah dipakai. Pilih nama lain.'] },
      general: [],
    });
  });

  it('puts every part of the scope beside the one scope picker, in words', () => {
    const errors = readUserErrors(t, refusal('invalid-input', 400, [{ field: 'scope.id', code: 'not_found' }]), ['role', 'scope']);
    expect(errors.byField).toEqual({ scope: ['Lembaga ini tidak terdaftar. Pilih dari daftar.'] });
  });

  it('says above the form what no field shows', () => {
    const errors = readUserErrors(t, refusal('invalid-input', 400, [{ field: 'disabled', code: 'invalid_value' }]), ['role']);
    expect(errors.general).toEqual(['Anda tidak dapat menonaktifkan akun Anda sendiri.']);
  });
});

describe('userProblemMessage', () => {
  it('explains that a disabled account gets no token', () => {
    expect(userProblemMessage(t, refusal('conflict', 409, [{ field: 'user', code: 'disabled' }]))).toBe(
      'Akun ini nonaktif, jadi tidak dapat diberi token baru.',
    );
  });
});
