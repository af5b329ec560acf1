import { describe, expect, it } from 'vitest';
import { headerFileName, isFinished, jobFromAccepted, MAX_UPLOAD_BYTES, progressPercent, uploadProblem } from './index';

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

describe('jobFromAccepted', () => {
  it('reads the job whether or not the 202 answer wraps it', () => {
    const job = { id: 4, status: 'queued' };
    expect(jobFromAccepted(job)).toBe(job);
    expect(jobFromAccepted({ job })).toBe(job);
  });
});
