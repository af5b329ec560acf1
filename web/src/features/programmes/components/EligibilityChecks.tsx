import { useTranslation } from 'react-i18next';
import type { Eligibility } from '../types';
import { foundInWords, type RegionName } from '../types/words';

/** Each criterion with ✓ or ✗ and what the registry holds for it. */
export function EligibilityChecks({ eligibility, regionName }: { eligibility: Eligibility; regionName: RegionName }) {
  const { t } = useTranslation();
  return (
    <div data-testid="eligibility">
      <h4>{t('programmes.eligibility.title')}</h4>
      {eligibility.checks.length === 0 ? (
        <p>{t('programmes.eligibility.noCriteria')}</p>
      ) : (
        <ul className="plain-list">
          {eligibility.checks.map((check) => (
            <li key={check.criterion} data-testid={`check-${check.criterion}`} data-met={check.met}>
              <span aria-hidden="true">{check.met ? '✓ ' : '✗ '}</span>
              <strong>{t(`programmes.criterionNames.${check.criterion}`)}</strong>
              {': '}
              {check.met ? t('programmes.eligibility.met') : t('programmes.eligibility.unmet')}
              {' — '}
              {t('programmes.eligibility.registry', { found: foundInWords(t, check, regionName) })}
            </li>
          ))}
        </ul>
      )}
      <p role="status" data-testid="eligibility-verdict">
        {eligibility.eligible ? t('programmes.eligibility.eligible') : t('programmes.eligibility.notEligible')}
      </p>
    </div>
  );
}
