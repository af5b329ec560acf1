// i18n set-up: Bahasa Indonesia by default, English second. The chosen language is
// remembered in localStorage and mirrored in <html lang> so screen readers and the
// browser's own spell-checking and hyphenation follow it. The English texts travel in a chunk
// of their own, fetched when English is chosen (loadLanguage), so that a first visit in
// Indonesian does not download them.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { id, type Translation } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_STORAGE_KEY = 'gotong.language';

/** The texts of each language loaded so far: Indonesian always, English once loaded. */
const bundles: Partial<Record<Language, Translation>> = { id };

/** Makes a language's texts available to the next createI18n (tests register English up front). */
export function registerLanguage(language: Language, texts: Translation): void {
  bundles[language] = texts;
}

/** Fetches a language's texts unless they are here already. */
export async function loadLanguage(language: Language): Promise<void> {
  if (bundles[language]) return;
  if (language === 'en') bundles.en = (await import('./en')).en;
}

/** Switches `i18n` to `language`, fetching its texts first when needed. */
export async function switchLanguage(i18n: I18n, language: Language): Promise<void> {
  await loadLanguage(language);
  const texts = bundles[language];
  // The language's own texts may be missing though texts of a lazily loaded part (the admin
  // pages', the learning tab's) were added for it already: look for the app's, not for any.
  if (texts && i18n.getResource(language, 'translation', 'app.name') === undefined) {
    // Deep, without overwriting: texts added to the instance later (the admin pages') stay.
    i18n.addResourceBundle(language, 'translation', structuredClone(texts), true, false);
  }
  await i18n.changeLanguage(language);
}

/** Adding a lazily loaded part's texts (lazyTexts): once per instance, or in its component. */
export interface LazyTexts {
  add: (i18n: I18n) => void;
  use: () => void;
}

/**
 * For a part of the app whose texts travel in its own chunk (the admin pages', a tab's): `add`
 * joins them to an instance's once (deep, so they may join a key the app has, as the learning
 * tab's join `mentoring`; nothing is overwritten), and `use`, called first in the part's
 * component, makes them there before it or anything in it translates. The part's module imports
 * its bundles and calls this, so that they stay in its chunk.
 */
export function lazyTexts(resources: Record<Language, object>): LazyTexts {
  const added = new WeakSet<I18n>();
  function add(i18n: I18n): void {
    if (added.has(i18n)) return;
    for (const [language, texts] of Object.entries(resources)) {
      i18n.addResourceBundle(language, 'translation', texts, true, false);
    }
    added.add(i18n);
  }
  function useLazyTexts(): void {
    const { i18n } = useTranslation();
    add(i18n);
  }
  return { add, use: useLazyTexts };
}

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
    resources: structuredClone(
      Object.fromEntries(Object.entries(bundles).map(([language, texts]) => [language, { translation: texts }])),
    ),
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
