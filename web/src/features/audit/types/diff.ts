// An audit entry's record before and after the change, side by side, field by field.
import type { AuditEntry } from './index';

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  /** Whether the record had the field before / has it after (a creation has no before). */
  inBefore: boolean;
  inAfter: boolean;
  changed: boolean;
}

/** Equal as JSON values: the same scalars, arrays and objects whatever their keys' order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

/**
 * Every field of the record before and after, in the order the record lists them (the fields
 * after the change first, then any the change removed), each marked changed or not. A creation
 * lists every field as changed, with nothing before; an entry without any record lists none.
 */
export function diffRows(entry: Pick<AuditEntry, 'before' | 'after'>): DiffRow[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields.map((field) => {
    const inBefore = Object.hasOwn(before, field);
    const inAfter = Object.hasOwn(after, field);
    const changed = inBefore !== inAfter || !sameValue(before[field], after[field]);
    return { field, before: inBefore ? before[field] : undefined, after: inAfter ? after[field] : undefined, inBefore, inAfter, changed };
  });
}

/** How many fields changed: for the line above the table. */
export function changedCount(rows: readonly DiffRow[]): number {
  return rows.filter((row) => row.changed).length;
}
