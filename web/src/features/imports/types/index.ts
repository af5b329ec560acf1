// CSV imports of enterprises: the job the server runs in the background, its progress, and
// the rows it could not take.
import type { ParseKeys, TFunction, TOptions } from 'i18next';
import { formatNumber } from '../../../lib/format';
import { id } from '../../../lib/i18n/id';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export type ImportMode = Schemas['ImportJob']['mode'];
export const IMPORT_MODES = valuesOf<ImportMode>()(['insert', 'upsert']);
export type ImportStatus = Schemas['ImportJob']['status'];

/**
 * An import job. Why it failed is `message` in the server's English (shown only when
 * `message_code` is not known here) and `message_code` with its `message_params` (such as
 * {columns: 'kode_desa (village_code)'}); what it skipped is `warnings`, and the same as codes
 * with their arguments in `warning_details`, in the same order.
 */
export type ImportJob = Schemas['ImportJob'];

/** A warning of a job as a code: `unknown_column` ({column}); null for warnings older than codes. */
export type ImportJobNote = ImportJob['warning_details'][number];

export type ImportJobPage = Schemas['ImportJobPage'];

/**
 * A row the import refused: `message` is the server's English (shown only when the code is not
 * known here), `code` what is wrong as a stable code ('' for old errors) with its `params`.
 */
export type ImportRowError = Schemas['ImportError'];

export type ImportErrorPage = Schemas['ImportErrorPage'];

export const IMPORTS_PATH = '/imports';

export function importPath(id: number): string {
  return `${IMPORTS_PATH}/${id}`;
}

/** The contract's upload limit. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/**
 * How far the job is, 0..100 whole percent: bytes_read / bytes_total. A running job never shows
 * 100% (the last rows are still being written); a finished one always does, whatever it read.
 */
export function progressPercent(job: Pick<ImportJob, 'status' | 'bytes_read' | 'bytes_total'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.bytes_total <= 0) return 0;
  const share = Math.min(1, Math.max(0, job.bytes_read / job.bytes_total));
  const percent = Math.floor(share * 100);
  return job.status === 'failed' ? percent : Math.min(percent, 99);
}

/** The server keeps at most this many bytes of a file name. */
const MAX_NAME_BYTES = 200;

/**
 * The file's name for the X-File-Name header: folders and control characters dropped, cut to
 * 200 bytes on a character boundary. The server reads the header as UTF-8, but fetch sends a
 * header only as bytes 0–255, so the UTF-8 bytes go one per character ("é" → "\u00c3\u00a9").
 */
export function headerFileName(name: string): string {
  // Control characters are exactly what a file name in a header must not carry: strip them.
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'data.csv';
  let bytes = new TextEncoder().encode(base);
  if (bytes.length > MAX_NAME_BYTES) {
    let end = MAX_NAME_BYTES;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1; // not inside a character
    bytes = bytes.slice(0, end);
  }
  return String.fromCharCode(...bytes);
}

/** Why a chosen file cannot be uploaded, as an i18n key; null when it can. */
export function uploadProblem(file: Pick<File, 'size'> | null): ParseKeys<'translation'> | null {
  if (!file) return 'imports.fileRequired';
  if (file.size === 0) return 'imports.fileEmpty';
  if (file.size > MAX_UPLOAD_BYTES) return 'imports.fileTooLarge';
  return null;
}

type RowErrorCode = keyof typeof id.imports.rowErrors;

/** Arguments that are amounts, shown with the reader's thousands separator (years and line numbers are not). */
const AMOUNT_PARAMS: Partial<Record<RowErrorCode, readonly string[]>> = {
  too_long: ['max'],
  out_of_range: ['min', 'max'],
  field_too_long: ['max'],
};

/**
 * The i18next values for the {{name}} placeholders of `words` (the Indonesian sentence, which
 * has the same placeholders as the English one), taken from `params`, the `amounts` among them
 * with the reader's thousands separator; null when one is missing or an amount is no number.
 */
function placeholderValues(
  words: string,
  params: Record<string, string> | undefined,
  amounts: readonly string[],
  language: string | undefined,
): TOptions | null {
  const values: TOptions = {};
  for (const [, name] of words.matchAll(/\{\{(\w+)\}\}/g)) {
    const value = params?.[name!];
    if (value === undefined) return null;
    if (amounts.includes(name!)) {
      const number = Number(value);
      if (value.trim() === '' || !Number.isSafeInteger(number)) return null;
      values[name!] = formatNumber(number, language);
    } else {
      values[name!] = value;
    }
  }
  return values;
}

/**
 * A refused row's problem in the reader's words, from its code and arguments; the server's own
 * message when the code is empty or unknown here, or an argument the words need is missing.
 */
export function rowErrorMessage(
  t: TFunction,
  error: Pick<ImportRowError, 'code' | 'params' | 'message'>,
  language: string | undefined,
): string {
  const code = error.code;
  if (!code || !Object.hasOwn(id.imports.rowErrors, code)) return error.message;
  const known = code as RowErrorCode;
  const values = placeholderValues(id.imports.rowErrors[known], error.params, AMOUNT_PARAMS[known] ?? [], language);
  return values ? t(`imports.rowErrors.${known}`, values) : error.message;
}

type JobNoteCode = keyof typeof id.imports.jobNotes;

/**
 * What a job says about the whole file (why it failed, a column it skipped) in the reader's
 * words, from its code and arguments; the server's English when the code is missing or unknown
 * here, or an argument the words need is missing. Line numbers stay as they are.
 */
export function jobNoteMessage(
  t: TFunction,
  note: { code: string | null | undefined; params: Record<string, string> | undefined; message: string },
): string {
  const code = note.code;
  if (!code || !Object.hasOwn(id.imports.jobNotes, code)) return note.message;
  const known = code as JobNoteCode;
  const values = placeholderValues(id.imports.jobNotes[known], note.params, [], undefined);
  return values ? t(`imports.jobNotes.${known}`, values) : note.message;
}
