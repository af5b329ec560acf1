// The admin pages' texts join the app's when one of those pages first renders: they travel in the
// pages' own chunk, so that a group leader's phone (and every first visit) does not download them.
import { adminEn } from './admin-en';
import { adminId } from './admin-id';
import { lazyTexts, type Language } from './index';

export const ADMIN_RESOURCES: Record<Language, object> = { id: adminId, en: adminEn };

/** addAdminTexts(i18n) once per instance (`regions.browse` joins `regions`); useAdminTexts() in an admin page. */
export const { add: addAdminTexts, use: useAdminTexts } = lazyTexts(ADMIN_RESOURCES);
