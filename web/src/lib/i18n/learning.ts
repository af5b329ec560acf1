// The learning tab's texts (learning-id.ts, learning-en.ts; the mentor matching pages' too) join
// the app's `mentoring` texts when the tab or one of those pages first renders: they travel in the tab's own chunk, so that a first visit to the group
// workspace does not download them (as the admin pages' texts do, admin.ts).
import { lazyTexts, type Language } from './index';
import { learningEn } from './learning-en';
import { learningId } from './learning-id';

export const LEARNING_RESOURCES: Record<Language, { mentoring: typeof learningId }> = {
  id: { mentoring: learningId },
  en: { mentoring: learningEn },
};

/** addLearningTexts(i18n) once per instance (they join `mentoring`); useLearningTexts() in the tab or a matching page. */
export const { add: addLearningTexts, use: useLearningTexts } = lazyTexts(LEARNING_RESOURCES);
