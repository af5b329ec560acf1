import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import type { ImportJob, ImportJobPage } from '../types';
import { nextPoll, withJob } from './use-import-job';

const job = (status: ImportJob['status']) => ({ status }) as ImportJob;
const failure = (status: number) => new ApiError({ type: 'urn:gotong:problem:x', status, title: 'x', detail: '', errors: [] });

describe('nextPoll', () => {
  it('reads a running job again after the interval, and a finished one never', () => {
    expect(nextPoll(undefined, 0, null, 1000)).toBe(1000);
    expect(nextPoll(job('running'), 0, null, 1000)).toBe(1000);
    expect(nextPoll(job('succeeded'), 0, null, 1000)).toBe(false);
    expect(nextPoll(job('failed'), 0, null, 1000)).toBe(false);
  });

  it('backs off after failures the network or server may get over, up to ten intervals', () => {
    expect(nextPoll(job('running'), 1, failure(503), 1000)).toBe(1000);
    expect(nextPoll(job('running'), 2, failure(0), 1000)).toBe(2000);
    expect(nextPoll(job('running'), 3, failure(500), 1000)).toBe(4000);
    expect(nextPoll(job('running'), 9, failure(500), 1000)).toBe(10_000);
  });

  it('stops when the server says the job is not there or not hers', () => {
    expect(nextPoll(undefined, 1, failure(404), 1000)).toBe(false);
    expect(nextPoll(job('running'), 1, failure(403), 1000)).toBe(false);
  });
});

describe('withJob', () => {
  const page = (...items: Array<Pick<ImportJob, 'id' | 'status'>>) => ({ items, total: items.length, limit: 20, offset: 0 }) as unknown as ImportJobPage;

  it('puts the newer state of a job on the page of recent imports in place of the old one', () => {
    const before = page({ id: 1, status: 'succeeded' }, { id: 2, status: 'queued' });
    const after = withJob(before, { id: 2, status: 'succeeded' } as ImportJob);
    expect(after.items.map((item) => [item.id, item.status])).toEqual([
      [1, 'succeeded'],
      [2, 'succeeded'],
    ]);
    expect(before.items[1]?.status).toBe('queued');
  });

  it('leaves a page without the job as it is', () => {
    const before = page({ id: 1, status: 'queued' });
    expect(withJob(before, { id: 9, status: 'succeeded' } as ImportJob)).toBe(before);
  });
});
