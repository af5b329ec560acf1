// The surveys tab's texts (surveys-id.ts, surveys-en.ts) join the app's texts under `surveys` when
// the tab first renders: they travel in the tab's own chunk, so that a first visit to the group
// workspace does not download them (as the learning tab's texts do, learning.ts).
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from './index';
import { surveysEn } from './surveys-en';
import { surveysId } from './surveys-id';

export const SURVEYS_RESOURCES: Record<Language, { surveys: typeof surveysId }> = {
  id: { surveys: surveysId },
  en: { surveys: surveysEn },
};

const added = new WeakSet<I18n>();

/** Adds the surveys' texts to `i18n` once (deep; nothing is overwritten). */
export function addSurveysTexts(i18n: I18n): void {
  if (added.has(i18n)) return;
  for (const [language, texts] of Object.entries(SURVEYS_RESOURCES)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
  }
  added.add(i18n);
}

/** For the surveys tab's component: its texts are there before it or anything in it translates. */
export function useSurveysTexts(): void {
  const { i18n } = useTranslation();
  addSurveysTexts(i18n);
}
