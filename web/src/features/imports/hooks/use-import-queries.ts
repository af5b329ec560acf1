// The imports feature's reads and its one write through TanStack Query, keyed by `importKeys`.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importErrors, listImports, startImport } from '../api/imports';
import { importKeys } from '../api/keys';
import { isFinished, type ImportMode } from '../types';

export const LIST_POLL_MS = 3000;

export function useRecentImports(offset: number, limit: number) {
  return useQuery({
    queryKey: importKeys.page(offset, limit),
    queryFn: ({ signal }) => listImports(offset, limit, signal),
    placeholderData: keepPreviousData,
    // While a job on the page waits or runs, the page is read again, so its status moves on by itself.
    refetchInterval: (q) => (q.state.data?.items.some((job) => !isFinished(job)) ? LIST_POLL_MS : false),
  });
}

/** A page of a job's failed rows; nothing loads while `enabled` is false (no rows stored). */
export function useImportErrors(id: number, offset: number, limit: number, progress: { visible: number; finished: boolean; enabled: boolean }) {
  return useQuery({
    queryKey: importKeys.errors(id, offset, progress.visible, progress.finished),
    queryFn: ({ signal }) => importErrors(id, offset, limit, signal),
    enabled: progress.enabled,
    placeholderData: keepPreviousData,
  });
}

/** A new import job: the list of recent imports gains it. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, dryRun, idempotencyKey }: { file: File; mode: ImportMode; dryRun: boolean; idempotencyKey?: string }) =>
      startImport(file, mode, dryRun, idempotencyKey),
    onSuccess: () => void client.invalidateQueries({ queryKey: importKeys.pages() }),
  });
}
