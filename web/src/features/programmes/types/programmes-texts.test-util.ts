// The app's texts with the programmes pages' joined, for the pure functions' tests.
import type { TFunction } from 'i18next';
import { createI18n, type Language } from '../../../lib/i18n';
import { addProgrammesTexts } from '../../../lib/i18n/programmes';

export function programmeTexts(language: Language): TFunction {
  const i18n = createI18n(language);
  addProgrammesTexts(i18n);
  return i18n.t;
}
