// What the bundles share: the shape an English bundle is checked against, and words that stand the
// same in more than one bundle (each bundle still carries its own copy when built, so a lazily
// loaded bundle needs no other).
import type { AssistanceKind } from '../assistance';

/** A bundle's shape with every text a plain string: what its English twin must match key for key. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** Each language as its own speakers write it: the same in every language. */
export const LANGUAGE_NAMES = {
  names: {
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  short: {
    id: 'ID',
    en: 'EN',
  },
};

/** The kinds of assistance (a programme's ledger, the dashboards, the change log's values). */
export const ASSISTANCE_KIND_WORDS: Record<'id' | 'en', Record<AssistanceKind, string>> = {
  id: {
    soft_loan: 'Pinjaman lunak',
    grant: 'Hibah',
    working_capital: 'Modal kerja',
    equipment: 'Peralatan',
    training_seat: 'Kursi pelatihan',
    exhibition_slot: 'Stan pameran',
    market_access: 'Akses pasar',
    consultation: 'Konsultasi',
  },
  en: {
    soft_loan: 'Soft loan',
    grant: 'Grant',
    working_capital: 'Working capital',
    equipment: 'Equipment',
    training_seat: 'Training seat',
    exhibition_slot: 'Exhibition slot',
    market_access: 'Market access',
    consultation: 'Consultation',
  },
};
