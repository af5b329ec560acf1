import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, formatPercent, localeOf } from './format';

describe('format', () => {
  it('maps app languages to locales, Indonesian by default', () => {
    expect(localeOf('id')).toBe('id-ID');
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf(undefined)).toBe('id-ID');
  });

  it('groups thousands the way each language does', () => {
    expect(formatNumber(14579, 'id')).toBe('14.579');
    expect(formatNumber(14579, 'en')).toBe('14,579');
  });

  it('writes shares as percentages with at most one decimal', () => {
    expect(formatPercent(0.135, 'id')).toBe('13,5%');
    expect(formatPercent(0.135, 'en')).toBe('13.5%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('writes file sizes in binary units', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(600_000, 'en')).toBe('585.9 KB');
    expect(formatBytes(1_258_291, 'id')).toBe('1,2 MB');
    expect(formatBytes(512 * 1024 * 1024, 'en')).toBe('512 MB');
  });

  it('returns text that is not a date unchanged instead of "Invalid Date"', () => {
    expect(formatDate('kemarin', 'id')).toBe('kemarin');
    expect(formatDate('2026-11-23T08:00:00Z', 'id')).toMatch(/2026/);
  });
});
