import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import {
  headerFileName,
  isFinished,
  jobNoteMessage,
  MAX_UPLOAD_BYTES,
  progressPercent,
  rowErrorMessage,
  uploadProblem,
} from './index';

describe('progressPercent', () => {
  const job = (status: 'queued' | 'running' | 'succeeded' | 'failed', read: number, total: number) => ({
    status,
    bytes_read: read,
    bytes_total: total,
  });

  it('is bytes_read / bytes_total in whole percent, rounded down', () => {
    expect(progressPercent(job('running', 600_000, 1_200_000))).toBe(50);
    expect(progressPercent(job('running', 1, 3))).toBe(33);
    expect(progressPercent(job('queued', 0, 1_200_000))).toBe(0);
  });

  it('holds at 99% until the job has really finished, and shows 100% once it has', () => {
    expect(progressPercent(job('running', 1_200_000, 1_200_000))).toBe(99);
    expect(progressPercent(job('succeeded', 1_200_000, 1_200_000))).toBe(100);
    expect(progressPercent(job('succeeded', 0, 0))).toBe(100);
  });

  it('shows how far a failed job got', () => {
    expect(progressPercent(job('failed', 300, 1000))).toBe(30);
    expect(progressPercent(job('failed', 0, 0))).toBe(0);
  });

  it('never leaves 0..100, whatever the counters say', () => {
    expect(progressPercent(job('running', 5000, 1000))).toBe(99);
    expect(progressPercent(job('running', -5, 1000))).toBe(0);
    expect(progressPercent(job('running', 10, 0))).toBe(0);
  });

  it('knows which statuses are final', () => {
    expect(isFinished({ status: 'succeeded' })).toBe(true);
    expect(isFinished({ status: 'failed' })).toBe(true);
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(isFinished({ status: 'queued' })).toBe(false);
  });
});

