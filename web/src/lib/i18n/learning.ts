// The learning tab's texts (learning-id.ts, learning-en.ts; the mentor matching pages' too) join
// the app's `mentoring` texts when the tab or one of those pages first renders: they travel in the tab's own chunk, so that a first visit to the group
// workspace does not download them (as the admin pages' texts do, admin.ts).
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from './index';
import { learningEn } from './learning-en';
import { learningId } from './learning-id';

export const LEARNING_RESOURCES: Record<Language, { mentoring: typeof learningId }> = {
  id: { mentoring: learningId },
  en: { mentoring: learningEn },
};

const added = new WeakSet<I18n>();

/** Adds the learning texts to `i18n` once (deep, so they join `mentoring`; nothing is overwritten). */
export function addLearningTexts(i18n: I18n): void {
  if (added.has(i18n)) return;
  for (const [language, texts] of Object.entries(LEARNING_RESOURCES)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
  }
  added.add(i18n);
}

/** For the learning tab's component: its texts are there before it or anything in it translates. */
export function useLearningTexts(): void {
  const { i18n } = useTranslation();
  addLearningTexts(i18n);
}
