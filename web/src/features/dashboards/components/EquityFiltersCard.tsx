import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { useProgrammeChoices } from '../hooks/use-dashboards';
import { ASSISTANCE_KINDS, EQUITY_BY, HELICES, isAssistanceKind, isHelix } from '../types';
import { EMPTY_EQUITY_FILTERS, periodInvalid, withFilter, type EquityFilters } from '../types/filters';
import { helixLabel } from '../types/words';

interface EquityFiltersCardProps {
  filters: EquityFilters;
  /** What the server refused, by filter (from, to, kind, helix, programme). */
  errors: Record<string, string[]>;
  onChange: (filters: EquityFilters) => void;
}

/** What the rows are (region, sector, scale, gender) and which assistance counts: period, kind, helix, programme. */
export function EquityFiltersCard({ filters, errors, onChange }: EquityFiltersCardProps) {
  const { t } = useTranslation();
  const programmes = useProgrammeChoices();
  const set = (change: Partial<EquityFilters>) => onChange(withFilter(filters, change));
  const invalid = periodInvalid(filters);
  const narrowed = filters.from || filters.to || filters.kind || filters.helix || filters.programmeId !== null;
  return (
    <section className="card dash-filters" aria-labelledby="equity-filters-title">
      <h2 id="equity-filters-title" className="visually-hidden">
        {t('dashboards.equity.filtersTitle')}
      </h2>
      <div className="button-row" role="group" aria-label={t('dashboards.equity.by')} data-testid="equity-by">
        {EQUITY_BY.map((by) => (
          <button
            key={by}
            type="button"
            className={by === filters.by ? 'button button--primary' : 'button button--secondary'}
            aria-pressed={by === filters.by}
            onClick={() => set({ by, region: null })}
          >
            {t(`dashboards.equity.byOptions.${by}`)}
          </button>
        ))}
      </div>
      <div className="dash-filters__grid">
        <FormField
          id="equity-from"
          type="date"
          label={t('dashboards.equity.from')}
          value={filters.from ?? ''}
          errors={errors.from ?? []}
          onChange={(e) => set({ from: e.target.value || null })}
        />
        <FormField
          id="equity-to"
          type="date"
          label={t('dashboards.equity.to')}
          value={filters.to ?? ''}
          errors={[...(invalid ? [t('dashboards.equity.periodInvalid')] : []), ...(errors.to ?? [])]}
          onChange={(e) => set({ to: e.target.value || null })}
        />
        <SelectField
          id="equity-kind"
          label={t('dashboards.equity.kind')}
          emptyLabel={t('dashboards.equity.allKinds')}
          options={ASSISTANCE_KINDS.map((kind) => ({ value: kind, label: t(`programmes.ledger.kinds.${kind}`) }))}
          value={filters.kind ?? ''}
          errors={errors.kind ?? []}
          onChange={(e) => set({ kind: isAssistanceKind(e.target.value) ? e.target.value : null })}
        />
        <SelectField
          id="equity-helix"
          label={t('dashboards.equity.helix')}
          emptyLabel={t('dashboards.equity.allHelices')}
          options={HELICES.map((helix) => ({ value: helix, label: helixLabel(t, helix) }))}
          value={filters.helix ?? ''}
          errors={errors.helix ?? []}
          onChange={(e) => set({ helix: isHelix(e.target.value) ? e.target.value : null })}
        />
        <SelectField
          id="equity-programme"
          label={t('dashboards.equity.programme')}
          emptyLabel={t('dashboards.equity.allProgrammes')}
          options={(programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={filters.programmeId === null ? '' : String(filters.programmeId)}
          errors={errors.programme ?? []}
          onChange={(e) => set({ programmeId: e.target.value ? Number(e.target.value) : null })}
        />
      </div>
      {narrowed ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ ...EMPTY_EQUITY_FILTERS, by: filters.by, region: filters.region })}
        >
          {t('dashboards.equity.clear')}
        </button>
      ) : null}
    </section>
  );
}
