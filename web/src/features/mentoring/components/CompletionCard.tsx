import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import { progressByMentee, type Cycle } from '../types/cycles';
import { CompletionBar } from './stages';

/**
 * Ketercapaian: the share of the cycle's target competencies achieved (seed 000 reports 100%),
 * and a bar per mentee, so that who is still on the way stands out at a glance. Each bar says its
 * figures in words too.
 */
export function CompletionCard({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const rows = progressByMentee(cycle);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="completion">
      <h2 id={`${id}-title`}>{t('mentoring.completion.title')}</h2>
      <CompletionBar completion={cycle.completion} />
      {cycle.completion.targets > 0 ? (
        <p className="muted" data-testid="completion-evaluated">
          {t('mentoring.completion.evaluated', { evaluated: cycle.completion.evaluated, targets: cycle.completion.targets })}
        </p>
      ) : null}
      {rows.length > 0 && cycle.targets.length > 0 ? (
        <figure className="chart">
          <figcaption className="chart__caption">{t('mentoring.completion.perMentee')}</figcaption>
          <ul className="tally" data-testid="completion-chart">
            {rows.map((row) => (
              <li key={row.member_id} className={row.percent === 100 ? 'tally__row tally__row--chosen' : 'tally__row'} data-testid={`completion-${row.member_id}`}>
                <p className="tally__label">{row.name}</p>
                <div className="tally__track" aria-hidden="true">
                  <div className="tally__fill" style={{ width: `${row.percent ?? 0}%` }} />
                </div>
                <p className="tally__count">
                  {t('mentoring.completion.menteeLine', {
                    achieved: row.achieved,
                    targets: row.targets,
                    percent: formatPercent(row.targets > 0 ? row.achieved / row.targets : 0, i18n.resolvedLanguage),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </figure>
      ) : null}
    </section>
  );
}
