import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { EligibilityCheck } from '../types';
import {
  decisionInWords,
  MAX_TERM_POINTS,
  signedPoints,
  termInWords,
  unmetChecks,
  type NeedTerm,
  type RoundStatus,
  type TargetingDecision,
} from '../types/targeting';
import { foundInWords, type RegionName } from '../types/words';

/** What moved a rank: each need-score term with its points and a small bar of its weight. */
export function TermList({ terms, testId }: { terms: readonly NeedTerm[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (terms.length === 0) return <p className="muted">{t('programmes.targeting.noTerms')}</p>;
  return (
    <ul className="plain-list" data-testid={testId}>
      {terms.map((term) => (
        <li key={term.code} data-term={term.code}>
          <meter min={0} max={MAX_TERM_POINTS} value={Math.min(Math.abs(term.points), MAX_TERM_POINTS)} aria-hidden="true" />{' '}
          <strong>{signedPoints(term.points)}</strong> {termInWords(t, term, i18n.resolvedLanguage)}
        </li>
      ))}
    </ul>
  );
}

/** Why it qualifies: the criteria it meets, with what the registry holds for each. */
export function MetCriteria({ checks, regionName }: { checks: readonly EligibilityCheck[]; regionName: RegionName }) {
  const { t } = useTranslation();
  const met = checks.filter((c) => c.met);
  if (checks.length === 0) return <p className="muted">{t('programmes.targeting.openToAll')}</p>;
  return (
    <ul className="plain-list">
      {met.map((check) => (
        <li key={check.criterion}>
          <span aria-hidden="true">✓ </span>
          {t(`programmes.criterionNames.${check.criterion}`)}: {foundInWords(t, check, regionName)}
        </li>
      ))}
    </ul>
  );
}

const ROUND_TONES = { draft: 'warning', confirmed: 'success', cancelled: 'neutral' } as const;

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={ROUND_TONES[status]} testId="round-status">
      {t(`programmes.targeting.rounds.statuses.${status}`)}
    </Badge>
  );
}

/** A decision in words: the verdict, the terms of its score, and the criteria it did not meet. */
export function DecisionView({ decision, regionName }: { decision: TargetingDecision; regionName: RegionName }) {
  const { t } = useTranslation();
  const unmet = unmetChecks(decision);
  const [verdict, ...rest] = decisionInWords(t, decision);
  return (
    <div className="decision" data-testid="decision" data-reason={decision.reason}>
      <p>
        <strong data-testid="decision-verdict">{verdict}</strong>
      </p>
      {rest.map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
      <h4>{t('programmes.targeting.decision.terms', { score: decision.score })}</h4>
      <TermList terms={decision.terms} testId="decision-terms" />
      {unmet.length > 0 ? (
        <>
          <h4>{t('programmes.targeting.decision.unmet')}</h4>
          <ul className="plain-list" data-testid="decision-unmet">
            {unmet.map((check) => (
              <li key={check.criterion}>
                <span aria-hidden="true">✗ </span>
                {t(`programmes.criterionNames.${check.criterion}`)}
                {' — '}
                {t('programmes.eligibility.registry', { found: foundInWords(t, check, regionName) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
