// The dashboards' texts (dashboards-id.ts, dashboards-en.ts) join the app's texts under `dashboards`
// when a dashboard first renders: they travel in the dashboards' own chunk (as the programmes pages'
// texts do, programmes.ts).
import { lazyTexts, type Language } from './index';
import { dashboardsEn } from './dashboards-en';
import { dashboardsId } from './dashboards-id';

export const DASHBOARDS_RESOURCES: Record<Language, { dashboards: typeof dashboardsId }> = {
  id: { dashboards: dashboardsId },
  en: { dashboards: dashboardsEn },
};

/** addDashboardsTexts(i18n) once per instance; useDashboardsTexts() in the dashboards tab. */
export const { add: addDashboardsTexts, use: useDashboardsTexts } = lazyTexts(DASHBOARDS_RESOURCES);
