// Makes t('some.key') a compile error when the key is not in the Indonesian resources: the app's
// texts, and the admin pages', the learning tab's, the surveys tab's, the programmes pages' and the
// dashboards' texts that those add when they load (admin.ts, learning.ts, surveys.ts, programmes.ts,
// dashboards.ts).
import 'i18next';
import type { adminId } from './admin-id';
import type { dashboardsId } from './dashboards-id';
import type { id } from './id';
import type { learningId } from './learning-id';
import type { programmesId } from './programmes-id';
import type { surveysId } from './surveys-id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof id &
        typeof adminId & { mentoring: typeof learningId } & { surveys: typeof surveysId } & { programmes: typeof programmesId } & {
          dashboards: typeof dashboardsId;
        };
    };
  }
}
