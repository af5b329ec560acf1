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
