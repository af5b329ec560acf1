// Makes t('some.key') a compile error when the key is not in the Indonesian resources.
import 'i18next';
import type { id } from './id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}
