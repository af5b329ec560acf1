// The surveys tab's texts (surveys-id.ts, surveys-en.ts) join the app's texts under `surveys` when
// the tab first renders: they travel in the tab's own chunk, so that a first visit to the group
// workspace does not download them (as the learning tab's texts do, learning.ts).
import { lazyTexts, type Language } from './index';
import { surveysEn } from './surveys-en';
import { surveysId } from './surveys-id';

export const SURVEYS_RESOURCES: Record<Language, { surveys: typeof surveysId }> = {
  id: { surveys: surveysId },
  en: { surveys: surveysEn },
};

/** addSurveysTexts(i18n) once per instance; useSurveysTexts() in the surveys tab. */
export const { add: addSurveysTexts, use: useSurveysTexts } = lazyTexts(SURVEYS_RESOURCES);
