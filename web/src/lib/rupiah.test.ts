import { describe, expect, it } from 'vitest';
import { formatRupiah } from './rupiah';

const NBSP = '\u00a0';

describe('formatRupiah', () => {
  it('groups thousands with dots and shows no decimals', () => {
    expect(formatRupiah(1_500_000)).toBe(`Rp${NBSP}1.500.000`);
  });

  it('formats zero and small amounts without grouping', () => {
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
    expect(formatRupiah(750)).toBe(`Rp${NBSP}750`);
  });

  it('puts the minus sign before the symbol for negative amounts', () => {
    expect(formatRupiah(-25_000)).toBe(`-Rp${NBSP}25.000`);
  });

  it('rounds a fractional amount to whole rupiah', () => {
    expect(formatRupiah(1999.6)).toBe(`Rp${NBSP}2.000`);
  });

  it('formats int64-sized amounts given as bigint exactly', () => {
    expect(formatRupiah(9_007_199_254_740_993n)).toBe(`Rp${NBSP}9.007.199.254.740.993`);
  });

  it('refuses NaN and infinity instead of printing them', () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
