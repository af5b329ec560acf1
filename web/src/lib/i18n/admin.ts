// The admin pages' texts join the app's when one of those pages first renders: they travel in the
// pages' own chunk, so that a group leader's phone (and every first visit) does not download them.
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { adminEn } from './admin-en';
import { adminId } from './admin-id';
import type { Language } from './index';

export const ADMIN_RESOURCES: Record<Language, object> = { id: adminId, en: adminEn };

const added = new WeakSet<I18n>();

/** Adds the admin texts to `i18n` once (deep, so `regions.browse` joins `regions`; nothing is overwritten). */
export function addAdminTexts(i18n: I18n): void {
  if (added.has(i18n)) return;
  for (const [language, texts] of Object.entries(ADMIN_RESOURCES)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
  }
  added.add(i18n);
}

/** For an admin page's component: its texts are there before it or anything in it translates. */
export function useAdminTexts(): void {
  const { i18n } = useTranslation();
  addAdminTexts(i18n);
}
