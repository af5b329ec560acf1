import { describe, expect, it } from 'vitest';
import { formatAmountInput, formatRupiah, parseRupiah } from './rupiah';

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

describe('parseRupiah', () => {
  const ok = (value: number) => ({ ok: true, value });
  const fail = (problem: string) => ({ ok: false, problem });

  it('reads plain digits and Indonesian thousands dots', () => {
    expect(parseRupiah('1500000')).toEqual(ok(1_500_000));
    expect(parseRupiah('1.500.000')).toEqual(ok(1_500_000));
    expect(parseRupiah('  25.000 ')).toEqual(ok(25_000));
    expect(parseRupiah('0')).toEqual(ok(0));
  });

  it('accepts the Rp symbol, with or without a dot or space after it', () => {
    expect(parseRupiah('Rp 1.500.000')).toEqual(ok(1_500_000));
    expect(parseRupiah('rp1.500.000')).toEqual(ok(1_500_000));
    expect(parseRupiah('Rp. 750')).toEqual(ok(750));
    expect(parseRupiah(`Rp${NBSP}2.000`)).toEqual(ok(2_000));
  });

  it('drops a zero decimal part written the Indonesian or the English way', () => {
    expect(parseRupiah('1.500.000,00')).toEqual(ok(1_500_000));
    expect(parseRupiah('1,500,000.00')).toEqual(ok(1_500_000));
    expect(parseRupiah('1500,00')).toEqual(ok(1_500));
    expect(parseRupiah('1500,0')).toEqual(ok(1_500));
  });

  it('reads commas as thousands separators when they group by three', () => {
    expect(parseRupiah('1,500,000')).toEqual(ok(1_500_000));
    expect(parseRupiah('1 500 000')).toEqual(ok(1_500_000));
  });

  it('refuses negative amounts and cents', () => {
    expect(parseRupiah('-5000')).toEqual(fail('negative'));
    expect(parseRupiah('Rp -5.000')).toEqual(fail('negative'));
    expect(parseRupiah('1.500.000,50')).toEqual(fail('fraction'));
    expect(parseRupiah('1500,5')).toEqual(fail('fraction'));
  });

  it('refuses text that is not an amount, and badly grouped digits', () => {
    expect(parseRupiah('')).toEqual(fail('empty'));
    expect(parseRupiah('Rp')).toEqual(fail('empty'));
    expect(parseRupiah('satu juta')).toEqual(fail('invalid_format'));
    expect(parseRupiah('1.50')).toEqual(fail('invalid_format'));
    expect(parseRupiah('1500.000.00')).toEqual(fail('invalid_format'));
    expect(parseRupiah('12a')).toEqual(fail('invalid_format'));
    expect(parseRupiah('1e6')).toEqual(fail('invalid_format'));
  });

  it('refuses amounts too large to hold exactly', () => {
    expect(parseRupiah('9.007.199.254.740.991')).toEqual(ok(9_007_199_254_740_991));
    expect(parseRupiah('99.999.999.999.999.999')).toEqual(fail('too_large'));
  });
});

describe('formatAmountInput', () => {
  it('writes an amount back with thousands dots and no symbol', () => {
    expect(formatAmountInput(1_500_000)).toBe('1.500.000');
    expect(formatAmountInput(0)).toBe('0');
  });
});