describe('headerFileName', () => {
  const utf8 = (header: string) => new TextDecoder().decode(Uint8Array.from(header, (c) => c.charCodeAt(0)));

  it('keeps a plain name and drops folders and control characters', () => {
    expect(headerFileName('umkm-batu.csv')).toBe('umkm-batu.csv');
    expect(headerFileName('C:\\Users\\siti\\umkm.csv')).toBe('umkm.csv');
    expect(headerFileName('a\nb.csv')).toBe('ab.csv');
    expect(headerFileName('')).toBe('data.csv');
  });

  it('sends any other character as its UTF-8 bytes, which the server reads back', () => {
    const header = headerFileName('data pelaku usaha – Batu.csv');
    expect([...header].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(utf8(header)).toBe('data pelaku usaha – Batu.csv');
  });

  it('cuts a long name to 200 bytes without splitting a character', () => {
    const header = headerFileName(`${'a'.repeat(199)}é.csv`);
    expect(header.length).toBe(199);
    expect(utf8(header)).toBe('a'.repeat(199));
    expect(headerFileName('b'.repeat(300))).toHaveLength(200);
  });
});

describe('uploadProblem', () => {
  it('asks for a file, refuses an empty one and one over 512 MiB', () => {
    expect(uploadProblem(null)).toBe('imports.fileRequired');
    expect(uploadProblem({ size: 0 })).toBe('imports.fileEmpty');
    expect(uploadProblem({ size: MAX_UPLOAD_BYTES + 1 })).toBe('imports.fileTooLarge');
    expect(uploadProblem({ size: MAX_UPLOAD_BYTES })).toBeNull();
  });
});

describe('jobNoteMessage', () => {
  const indonesian = createI18n('id');
  const english = createI18n('en');
  const note = (code: string | null, params: Record<string, string> = {}) => ({ code, params, message: 'the server says' });

  it('words a job\'s reason or warning in the reader\'s language, line numbers as they are', () => {
    expect(jobNoteMessage(indonesian.t, note('missing_columns', { columns: 'kode_desa (village_code)' }))).toBe(
      'Berkas tidak punya kolom yang wajib: kode_desa (village_code).',
    );
    expect(jobNoteMessage(english.t, note('unknown_column', { column: 'No' }))).toBe(
      'The column No is not known, so it was skipped.',
    );
    expect(jobNoteMessage(indonesian.t, note('malformed_file', { line: '12345' }))).toMatch(/^Berkas CSV rusak di baris 12345:/);
    expect(jobNoteMessage(indonesian.t, note('empty_file'))).toBe('Berkasnya kosong: baris pertama harus berisi nama-nama kolom.');
    expect(jobNoteMessage(indonesian.t, note('database_error', { job: '42' }))).toBe(
      'Basis data menolak menyimpan data. Admin dapat melihat rinciannya di log server pada impor nomor 42.',
    );
  });

  it('falls back to the server\'s message for no code, an unknown one, or a missing argument', () => {
    expect(jobNoteMessage(indonesian.t, note(null))).toBe('the server says');
    expect(jobNoteMessage(indonesian.t, note('from_a_newer_server'))).toBe('the server says');
    expect(jobNoteMessage(indonesian.t, note('toString'))).toBe('the server says');
    expect(jobNoteMessage(indonesian.t, note('duplicate_column'))).toBe('the server says');
    expect(jobNoteMessage(indonesian.t, { code: undefined, params: undefined, message: 'the server says' })).toBe(
      'the server says',
    );
  });

  it('has words for every code in both languages, each filled from the arguments the server sends', () => {
    const all = { columns: 'a (b)', column: 'c', line: '5', job: '7' };
    for (const code of Object.keys(en.imports.jobNotes)) {
      for (const i18n of [indonesian, english]) {
        const text = jobNoteMessage(i18n.t, note(code, all));
        expect(text).not.toBe('the server says');
        expect(text).not.toMatch(/\{\{|imports\.jobNotes/);
      }
    }
  });
});

describe('rowErrorMessage', () => {
  const indonesian = createI18n('id');
  const english = createI18n('en');
  const error = (code: string, params: Record<string, string> = {}) => ({ code, params, message: 'the server says' });

  it('words a code with its arguments in the reader\'s language, amounts with their thousands separator', () => {
    const range = error('out_of_range', { min: '0', max: '100000' });
    expect(rowErrorMessage(indonesian.t, range, 'id')).toBe('harus angka bulat dari 0 sampai 100.000');
    expect(rowErrorMessage(english.t, range, 'en')).toBe('must be a whole number from 0 to 100,000');
    expect(rowErrorMessage(indonesian.t, error('too_long', { max: '1200' }), 'id')).toBe('paling banyak 1.200 karakter');
    expect(rowErrorMessage(indonesian.t, error('required'), 'id')).toBe('wajib diisi');
    expect(rowErrorMessage(english.t, error('required'), 'en')).toBe('is required');
  });

  it('words a control character and a cell too long to read, the byte limit with its separator', () => {
    expect(rowErrorMessage(indonesian.t, error('control_character'), 'id')).toBe(
      'berisi karakter kendali (seperti NUL, tab, atau ganti baris) yang tidak boleh ada di sel',
    );
    expect(rowErrorMessage(english.t, error('control_character'), 'en')).toMatch(/^holds a control character/);
    expect(rowErrorMessage(indonesian.t, error('field_too_long', { max: '65536' }), 'id')).toBe(
      'isinya lebih dari 65.536 byte, jadi baris ini tidak dibaca',
    );
    expect(rowErrorMessage(english.t, error('field_too_long', { max: '65536' }), 'en')).toBe(
      'is longer than 65,536 bytes, so the row was not read',
    );
  });

  it('leaves years and line numbers as they are', () => {
    expect(rowErrorMessage(indonesian.t, error('bad_year', { min: '1900', max: '2026' }), 'id')).toBe(
      'harus tahun dari 1900 sampai 2026',
    );
    expect(rowErrorMessage(indonesian.t, error('duplicate_nib', { line: '12345' }), 'id')).toBe(
      'NIB yang sama sudah ada di baris 12345',
    );
  });

  it('falls back to the server\'s message for an old, unknown or incomplete error', () => {
    expect(rowErrorMessage(indonesian.t, error(''), 'id')).toBe('the server says');
    expect(rowErrorMessage(indonesian.t, error('from_a_newer_server'), 'id')).toBe('the server says');
    expect(rowErrorMessage(indonesian.t, error('toString'), 'id')).toBe('the server says');
    expect(rowErrorMessage(indonesian.t, error('too_long'), 'id')).toBe('the server says');
    expect(rowErrorMessage(indonesian.t, error('too_long', { max: 'many' }), 'id')).toBe('the server says');
  });

  it('has words for every code, each filled from the arguments the server sends', () => {
    const all = { fields: '1', header_fields: '2', min: '3', max: '4', line: '5', enterprise_id: '6', person_id: '7' };
    for (const code of Object.keys(en.imports.rowErrors)) {
      for (const [i18n, language] of [
        [indonesian, 'id'],
        [english, 'en'],
      ] as const) {
        const text = rowErrorMessage(i18n.t, error(code, all), language);
        expect(text, code).not.toBe('the server says');
        expect(text, code).not.toMatch(/[{}]/);
      }
    }
  });
});
