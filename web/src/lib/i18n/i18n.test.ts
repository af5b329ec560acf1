import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { createI18n, LANGUAGE_STORAGE_KEY, readStoredLanguage, resources } from './index';

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

describe('translations', () => {
  it('have exactly the same keys in Indonesian and English', () => {
    const idKeys = leafKeys(id).sort();
    const enKeys = leafKeys(en).sort();
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [language, bundle] of Object.entries(resources)) {
      const values = leafValues(bundle.translation);
      const empty = leafKeys(bundle.translation).filter((_, i) => values[i]!.trim() === '');
      expect(empty, `empty strings in ${language}`).toEqual([]);
    }
  });

  it('give every plural the forms each language needs', () => {
    for (const [language, bundle] of Object.entries(resources)) {
      const keys = leafKeys(bundle.translation);
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
    const enByKey = new Map(leafKeys(en).map((k, i) => [k, leafValues(en)[i]!]));
    idKeys.forEach((key, i) => {
      expect(vars(enByKey.get(key)!), key).toEqual(vars(idValues[i]!));
    });
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
