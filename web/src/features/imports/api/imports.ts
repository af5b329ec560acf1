import { API_BASE, api, withSignal } from '../../../lib/api-client';
import {
  headerFileName,
  type ImportErrorPage,
  type ImportJob,
  type ImportJobPage,
  type ImportMode,
} from '../types';

/** POST /imports with the CSV as the raw body; the server answers 202 with the queued job. */
export function startImport(file: File, mode: ImportMode, dryRun: boolean, idempotencyKey?: string): Promise<ImportJob> {
  return api.upload<ImportJob>('/imports', file, {
    query: { kind: 'enterprises', mode, dry_run: dryRun },
    contentType: 'text/csv',
    headers: { 'X-File-Name': headerFileName(file.name) },
    idempotencyKey,
  });
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/imports/${id}`, withSignal(signal));
}

export function listImports(offset: number, limit: number, signal?: AbortSignal): Promise<ImportJobPage> {
  return api.get<ImportJobPage>('/imports', { query: { limit, offset }, ...withSignal(signal) });
}

export function importErrors(id: number, offset: number, limit: number, signal?: AbortSignal): Promise<ImportErrorPage> {
  return api.get<ImportErrorPage>(`/imports/${id}/errors`, { query: { limit, offset }, ...withSignal(signal) });
}

/**
 * The address of the errors as CSV, worded in the reader's language (Indonesian unless it is
 * English); a plain link downloads it with the session cookie.
 */
export function importErrorsCsvUrl(id: number, language: string | undefined): string {
  const lang = language?.startsWith('en') ? 'en' : 'id';
  return `${API_BASE}/imports/${id}/errors.csv?lang=${lang}`;
}
