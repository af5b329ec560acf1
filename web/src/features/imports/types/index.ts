// CSV imports of enterprises: the job the server runs in the background, its progress, and
// the rows it could not take.
import type { ParseKeys, TFunction, TOptions } from 'i18next';
import { formatNumber } from '../../../lib/format';
import { id } from '../../../lib/i18n/id';
import type { Page } from '../../../lib/page';

export const IMPORT_MODES = ['insert', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: number;
  kind: string;
  mode: ImportMode;
  dry_run: boolean;
  status: ImportStatus;
  file_name: string | null;
  bytes_total: number;
  bytes_read: number;
  rows_read: number;
  rows_inserted: number;
  rows_updated: number;
  rows_failed: number;
  errors_stored: number;
  /** Why the job failed, in the server's English: shown only when `message_code` is not known here. */
  message: string | null;
  /** Why the job failed, as a stable code (imports.jobNotes in the i18n); null when none or unforeseen. */
  message_code: string | null;
  /** The code's arguments, such as {columns: 'kode_desa (village_code)'}. */
  message_params: Record<string, string>;
  /** What the job skipped, in the server's English. */
  warnings: string[];
  /** The same warnings as codes with their arguments, in the same order. */
  warning_details?: ImportJobNote[];
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A warning of a job as a code: `unknown_column` ({column}); null for warnings older than codes. */
export interface ImportJobNote {
  code: string | null;
  params: Record<string, string>;
}

export type ImportJobPage = Page<ImportJob>;

export interface ImportRowError {
  row: number;
  field: string | null;
  value: string | null;
  /** The server's English sentence: shown only when the code is not known here. */
  message: string;
  /** What is wrong, as a stable code (imports.rowErrors in the i18n); '' for old errors. */
  code: string;
  /** The code's arguments, such as {min: '0', max: '100000'}. */
  params: Record<string, string>;
}

export type ImportErrorPage = Page<ImportRowError>;

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

/** The 202 answer is `{job}`: the job itself, or wrapped as {"job": …}; both are read. */
export function jobFromAccepted(body: unknown): ImportJob {
  if (body && typeof body === 'object' && 'job' in body && (body).job) {
    return (body as { job: ImportJob }).job;
  }
  return body as ImportJob;
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
