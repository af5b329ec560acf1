import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Badge } from '../../../components/Badge';
import { Pending } from '../../../components/Pending';
import { SelectField } from '../../../components/SelectField';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCompetencies } from '../hooks/use-competencies';
import { catalogueFor, competencyName, LEVELS, sectorsOf, type Competency } from '../types';

/**
 * The catalogue of competencies (seed 000) as a mentor plans with it and a member reads it on her
 * phone: a sector's own skills, the business skills every sector shares, and the three levels each
 * is learnt to. The chosen sector stays in the address.
 */
export function CompetenciesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('mentoring.competencies.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const catalogue = useCompetencies();
  const items = catalogue.data ?? [];
  const sectors = sectorsOf(items);
  const asked = params.get('sector');
  const sector = asked !== null && sectors.includes(asked) ? asked : null;
  const view = catalogueFor(items, sector);
  const language = i18n.resolvedLanguage;

  return (
    <>
      <h1 tabIndex={-1}>{t('mentoring.competencies.title')}</h1>
      <p className="muted">{t('mentoring.competencies.intro')}</p>
      <section className="card" aria-labelledby={`${id}-levels`} data-testid="competency-levels">
        <h2 id={`${id}-levels`}>{t('mentoring.competencies.levelsTitle')}</h2>
        <ol className="plain-list">
          {LEVELS.map(({ level, meaning }) => (
            <li key={level} className="plain-list__item">
              <span>
                <strong>{t('mentoring.competencies.level', { level })}</strong> · {t(`mentoring.competencies.levels.${meaning}`)}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {!catalogue.data ? (
        <Pending problem={catalogue.isError ? problemMessage(t, catalogue.error) : null} loading={t('mentoring.competencies.loading')} />
      ) : (
        <>
          <div className="card">
            <SelectField
              id={`${id}-sector`}
              label={t('mentoring.competencies.sector')}
              emptyLabel={t('mentoring.competencies.allSectors')}
              options={sectors.map((code) => ({ value: code, label: t(`sectors.${code}`, { defaultValue: code }) }))}
              value={sector ?? ''}
              onChange={(e) => setParams(e.target.value ? { sector: e.target.value } : {}, { replace: true })}
            />
          </div>
          <CompetencyList
            title={sector ? t('mentoring.competencies.ownOf', { sector: t(`sectors.${sector}`, { defaultValue: sector }) }) : t('mentoring.competencies.own')}
            items={view.own}
            language={language}
            showSector={sector === null}
            testId="competencies-own"
          />
          <CompetencyList title={t('mentoring.competencies.shared')} items={view.shared} language={language} testId="competencies-shared" />
        </>
      )}
    </>
  );
}

interface CompetencyListProps {
  title: string;
  items: readonly Competency[];
  language: string | undefined;
  showSector?: boolean;
  testId: string;
}

function CompetencyList({ title, items, language, showSector = false, testId }: CompetencyListProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? <p className="muted">{t('mentoring.competencies.none')}</p> : null}
      <ul className="record-list" data-testid={testId}>
        {items.map((item) => (
          <li key={item.id} className="record-card" data-testid={`competency-${item.code}`}>
            <h3 className="record-card__title">{competencyName(item, language)}</h3>
            {showSector && item.sector ? (
              <p className="record-card__badges">
                <Badge tone="neutral">{t(`sectors.${item.sector}`, { defaultValue: item.sector })}</Badge>
              </p>
            ) : null}
            {item.description ? <p className="record-card__line">{item.description}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
