// Money in gotong is whole rupiah (int64 on the server). Shown the Indonesian way:
// "Rp 1.500.000" — dots group thousands, no decimals. The space after "Rp" is a
// no-break space (U+00A0) so the amount never wraps away from its symbol.

const formatter = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** Formats whole rupiah; throws on NaN or infinity instead of printing "Rp NaN". */
export function formatRupiah(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isFinite(amount)) {
    throw new RangeError(`formatRupiah: not a finite amount: ${amount}`);
  }
  // Intl writes "Rp 1.500.000" with U+00A0; normalise any other space it may use.
  return formatter.format(amount).replace(/\s/u, '\u00a0');
}

const grouping = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** "1.500.000": an amount as it is written back into a form field, without the symbol. */
export function formatAmountInput(amount: number): string {
  return grouping.format(amount);
}

/** Why typed text is not an amount; each has its own message in i18n (`amount.*`). */
export type AmountProblem = 'empty' | 'invalid_format' | 'negative' | 'fraction' | 'too_large';

export type ParsedAmount = { ok: true; value: number } | { ok: false; problem: AmountProblem };

const DIGITS = /^\d+$/;

/**
 * Whole rupiah as people type them, by the same rules as the server's import and API:
 * "1500000", "1.500.000", "Rp 1.500.000", "1,500,000", "1.500.000,00" and "1 500 000".
 * Negative amounts and fractions of a rupiah are refused. The result stays within the
 * numbers JavaScript holds exactly (9 quadrillion rupiah), far above any MSME's turnover.
 */
export function parseRupiah(text: string): ParsedAmount {
  const fail = (problem: AmountProblem): ParsedAmount => ({ ok: false, problem });
  let value = text.trim();
  if (/^rp/i.test(value)) {
    value = value.slice(2).trim();
    if (value.startsWith('.')) value = value.slice(1).trim();
  }
  if (value === '') return fail('empty');
  if (value.startsWith('-')) return fail('negative');

  // A decimal part of one or two zeros after the last `decimal` separator is dropped.
  const stripZeroDecimals = (decimal: string): string | null => {
    const at = value.lastIndexOf(decimal);
    if (at < 0) return value;
    const fraction = value.slice(at + 1);
    if (fraction.length === 0 || fraction.length > 2 || !DIGITS.test(fraction)) return value;
    if (/[1-9]/.test(fraction)) return null;
    return value.slice(0, at);
  };

  const hasDot = value.includes('.');
  const hasComma = value.includes(',');
  let group = '';
  if (hasDot && hasComma) {
    group = value.indexOf('.') < value.indexOf(',') ? '.' : ',';
    const stripped = stripZeroDecimals(group === '.' ? ',' : '.');
    if (stripped === null) return fail('fraction');
    value = stripped;
  } else if (hasComma) {
    // "1,500,000" groups thousands; "1500,00" has a decimal part.
    const stripped = stripZeroDecimals(',');
    if (stripped === null) return fail('fraction');
    if (stripped.length !== value.length && value.length - stripped.length <= 3) {
      value = stripped;
    } else {
      group = ',';
    }
  } else if (hasDot) {
    group = '.';
  }

  let digits = '';
  if (group) {
    const parts = value.split(group);
    for (const [i, part] of parts.entries()) {
      const fits = i === 0 ? part.length >= 1 && part.length <= 3 : part.length === 3;
      if (!DIGITS.test(part) || !fits) return fail('invalid_format');
      digits += part;
    }
  } else {
    digits = value.replace(/ /g, '');
    if (!DIGITS.test(digits)) return fail('invalid_format');
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  const amount = Number(digits);
  if (digits.length > 16 || !Number.isSafeInteger(amount)) return fail('too_large');
  return { ok: true, value: amount };
}
