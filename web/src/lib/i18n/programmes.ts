// The programmes pages' texts (programmes-id.ts, programmes-en.ts) join the app's texts under
// `programmes` when one of those pages first renders: they travel in the pages' own chunk, so that
// a first visit elsewhere does not download them (as the learning tab's texts do, learning.ts).
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from './index';
import { PROGRAMMES_FIELD_ERRORS } from './programmes-field-errors';
import { programmesEn } from './programmes-en';
import { programmesId } from './programmes-id';

export const PROGRAMMES_RESOURCES: Record<Language, { programmes: typeof programmesEn }> = {
  id: { programmes: programmesId },
  en: { programmes: programmesEn },
};

const added = new WeakSet<I18n>();

/** Adds the programmes' texts to `i18n` once (deep; nothing is overwritten). */
export function addProgrammesTexts(i18n: I18n): void {
  if (added.has(i18n)) return;
  for (const [language, texts] of Object.entries(PROGRAMMES_RESOURCES)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
    i18n.addResourceBundle(language, 'translation', { fieldErrors: PROGRAMMES_FIELD_ERRORS[language as Language] }, true, false);
  }
  added.add(i18n);
}

/** For a programmes page's component: its texts are there before it or anything in it translates. */
export function useProgrammesTexts(): void {
  const { i18n } = useTranslation();
  addProgrammesTexts(i18n);
}
