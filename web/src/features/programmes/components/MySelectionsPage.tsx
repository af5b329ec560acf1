import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatDay } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRegionNames } from '../hooks/use-region-names';
import { useMySelections } from '../hooks/use-targeting';
import { roundSummary, type MySelection } from '../types/targeting';
import { DecisionView } from './TargetingParts';

/**
 * "Pilihan program saya": the confirmed rounds that weighed her enterprises, whether each selected
 * them, and why in words (UU 27/2022: she may see why she was or was not selected, and that an
 * officer confirmed it).
 */
export function MySelectionsPage() {
  const { t } = useTranslation();
  const title = t('programmes.selections.title');
  useDocumentTitle(title);
  const selections = useMySelections();
  const items = selections.data?.items ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="muted">{t('programmes.selections.intro')}</p>
      <QueryStatus query={selections} problem={(e) => problemMessage(t, e)} loading={t('programmes.selections.loading')} />
      {selections.data && items.length === 0 ? (
        <section className="card">
          <p data-testid="selections-empty">{t('programmes.selections.empty')}</p>
        </section>
      ) : null}
      {items.length > 0 ? (
        <ul className="record-list" data-testid="selections">
          {items.map((item) => (
            <SelectionCard key={`${item.round.id}-${item.decision.id}`} selection={item} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function SelectionCard({ selection }: { selection: MySelection }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const { round, decision } = selection;
  const regionName = useRegionNames(round.criteria.region_codes);
  return (
    <li className="record-card" data-testid={`selection-${round.id}-${decision.id}`}>
      <h2 className="record-card__title">{selection.programme_name}</h2>
      <p className="record-card__line">
        <strong>{decision.name}</strong>{' '}
        <Badge tone={decision.selected ? 'success' : 'neutral'} testId="selection-verdict">
          {decision.selected ? t('programmes.targeting.decision.yes') : t('programmes.targeting.decision.no')}
        </Badge>
      </p>
      <p className="record-card__line muted">{roundSummary(t, round, language)}</p>
      <p className="record-card__line" data-testid="selection-note">
        {round.decided_at
          ? t('programmes.selections.confirmedOn', { day: formatDay(round.decided_at.slice(0, 10), language) })
          : t('programmes.selections.confirmed')}{' '}
        {t('programmes.selections.askWhy')}
      </p>
      <details data-testid="selection-why">
        <summary>{t('programmes.targeting.why.button')}</summary>
        <DecisionView decision={decision} regionName={regionName} />
      </details>
    </li>
  );
}
