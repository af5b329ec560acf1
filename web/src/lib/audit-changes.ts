// What changed in one audit entry, field by field, for the change history on a record's page.
import type { Schemas } from './api/schemas';

type AuditEntry = Schemas['AuditEntry'];

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change with every write and say nothing to the reader. */
const IGNORED = new Set(['id', 'created_at', 'updated_at', 'stale']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields whose value differs between `before` and `after`, in the order the record
 * lists them. A creation lists every field it filled in; nothing is listed twice.
 */
export function changesOf(entry: Pick<AuditEntry, 'before' | 'after'>): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields
    .filter((field) => !IGNORED.has(field))
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Who made the change; null for the system. */
export function actorOf(entry: Pick<AuditEntry, 'actor'>): string | null {
  return entry.actor?.username ?? null;
}
