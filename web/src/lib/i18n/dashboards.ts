// The dashboards' texts (dashboards-id.ts, dashboards-en.ts) join the app's texts under `dashboards`
// when a dashboard first renders: they travel in the dashboards' own chunk (as the programmes pages'
// texts do, programmes.ts).
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from './index';
import { dashboardsEn } from './dashboards-en';
import { dashboardsId } from './dashboards-id';

export const DASHBOARDS_RESOURCES: Record<Language, { dashboards: typeof dashboardsId }> = {
  id: { dashboards: dashboardsId },
  en: { dashboards: dashboardsEn },
};

const added = new WeakSet<I18n>();

/** Adds the dashboards' texts to `i18n` once (deep; nothing is overwritten). */
export function addDashboardsTexts(i18n: I18n): void {
  if (added.has(i18n)) return;
  for (const [language, texts] of Object.entries(DASHBOARDS_RESOURCES)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
  }
  added.add(i18n);
}

/** For the dashboards tab's component: its texts are there before it or anything in it translates. */
export function useDashboardsTexts(): void {
  const { i18n } = useTranslation();
  addDashboardsTexts(i18n);
}
