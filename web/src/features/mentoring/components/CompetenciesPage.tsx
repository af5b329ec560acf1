import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { Pending } from '../../../components/Pending';
import { SelectField } from '../../../components/SelectField';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCompetencies } from '../hooks/use-competencies';
import { catalogueFor, competencyName, LEVELS, sectorsOf, type Competency } from '../types';
import { CompetencyForm } from './CompetencyForm';

/**
 * The catalogue of competencies (seed 000) as a mentor plans with it and a member reads it on her
 * phone: a sector's own skills, the business skills every sector shares, and the three levels each
 * is learnt to. The chosen sector stays in the address. An admin adds a competency, or renames,
 * describes or retires one, in place.
 */
export function CompetenciesPage({ canEdit = false }: { canEdit?: boolean }) {
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
  const [editing, setEditing] = useState<Competency | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const edit = canEdit
    ? (target: Competency | 'new') => {
        setNotice(null);
        setEditing(target);
      }
    : undefined;

  function onSaved(saved: Competency, created: boolean) {
    setEditing(null);
    const name = competencyName(saved, language);
    setNotice(
      created
        ? t('mentoring.competencies.created', { name })
        : saved.retired
          ? t('mentoring.competencies.retiredNotice', { name })
          : t('mentoring.competencies.saved', { name }),
    );
  }

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('mentoring.competencies.title')}</h1>
        {edit && editing === null ? (
          <button type="button" className="button button--primary" onClick={() => edit('new')}>
            {t('mentoring.competencies.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('mentoring.competencies.intro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {editing !== null ? (
        <CompetencyForm original={editing === 'new' ? null : editing} sector={sector} onSaved={onSaved} onCancel={() => setEditing(null)} />
      ) : null}
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
            onEdit={edit}
            testId="competencies-own"
          />
          <CompetencyList
            title={t('mentoring.competencies.shared')}
            items={view.shared}
            language={language}
            onEdit={edit}
            testId="competencies-shared"
          />
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
  /** An admin's Edit button on each competency. */
  onEdit?: ((competency: Competency) => void) | undefined;
  testId: string;
}

function CompetencyList({ title, items, language, showSector = false, onEdit, testId }: CompetencyListProps) {
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
            {onEdit ? (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('mentoring.competencies.editLabel', { name: competencyName(item, language) })}
                onClick={() => onEdit(item)}
              >
                {t('mentoring.competencies.edit')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
