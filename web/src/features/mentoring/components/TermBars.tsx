import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { termBars, type MatchingPair, type MatchingWeights } from '../types/matching';

// The bars' look travels with the run's page (its own chunk) rather than in the app's stylesheet,
// which every first visit downloads: the group workspace's first visit is at its 200 KB budget.
const LIST: CSSProperties = { display: 'grid', gap: '0.35rem', margin: '0.5rem 0' };
const ROW: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 7.5rem) minmax(0, 1fr) auto',
  alignItems: 'center',
  gap: '0 0.5rem',
  fontSize: '0.9rem',
};
const NAME: CSSProperties = { color: 'var(--c-muted)', overflowWrap: 'anywhere' };
const VALUE: CSSProperties = { margin: 0, fontVariantNumeric: 'tabular-nums' };
const TRACK: CSSProperties = { height: '0.6rem', borderRadius: '999px', background: '#e2e6e4', overflow: 'hidden' };
const WHY: CSSProperties = { gridColumn: '1 / -1', margin: '0 0 0.15rem', fontSize: '0.85rem', color: 'var(--c-muted)' };

/**
 * A pair's score term by term: each term's points as a small bar against the run's weight for it
 * (its maximum), the numbers beside it and why it scored so underneath.
 */
export function TermBars({ pair, weights }: { pair: Pick<MatchingPair, 'score' | 'mentor_origin'>; weights: MatchingWeights }) {
  const { t } = useTranslation();
  return (
    <dl style={LIST} data-testid="term-bars">
      {termBars(pair, weights).map((bar) => (
        <div key={bar.term} style={ROW} data-testid={`term-${bar.term}`}>
          <dt style={NAME}>{t(`mentoring.matching.terms.${bar.term}`)}</dt>
          <dd style={VALUE}>
            <div style={TRACK} aria-hidden="true">
              <div className="term__fill" style={{ height: '100%', background: 'var(--c-brand)', width: `${bar.percent}%` }} />
            </div>
          </dd>
          <dd style={VALUE}>{t('mentoring.matching.points', { points: bar.points, max: bar.max })}</dd>
          <dd style={WHY}>{t(`mentoring.matching.why.${bar.why}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
