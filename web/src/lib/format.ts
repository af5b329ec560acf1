// Numbers and dates in the reader's language: "14.579" and "23 Nov 2026" in Indonesian,
// "14,579" and "23 Nov 2026" in English. Money has its own module (rupiah.ts).

/** The BCP 47 locale for an app language ("id" → "id-ID"); unknown languages read as Indonesian. */
export function localeOf(language: string | undefined): string {
  return language?.startsWith('en') ? 'en-GB' : 'id-ID';
}

export function formatNumber(value: number, language: string | undefined): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(value);
}

/** A share 0..1 as "13,5%" / "13.5%"; one decimal, none when whole. */
export function formatPercent(share: number, language: string | undefined): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

function parseInstant(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "23 Nov 2026" in the browser's time zone; the raw text when it is not a date. */
export function formatDate(iso: string, language: string | undefined): string {
  const date = parseInstant(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "23 Nov 2026 15.02" in the browser's time zone; the raw text when it is not a date. */
export function formatDateTime(iso: string, language: string | undefined): string {
  const date = parseInstant(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "540 KB", "1,2 MB": file sizes in powers of 1024, one decimal above a kilobyte. */
export function formatBytes(bytes: number, language: string | undefined): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${BYTE_UNITS[unit]}`;
}

/** A calendar day "2026-11-23" as a UTC midnight, or null when the text is not one. */
function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]) ? date : null;
}

/**
 * A calendar day (no time, no zone) as people write it: "23 Nov 2026", or "23 November 2026"
 * with `month: 'long'`. Read as that day wherever the browser is; the raw text when it is not a day.
 */
export function formatDay(day: string, language: string | undefined, month: 'short' | 'long' = 'short'): string {
  const date = parseDay(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A day known only as far as `precision` says: "2017", "Mar 2017" or "5 Mar 2017". */
export function formatPartialDay(day: string, precision: 'year' | 'month' | 'day', language: string | undefined): string {
  if (precision === 'year') return day.slice(0, 4);
  if (precision === 'month') return formatMonth(day.slice(0, 7), language);
  return formatDay(day, language);
}

/** A month "2026-11" as "Nov 2026" (or "November 2026"); the raw text when it is not a month. */
export function formatMonth(month: string, language: string | undefined, style: 'short' | 'long' = 'short'): string {
  const date = parseDay(`${month}-01`);
  if (!date) return month;
  return new Intl.DateTimeFormat(localeOf(language), { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today in the browser's own calendar, as "2026-11-23" (what a date input holds). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A record's details on one line, the parts it has between middle dots: "Kuliner · Mikro · Ngajum". */
export function joinDetails(parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join(' · ');
}
