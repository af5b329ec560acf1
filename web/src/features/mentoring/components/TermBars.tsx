import { useTranslation } from 'react-i18next';
import { termBars, type MatchingPair, type MatchingWeights } from '../types/matching';

/**
 * A pair's score term by term: each term's points as a small bar against the run's weight for it
 * (its maximum), the numbers beside it and why it scored so underneath.
 */
export function TermBars({ pair, weights }: { pair: Pick<MatchingPair, 'score' | 'mentor_origin'>; weights: MatchingWeights }) {
  const { t } = useTranslation();
  return (
    <dl className="terms" data-testid="term-bars">
      {termBars(pair, weights).map((bar) => (
        <div key={bar.term} className="term" data-testid={`term-${bar.term}`}>
          <dt>{t(`mentoring.matching.terms.${bar.term}`)}</dt>
          <dd>
            <div className="term__track" aria-hidden="true">
              <div className="term__fill" style={{ width: `${bar.percent}%` }} />
            </div>
          </dd>
          <dd>{t('mentoring.matching.points', { points: bar.points, max: bar.max })}</dd>
          <dd className="term__why">{t(`mentoring.matching.why.${bar.why}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
