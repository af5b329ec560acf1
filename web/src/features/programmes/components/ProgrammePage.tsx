import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DetailRow } from '../../../components/DetailRow';
import { Pending } from '../../../components/Pending';
import { formatDay } from '../../../lib/format';
import { isApiError } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { RegionPickerSlot } from '../../../lib/places';
import type { User } from '../../../lib/user';
import { useProgramme, useSaveProgramme } from '../hooks/use-programmes';
import { useRegionNames } from '../hooks/use-region-names';
import { MANAGER_TABS, nextStatus, programmeEditPath, programmePath, PROGRAMMES_PATH, PROGRAMME_TABS, type ProgrammeTab, type ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import { criteriaInWords, partnersByHelix } from '../types/words';
import { BudgetSection } from './BudgetSection';
import { CandidatesSection } from './CandidatesSection';
import { DashboardSection } from './DashboardSection';
import { EnrolmentsSection } from './EnrolmentsSection';
import { ExitsSection } from './ExitsSection';
import { LedgerSection } from './LedgerSection';
import { LoanBookSection } from './LoanBookSection';
import { OutcomesSection } from './OutcomesSection';
import { ProgrammeStatusBadge } from './labels';

interface ProgrammePageProps {
  id: number;
  tab: ProgrammeTab;
  user: User;
  RegionPicker: RegionPickerSlot;
}

/**
 * A programme: its heading, status and the step to the next one, then its parts as tabs (each at
 * its own address): overview, the dashboard, participants, budget, assistance, loans, learning
 * outcomes, exit and follow-ups, and for those who manage it the candidates with their rounds.
 */
export function ProgrammePage({ id, tab, user, RegionPicker }: ProgrammePageProps) {
  const { t } = useTranslation();
  const query = useProgramme(id);
  const programme = query.data;
  useDocumentTitle(programme?.name ?? t('programmes.title'));
  const [notice, setNotice] = useState<string | null>(null);
  if (!programme) {
    return (
      <>
        <BackLink to={PROGRAMMES_PATH}>{t('programmes.page.back')}</BackLink>
        <Pending problem={query.isError ? problemMessage(t, query.error) : null} loading={t('programmes.page.loading')} />
      </>
    );
  }
  return (
    <>
      <BackLink to={PROGRAMMES_PATH}>{t('programmes.page.back')}</BackLink>
      <div className="page-head">
        <h1 tabIndex={-1}>{programme.name}</h1>
        <ProgrammeStatusBadge status={programme.status} />
      </div>
      <StatusActions programme={programme} onMoved={setNotice} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {programme.status === 'closed' ? <p className="muted" data-testid="programme-closed-note">{t('programmes.page.closedNote')}</p> : null}
      <div className="tabs-frame">
        <nav className="tabs" aria-label={t('programmes.page.tabsLabel')}>
          {PROGRAMME_TABS.filter((name) => programme.can_manage || !MANAGER_TABS.includes(name)).map((name) => (
            <NavLink key={name} end to={programmePath(id, name)} className="tabs__tab">
              {t(`programmes.page.tabs.${name}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      {tab === 'overview' ? <Overview programme={programme} /> : null}
      {tab === 'enrolments' ? <EnrolmentsSection programme={programme} /> : null}
      {tab === 'budget' ? <BudgetSection programmeId={id} /> : null}
      {tab === 'ledger' ? <LedgerSection programme={programme} user={user} /> : null}
      {tab === 'loans' ? <LoanBookSection programmeId={id} /> : null}
      {tab === 'learning' ? <OutcomesSection programmeId={id} /> : null}
      {tab === 'candidates' ? <CandidatesSection programme={programme} RegionPicker={RegionPicker} /> : null}
      {tab === 'dashboard' ? <DashboardSection programmeId={id} /> : null}
      {tab === 'exits' ? <ExitsSection programme={programme} /> : null}
    </>
  );
}

/** Change the design; start a draft, close a running programme — each asked first. */
function StatusActions({ programme, onMoved }: { programme: ProgrammeView; onMoved: (notice: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveProgramme();
  if (!programme.can_manage || programme.status === 'closed') return null;
  const next = nextStatus(programme.status);
  const describe = (error: unknown) =>
    isApiError(error) && error.errors.length > 0 ? error.errors.map((e) => programmeFieldMessage(t, e)).join(' ') : problemMessage(t, error);
  return (
    <div className="button-row">
      <Link to={programmeEditPath(programme.id)} className="button button--secondary">
        {t('programmes.page.edit')}
      </Link>
      {next === 'active' ? (
        <ConfirmAction
          label={t('programmes.page.activate')}
          question={t('programmes.page.activateQuestion')}
          confirmLabel={t('programmes.page.activateConfirm')}
          confirmTone="primary"
          onConfirm={async () => {
            await save.mutateAsync({ id: programme.id, body: { status: 'active' } });
            onMoved(t('programmes.page.nowActive'));
          }}
          describeError={describe}
          testId="programme-activate"
        />
      ) : null}
      {next === 'closed' ? (
        <ConfirmAction
          label={t('programmes.page.close')}
          question={t('programmes.page.closeQuestion')}
          confirmLabel={t('programmes.page.closeConfirm')}
          tone="danger"
          onConfirm={async () => {
            await save.mutateAsync({ id: programme.id, body: { status: 'closed' } });
            onMoved(t('programmes.page.nowClosed'));
          }}
          describeError={describe}
          testId="programme-close"
        />
      ) : null}
    </div>
  );
}

/** The design in words: factors, owner and partners by helix, criteria, SOP, period, budget, exit. */
function Overview({ programme }: { programme: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const regionName = useRegionNames(programme.criteria.region_codes);
  const criteria = criteriaInWords(t, programme.criteria, regionName);
  return (
    <section className="card" aria-labelledby="programme-overview" data-testid="programme-overview">
      <h2 id="programme-overview">{t('programmes.overview.details')}</h2>
      <dl className="details">
        <DetailRow label={t('programmes.overview.period')}>
          {t('programmes.list.period', { from: formatDay(programme.starts_on, language), to: formatDay(programme.ends_on, language) })}
        </DetailRow>
        <DetailRow label={t('programmes.overview.factors')} testId="overview-factors">
          {programme.factors.map((f) => t(`programmes.factors.${f}`)).join(', ')}
        </DetailRow>
        <DetailRow label={t('programmes.overview.budget')} testId="overview-budget">
          {formatRupiah(programme.budget)}
        </DetailRow>
        <DetailRow label={t('programmes.overview.sop')}>
          {t('programmes.overview.sopMeetings', { count: programme.sop_meetings_per_month })};{' '}
          {t('programmes.overview.sopReports', { count: programme.sop_reports_per_year })}
        </DetailRow>
        <DetailRow label={t('programmes.overview.exitStrategy')}>{programme.exit_strategy ?? t('programmes.overview.none')}</DetailRow>
        <DetailRow label={t('programmes.overview.followUps')}>
          {programme.follow_up_months.length > 0
            ? t('programmes.overview.followUpMonths', { months: programme.follow_up_months.join(', ') })
            : t('programmes.overview.none')}
        </DetailRow>
        {programme.description ? <DetailRow label={t('programmes.overview.description')}>{programme.description}</DetailRow> : null}
      </dl>
      <h3>{t('programmes.overview.partners')}</h3>
      <dl className="details" data-testid="overview-partners">
        {partnersByHelix(programme.partners).map((row) => (
          <DetailRow key={row.helix} label={t(`stakeholders.helices.${row.helix}`)}>
            <ul>
              {row.partners.map((p) => (
                <li key={p.stakeholder_id}>
                  {p.name} ({t(`programmes.overview.roles.${p.role}`)}){p.contribution ? `: ${p.contribution}` : ''}
                </li>
              ))}
            </ul>
          </DetailRow>
        ))}
      </dl>
      <h3>{t('programmes.overview.criteria')}</h3>
      {criteria.length === 0 ? (
        <p>{t('programmes.criteria.none')}</p>
      ) : (
        <ul data-testid="overview-criteria">
          {criteria.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
