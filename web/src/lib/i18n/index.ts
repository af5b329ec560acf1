// i18n set-up: Bahasa Indonesia by default, English second. The chosen language is
// remembered in localStorage and mirrored in <html lang> so screen readers and the
// browser's own spell-checking and hyphenation follow it.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_STORAGE_KEY = 'gotong.language';

export const resources = {
  id: { translation: id },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled (private mode, policy): the app still works in Indonesian
  }
}

export function readStoredLanguage(): Language {
  const value = storage()?.getItem(LANGUAGE_STORAGE_KEY);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

function applyLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    storage()?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // quota or policy: not worth bothering the user about
  }
}

/** Creates and initialises an i18next instance; `language` overrides the stored choice. */
export function createI18n(language: Language = readStoredLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    // A copy: i18next keeps the objects it is given and merges texts added later (the admin
    // pages', admin.ts) into them, which must not change the modules' own `id` and `en`.
    resources: structuredClone(resources),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    defaultNS: 'translation',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  instance.on('languageChanged', applyLanguage);
  return instance;
}
