import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage, type Language } from '../lib/i18n';

/** Two buttons, ID and EN; the choice is stored by the i18n set-up and sets <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-switch__option"
          aria-pressed={current === language}
          // the visible "ID"/"EN" stays part of the name, so voice control can say it too
          aria-label={`${t(`language.short.${language}`)} – ${t(`language.names.${language}`)}`}
          title={t('language.switchTo', { language: t(`language.names.${language}`) })}
          data-testid={`lang-${language}`}
          onClick={() => void switchLanguage(i18n, language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  );
}
