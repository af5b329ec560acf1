import type { ParseKeys } from 'i18next';

export interface NavItem {
  path: string;
  labelKey: ParseKeys<'translation'>;
  /** Areas that come in later releases show a placeholder page for now. */
  placeholderKey?: ParseKeys<'translation'>;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/registry', labelKey: 'nav.registry', placeholderKey: 'placeholder.registry' },
  { path: '/groups', labelKey: 'nav.groups', placeholderKey: 'placeholder.groups' },
  { path: '/mentoring', labelKey: 'nav.mentoring', placeholderKey: 'placeholder.mentoring' },
  { path: '/programmes', labelKey: 'nav.programmes', placeholderKey: 'placeholder.programmes' },
  { path: '/reports', labelKey: 'nav.reports', placeholderKey: 'placeholder.reports' },
  { path: '/account', labelKey: 'nav.account' },
];
