import { describe, expect, it } from 'vitest';
import { addAdminTexts, ADMIN_RESOURCES } from './admin';
import { adminEn } from './admin-en';
import { adminId } from './admin-id';
import { addDashboardsTexts, DASHBOARDS_RESOURCES } from './dashboards';
import { dashboardsEn } from './dashboards-en';
import { dashboardsId } from './dashboards-id';
import { en } from './en';
import { id } from './id';
import { createI18n, LANGUAGE_STORAGE_KEY, readStoredLanguage, switchLanguage } from './index';
import { addLearningTexts, LEARNING_RESOURCES } from './learning';
import { learningEn } from './learning-en';
import { learningId } from './learning-id';
import { addProgrammesTexts, PROGRAMMES_RESOURCES } from './programmes';
import { programmesEn } from './programmes-en';
import { programmesId } from './programmes-id';
import { addSurveysTexts, SURVEYS_RESOURCES } from './surveys';
import { surveysEn } from './surveys-en';
import { surveysId } from './surveys-id';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (node === null || typeof node !== 'object') throw new Error(`unexpected value at ${prefix}`);
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function leafValues(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.values(node as object).flatMap(leafValues);
}

/** Every bundle the app has, per language: its own texts and the admin pages' (checked alike). */
const BUNDLES = [
  { name: 'app', id, en, byLanguage: { id, en } },
  { name: 'admin', id: adminId, en: adminEn, byLanguage: ADMIN_RESOURCES },
  { name: 'learning', id: learningId, en: learningEn, byLanguage: { id: learningId, en: learningEn } },
  { name: 'surveys', id: surveysId, en: surveysEn, byLanguage: { id: surveysId, en: surveysEn } },
  { name: 'programmes', id: programmesId, en: programmesEn, byLanguage: { id: programmesId, en: programmesEn } },
  { name: 'dashboards', id: dashboardsId, en: dashboardsEn, byLanguage: { id: dashboardsId, en: dashboardsEn } },
];

describe.each(BUNDLES)('the $name translations', ({ id, en, byLanguage }) => {
  it('have exactly the same keys in Indonesian and English', () => {
    const idKeys = leafKeys(id).sort();
    const enKeys = leafKeys(en).sort();
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [language, bundle] of Object.entries(byLanguage)) {
      const values = leafValues(bundle);
      const empty = leafKeys(bundle).filter((_, i) => values[i]!.trim() === '');
      expect(empty, `empty strings in ${language}`).toEqual([]);
    }
  });

  it('give every plural the forms each language needs', () => {
    for (const [language, bundle] of Object.entries(byLanguage)) {
      const keys = leafKeys(bundle);
      const bases = new Set(keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of bases) {
        for (const category of needed) expect(keys, `${language}: ${base}_${category}`).toContain(`${base}_${category}`);
      }
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const idKeys = leafKeys(id);
    const idValues = leafValues(id);
    const enValues = leafValues(en);
    const enByKey = new Map(leafKeys(en).map((k, i) => [k, enValues[i]!]));
    idKeys.forEach((key, i) => {
      expect(vars(enByKey.get(key)!), key).toEqual(vars(idValues[i]!));
    });
  });
});

describe('the admin texts', () => {
  it('join the app’s texts once, in both languages, without replacing any', () => {
    const i18n = createI18n('id');
    expect(i18n.exists('users.title')).toBe(false);
    addAdminTexts(i18n);
    addAdminTexts(i18n);
    expect(i18n.t('users.title')).toBe('Pengguna');
    expect(i18n.t('regions.browse.title')).toBe('Wilayah resmi');
    expect(i18n.t('regions.province')).toBe('Provinsi');
    expect(i18n.t('users.title', { lng: 'en' })).toBe('Users');
  });

  it('share no key with the app’s texts (none would be silently dropped)', () => {
    const appKeys = new Set(leafKeys(id));
    expect(leafKeys(adminId).filter((key) => appKeys.has(key))).toEqual([]);
  });
});

describe('the learning tab’s texts', () => {
  it('join the app’s mentoring texts once, in both languages, without replacing any', () => {
    const i18n = createI18n('id');
    expect(i18n.exists('mentoring.stages.planning')).toBe(false);
    addLearningTexts(i18n);
    addLearningTexts(i18n);
    expect(i18n.t('mentoring.stages.planning')).toBe('Perencanaan');
    expect(i18n.t('mentoring.competencies.title')).toBe('Kompetensi');
    expect(i18n.t('mentoring.stages.planning', { lng: 'en' })).toBe('Planning');
    expect(Object.keys(LEARNING_RESOURCES)).toEqual(['id', 'en']);
  });

  it('share no key with the app’s texts (none would be silently dropped)', () => {
    const appKeys = new Set(leafKeys(id));
    expect(leafKeys({ mentoring: learningId }).filter((key) => appKeys.has(key))).toEqual([]);
  });
});

