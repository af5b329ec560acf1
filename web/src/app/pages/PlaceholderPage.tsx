import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';

interface PlaceholderPageProps {
  titleKey: ParseKeys<'translation'>;
  descriptionKey: ParseKeys<'translation'>;
}

/** An area of gotong that later releases build; says so plainly instead of showing an empty page. */
export function PlaceholderPage({ titleKey, descriptionKey }: PlaceholderPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t(titleKey));
  return (
    <>
      <h1 tabIndex={-1}>{t(titleKey)}</h1>
      <section className="card placeholder" data-testid="placeholder">
        <p className="lead">{t(descriptionKey)}</p>
        <p className="placeholder__note">{t('placeholder.note')}</p>
      </section>
    </>
  );
}
