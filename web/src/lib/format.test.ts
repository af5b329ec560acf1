import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDay, formatMonth, formatNumber, formatPartialDay, formatPercent, localeOf, todayIso } from './format';

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

  it('writes a calendar day Indonesian style, the same day in every time zone', () => {
    expect(formatDay('2026-11-23', 'id')).toBe('23 Nov 2026');
    expect(formatDay('2026-11-23', 'id', 'long')).toBe('23 November 2026');
    expect(formatDay('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatDay('2026-11-23', 'en', 'long')).toBe('23 November 2026');
    expect(formatDay('2026-02-30', 'id')).toBe('2026-02-30');
    expect(formatDay('besok', 'id')).toBe('besok');
  });

  it('writes a month as its short name and year', () => {
    expect(formatMonth('2026-08', 'id')).toBe('Agu 2026');
    expect(formatMonth('2026-08', 'en')).toBe('Aug 2026');
    expect(formatMonth('2026-11', 'id', 'long')).toBe('November 2026');
    expect(formatMonth('2026-13', 'id')).toBe('2026-13');
  });

  it("gives today's date in the browser's calendar as a date input holds it", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('shows a day known only by its year or month as no more than is known', () => {
    expect(formatPartialDay('2017-01-01', 'year', 'id')).toBe('2017');
    expect(formatPartialDay('2019-03-01', 'month', 'id')).toBe(formatMonth('2019-03', 'id'));
    expect(formatPartialDay('2018-06-05', 'day', 'id')).toBe(formatDay('2018-06-05', 'id'));
  });
});
