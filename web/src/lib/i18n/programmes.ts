// The programmes pages' texts (programmes-id.ts, programmes-en.ts) join the app's texts under
// `programmes` when one of those pages first renders: they travel in the pages' own chunk, so that
// a first visit elsewhere does not download them (as the learning tab's texts do, learning.ts).
// The words of the field codes only these pages meet join the app's `fieldErrors` with them.
import { lazyTexts, type Language } from './index';
import { PROGRAMMES_FIELD_ERRORS } from './programmes-field-errors';
import { programmesEn } from './programmes-en';
import { programmesId } from './programmes-id';

export const PROGRAMMES_RESOURCES: Record<Language, { programmes: typeof programmesEn; fieldErrors: Record<string, string> }> = {
  id: { programmes: programmesId, fieldErrors: PROGRAMMES_FIELD_ERRORS.id },
  en: { programmes: programmesEn, fieldErrors: PROGRAMMES_FIELD_ERRORS.en },
};

/** addProgrammesTexts(i18n) once per instance; useProgrammesTexts() in a programmes page. */
export const { add: addProgrammesTexts, use: useProgrammesTexts } = lazyTexts(PROGRAMMES_RESOURCES);
