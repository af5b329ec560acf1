// The imports feature's query keys.
export const importKeys = {
  all: ['imports'] as const,
  pages: () => [...importKeys.all, 'page'] as const,
  page: (offset: number, limit: number) => [...importKeys.pages(), { offset, limit }] as const,
  /** One job, read again while it runs. */
  job: (id: number) => [...importKeys.all, 'job', id] as const,
  /** A job's failed rows; `visible` and `finished` change while the job runs, so the page is asked again. */
  errors: (id: number, offset: number, visible: number, finished: boolean) =>
    [...importKeys.all, 'errors', id, { offset, visible, finished }] as const,
};