describe('the surveys tab’s texts', () => {
  it('join the app’s texts once, in both languages, without replacing any', () => {
    const i18n = createI18n('id');
    expect(i18n.exists('surveys.list.title')).toBe(false);
    addSurveysTexts(i18n);
    addSurveysTexts(i18n);
    expect(i18n.t('surveys.list.title')).toBe('Survei');
    expect(i18n.t('surveys.scale.agree.5')).toBe('Sangat setuju');
    expect(i18n.t('surveys.list.title', { lng: 'en' })).toBe('Surveys');
    expect(Object.keys(SURVEYS_RESOURCES)).toEqual(['id', 'en']);
  });

  it('share no key with the app’s texts (none would be silently dropped)', () => {
    const appKeys = new Set(leafKeys(id));
    expect(leafKeys({ surveys: surveysId }).filter((key) => appKeys.has(key))).toEqual([]);
  });
});

describe('the programmes pages’ texts', () => {
  it('join the app’s texts once, in both languages, without replacing any', () => {
    const i18n = createI18n('id');
    expect(i18n.exists('programmes.title')).toBe(false);
    addProgrammesTexts(i18n);
    addProgrammesTexts(i18n);
    expect(i18n.t('programmes.title')).toBe('Program');
    expect(i18n.t('programmes.title', { lng: 'en' })).toBe('Programmes');
    expect(Object.keys(PROGRAMMES_RESOURCES)).toEqual(['id', 'en']);
  });

  it('share no key with the app’s texts (none would be silently dropped)', () => {
    const appKeys = new Set(leafKeys(id));
    expect(leafKeys({ programmes: programmesId }).filter((key) => appKeys.has(key))).toEqual([]);
  });
});

describe('the dashboards’ texts', () => {
  it('join the app’s texts once, in both languages, without replacing any', () => {
    const i18n = createI18n('id');
    expect(i18n.exists('dashboards.title')).toBe(false);
    addDashboardsTexts(i18n);
    addDashboardsTexts(i18n);
    expect(i18n.t('dashboards.equity.title')).toBe('Dasbor pemerataan');
    expect(i18n.t('dashboards.equity.title', { lng: 'en' })).toBe('Equity dashboard');
    expect(Object.keys(DASHBOARDS_RESOURCES)).toEqual(['id', 'en']);
  });

  it('share no key with the app’s texts (none would be silently dropped)', () => {
    const appKeys = new Set(leafKeys(id));
    expect(leafKeys({ dashboards: dashboardsId }).filter((key) => appKeys.has(key))).toEqual([]);
  });
});

describe('language choice', () => {
  it('starts in Indonesian when nothing is stored', () => {
    expect(readStoredLanguage()).toBe('id');
    const i18n = createI18n();
    expect(i18n.language).toBe('id');
    expect(i18n.t('nav.home')).toBe('Beranda');
    expect(document.documentElement.lang).toBe('id');
  });

  it('ignores a stored value that is not a supported language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('id');
  });

  it('persists a switch to English and sets <html lang>', async () => {
    const i18n = createI18n('id');
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(readStoredLanguage()).toBe('en');
  });
});

describe('switching language', () => {
  it('fetches and adds the chosen language to an instance that started without it', async () => {
    const i18n = createI18n('id');
    i18n.removeResourceBundle('en', 'translation');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await switchLanguage(i18n, 'en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('common.search')).toBe(en.common.search);
    expect(document.documentElement.lang).toBe('en');
  });

  it('still fetches the chosen language when a lazily loaded part added its own texts for it first', async () => {
    const i18n = createI18n('id');
    i18n.removeResourceBundle('en', 'translation');
    addAdminTexts(i18n);
    addLearningTexts(i18n);
    addSurveysTexts(i18n);
    await switchLanguage(i18n, 'en');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(i18n.t('users.title')).toBe('Users');
    expect(i18n.t('mentoring.stages.closed')).toBe('Closed');
    expect(i18n.t('surveys.list.title')).toBe('Surveys');
  });
});
