import { valuesOf, type Schemas } from './api/schemas';

/** The kinds of help a programme's assistance ledger records (the equity dashboard filters by them), in the server's order. */
export type AssistanceKind = Schemas['AssistanceKind'];
export const ASSISTANCE_KINDS = valuesOf<AssistanceKind>()([
  'soft_loan',
  'grant',
  'working_capital',
  'equipment',
  'training_seat',
  'exhibition_slot',
  'market_access',
  'consultation',
]);

export function isAssistanceKind(value: unknown): value is AssistanceKind {
  return typeof value === 'string' && (ASSISTANCE_KINDS as readonly string[]).includes(value);
}
