import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { createI18n } from './i18n';
import { fieldErrorMessage, fieldMessages, minutesToWait, problemMessage } from './problem-messages';

const idT = createI18n('id').t;
const enT = createI18n('en').t;

function problem(slug: string, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}): ApiError {
  return new ApiError({ type: `urn:gotong:problem:${slug}`, status: 400, title: '', detail: '', errors: [], ...extra });
}

describe('problemMessage', () => {
  it('says plainly that the username or password is wrong', () => {
    expect(problemMessage(idT, problem('invalid-credentials', { status: 401 }))).toBe('Nama pengguna atau kata sandi salah.');
    expect(problemMessage(enT, problem('invalid-credentials', { status: 401 }))).toBe('Wrong username or password.');
  });

  it('tells how many whole minutes to wait when rate-limited', () => {
    const error = problem('rate-limited', { status: 429, retryAfterSeconds: 540 });
    expect(problemMessage(idT, error)).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 9 menit.');
    expect(problemMessage(enT, error)).toBe('Too many login attempts. Try again in 9 minutes.');
  });

  it('uses the singular in English for one minute', () => {
    expect(problemMessage(enT, problem('rate-limited', { retryAfterSeconds: 30 }))).toBe(
      'Too many login attempts. Try again in 1 minute.',
    );
  });

  it('explains an expired session the same way whichever 401 slug the server uses', () => {
    for (const slug of ['unauthenticated', 'session-expired']) {
      expect(problemMessage(idT, problem(slug, { status: 401 }))).toBe('Sesi Anda telah berakhir. Silakan masuk lagi.');
    }
  });

  it('tells a disabled account to contact the admin', () => {
    expect(problemMessage(idT, problem('account-disabled', { status: 403 }))).toMatch(/dinonaktifkan/);
  });

  it('maps the CSRF failure to advice to reload the page', () => {
    expect(problemMessage(idT, problem('csrf-failed', { status: 403 }))).toMatch(/Muat ulang halaman/);
  });

  it('maps a network failure to a connection message', () => {
    expect(problemMessage(idT, problem('network-error', { status: 0 }))).toBe(
      'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    );
  });

  it('words the busy server, the per-user limits and the Idempotency-Key answers in Indonesian', () => {
    expect(problemMessage(idT, problem('busy', { status: 503 }))).toMatch(/sibuk/);
    expect(problemMessage(idT, problem('too-many-exports', { status: 429 }))).toMatch(/unduhan/);
    expect(problemMessage(idT, problem('too-many-imports', { status: 429 }))).toMatch(/mengunggah/);
    expect(problemMessage(idT, problem('idempotency-key-in-use', { status: 409 }))).toMatch(/tidak akan tercatat dua kali/);
    expect(problemMessage(idT, problem('idempotency-outcome-unknown', { status: 409 }))).toMatch(/Periksa dulu/);
    expect(problemMessage(enT, problem('idempotency-key-reused', { status: 422 }))).toMatch(/different values/);
  });

  it("falls back to the server's detail for a slug it does not know", () => {
    expect(problemMessage(idT, problem('quota-exceeded', { detail: 'quota of 10 exports a day reached' }))).toBe(
      'quota of 10 exports a day reached',
    );
  });

  it('gives a generic message for things that are not API errors', () => {
    expect(problemMessage(idT, new Error('boom'))).toBe('Terjadi kesalahan yang tidak terduga.');
  });
});

describe('minutesToWait', () => {
  it('rounds up to whole minutes and never says zero', () => {
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(900)).toBe(15);
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(undefined)).toBe(1);
  });
});

describe('fieldErrorMessage', () => {
  it('prefers the field-specific message', () => {
    expect(fieldErrorMessage(idT, { field: 'new_password', code: 'too_short', message: 'x', params: {} })).toBe(
      'Kata sandi baru minimal 12 karakter.',
    );
    expect(fieldErrorMessage(idT, { field: 'current_password', code: 'invalid_value', message: 'x', params: {} })).toBe(
      'Kata sandi saat ini salah.',
    );
  });

  it('falls back to the generic message for the code', () => {
    expect(fieldErrorMessage(idT, { field: 'display_name', code: 'too_long', message: 'x', params: {} })).toBe('Terlalu panjang.');
  });

  it('words a control character in any field (a NUL pasted into a name, say)', () => {
    expect(fieldErrorMessage(idT, { field: 'name', code: 'control_character', message: 'x', params: {} })).toBe(
      'Tidak boleh berisi karakter kendali (seperti NUL, tab, atau ganti baris).',
    );
  });

  it("falls back to the server's message for an unknown code", () => {
    expect(fieldErrorMessage(idT, { field: 'x', code: 'strange', message: 'must be odd', params: {} })).toBe('must be odd');
  });

  it('does not treat inherited object keys as translations', () => {
    expect(fieldErrorMessage(idT, { field: 'x', code: 'toString', message: 'server says', params: {} })).toBe('server says');
  });
});

describe('fieldMessages', () => {
  it('returns the messages for one field only', () => {
    const error = problem('invalid-input', {
      errors: [
        { field: 'new_password', code: 'too_short', message: '', params: {} },
        { field: 'current_password', code: 'required', message: '', params: {} },
      ],
    });
    expect(fieldMessages(idT, error, 'new_password')).toEqual(['Kata sandi baru minimal 12 karakter.']);
    expect(fieldMessages(idT, new Error('x'), 'new_password')).toEqual([]);
  });
});
