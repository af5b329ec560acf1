// A person's own data as the registry keeps it (the owner of an enterprise, a group's member):
// the checks the server makes on a phone number and a NIK, shared by every form that writes one.

/**
 * An Indonesian phone number in the server's form: "0812-3456-7890", "+62 812 3456 7890" and
 * "62812…" all become "+6281234567890"; null when it cannot be one.
 */
export function normalisePhone(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\+?[\d\s\-.()]+$/.test(trimmed)) return null;
  const plus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');
  let national: string;
  if (digits.startsWith('62')) national = digits.slice(2);
  else if (plus) return null;
  else if (digits.startsWith('0')) national = digits.slice(1);
  else if (digits.startsWith('8')) national = digits;
  else return null;
  if (national.length < 8 || national.length > 12 || national.startsWith('0')) return null;
  return `+62${national}`;
}

/** 16 digits whose first two are a province code (11..94), like the server checks. */
export function isValidNik(value: string): boolean {
  if (!/^\d{16}$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  return province >= 11 && province <= 94;
}

/** A NIK as typed ("3579 0155 0180 0001", "3579-…"): the digits only, spaces and dashes dropped. */
export function compactNik(value: string): string {
  return value.replace(/[\s-]/g, '');
}
