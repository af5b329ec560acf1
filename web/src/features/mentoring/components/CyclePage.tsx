import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { Badge } from '../../../components/Badge';
import { DetailRow } from '../../../components/DetailRow';
import { Pending } from '../../../components/Pending';
import { formatDay } from '../../../lib/format';
import type { LearningPaths } from '../../../lib/learning-slot';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCycle, useGroupMembers, useSectorCompetencies } from '../hooks/use-learning';
import { competencyName, LEVELS } from '../types';
import type { Cycle, CyclePlanDecision, CycleTarget, GroupMember, GroupView } from '../types/cycles';
import { learningProblemMessage } from '../types/errors';
import { CompletionCard } from './CompletionCard';
import { CyclePlanForm } from './CyclePlanForm';
import { EvaluationsCard } from './EvaluationsCard';
import { SessionsCard } from './SessionsCard';
import { StageAction } from './StageAction';
import { CycleStepper, OriginBadge, StageBadge } from './stages';
import { ThemeProposalForm } from './ThemeProposalForm';

/** What the cycle's page tells itself when it opens after the cycle was planned. */
export interface CycleNotice {
  learningNotice?: 'cycleCreated';
}

/** A competency's name in the reader's language, from its id and the name the server gave. */
type CompetencyNamer = (competencyId: number, fallback: string) => string;

/** A competency's name in the reader's language: the catalogue's English name when she reads English. */
function useCompetencyNames(sector: string): CompetencyNamer {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const catalogue = useSectorCompetencies(sector, language === 'en');
  return (competencyId, fallback) => {
    const found = language === 'en' ? catalogue.data?.find((c) => c.id === competencyId) : undefined;
    return found ? competencyName(found, language) : fallback;
  };
}

/** Where a proposal choosing part of the plan stands (open, agreed on an option, not agreed), with a link to it. */
function ProposalState({ label, decision, paths, testId }: { label: string; decision: CyclePlanDecision | null; paths: LearningPaths; testId: string }) {
  const { t } = useTranslation();
  if (!decision) return null;
  return (
    <DetailRow label={label} testId={testId}>
      <span className="badges">
        <Badge tone={!decision.decided ? 'info' : decision.outcome === 'agreed' ? 'success' : 'neutral'} wrap>
          {!decision.decided
            ? t('mentoring.cycle.proposalOpen')
            : decision.outcome === 'agreed'
              ? t('mentoring.cycle.proposalAgreed', { option: decision.agreed_option ?? '' })
              : t('mentoring.cycle.proposalNotAgreed')}
        </Badge>
      </span>{' '}
      <Link to={paths.deliberation(decision.deliberation_id)}>{t('mentoring.cycle.proposalLink', { title: decision.title })}</Link>
    </DetailRow>
  );
}

/** Target competencies one per line, named in the reader's language, each with the level it is learnt to. */
function TargetLines({ targets, competencyName: nameOf }: { targets: readonly CycleTarget[]; competencyName: CompetencyNamer }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list">
      {targets.map((target) => {
        const level = LEVELS.find((l) => l.level === target.level);
        return (
          <li key={target.competency_id}>
            {t('mentoring.cycle.targetLine', {
              name: nameOf(target.competency_id, target.name),
              level: level ? t('mentoring.levelOption', { level: level.level, meaning: t(`mentoring.levelShort.${level.meaning}`) }) : String(target.level),
            })}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Where the theme stands: chosen, or the proposal the group decides it by (with a link to it), and
 * the competencies the agreed theme names, which become the cycle's targets when it starts.
 */
function ThemeState({ cycle, paths, competencyName }: { cycle: Cycle; paths: LearningPaths; competencyName: CompetencyNamer }) {
  const { t } = useTranslation();
  const agreed = cycle.decision?.agreed_targets ?? [];
  return (
    <>
      <DetailRow label={t('mentoring.cycle.theme')} testId="cycle-theme">
        {cycle.theme ?? <span className="muted">{t('mentoring.cycle.themeNone')}</span>}
      </DetailRow>
      <ProposalState label={t('mentoring.cycle.proposal')} decision={cycle.decision} paths={paths} testId="cycle-proposal" />
      {agreed.length > 0 ? (
        <DetailRow label={t('mentoring.cycle.agreedTargets')} testId="cycle-agreed-targets">
          <TargetLines targets={agreed} competencyName={competencyName} />
          {cycle.status === 'planning' ? <p className="field__hint">{t('mentoring.cycle.agreedTargetsHint')}</p> : null}
        </DetailRow>
      ) : null}
    </>
  );
}

interface PlanCardProps {
  group: GroupView;
  cycle: Cycle;
  members: readonly GroupMember[];
  paths: LearningPaths;
  competencyName: CompetencyNamer;
}

/** Rencana: what the cycle learns, who learns and guides, where, when and with what; its guides change it while they may. */
function PlanCard({ group, cycle, members, paths, competencyName: nameOf }: PlanCardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const [editing, setEditing] = useState<'plan' | 'theme' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const planning = cycle.status === 'planning';
  const canEdit = cycle.can_guide && cycle.status !== 'closed';
  // A theme proposal is put by those who put the group's proposals; a new one when the last was not agreed.
  const canPropose =
    cycle.can_guide &&
    planning &&
    group.writes.includes('deliberations') &&
    (cycle.decision === null || (cycle.decision.decided && cycle.decision.outcome !== 'agreed'));
  const host = cycle.host_member_id === null ? null : (members.find((m) => m.id === cycle.host_member_id)?.person.name ?? null);
  const notSet = <span className="muted">{t('mentoring.cycle.notSet')}</span>;
  const dates =
    cycle.planned_from || cycle.planned_to
      ? t('mentoring.cycle.datesRange', {
          from: cycle.planned_from ? formatDay(cycle.planned_from, language) : '…',
          to: cycle.planned_to ? formatDay(cycle.planned_to, language) : '…',
        })
      : null;
  const open = (what: 'plan' | 'theme') => {
    setNotice(null);
    setEditing(what);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="cycle-plan">
      <div className="section-head">
        <h2 id={`${id}-title`}>{t('mentoring.cycle.plan')}</h2>
        {canEdit && editing === null ? (
          <button type="button" className="button button--secondary" onClick={() => open('plan')}>
            {planning ? t('mentoring.cycle.edit') : t('mentoring.cycle.editDetails')}
          </button>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {editing === 'plan' ? (
        <CyclePlanForm
          group={group}
          members={members}
          original={cycle}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('mentoring.cycle.saved'));
          }}
        />
      ) : null}
      {editing === 'theme' ? (
        <ThemeProposalForm
          cycle={cycle}
          sector={group.sector}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('mentoring.proposal.created'));
          }}
        />
      ) : null}
      <dl className="details">
        <ThemeState cycle={cycle} paths={paths} competencyName={nameOf} />
        <DetailRow label={t('mentoring.cycle.mentor')} testId="cycle-mentor">
          <span className="badges">
            {cycle.mentor_name} <OriginBadge origin={cycle.mentor_origin} />
          </span>
        </DetailRow>
        <DetailRow label={t('mentoring.cycle.targets')} testId="cycle-targets">
          {cycle.targets.length === 0 ? notSet : <TargetLines targets={cycle.targets} competencyName={nameOf} />}
        </DetailRow>
        <DetailRow label={t('mentoring.cycle.mentees')} testId="cycle-mentees">
          {cycle.mentees.length === 0 ? notSet : cycle.mentees.map((m) => m.name).join(', ')}
        </DetailRow>
        <DetailRow label={t('mentoring.cycle.venue')} testId="cycle-venue">
          {cycle.venue
            ? host
              ? t('mentoring.cycle.venueHost', { venue: cycle.venue, host })
              : cycle.venue
            : host
              ? t('mentoring.cycle.hostOnly', { host })
              : notSet}
        </DetailRow>
        <ProposalState label={t('mentoring.cycle.venueProposal')} decision={cycle.venue_decision} paths={paths} testId="cycle-venue-proposal" />
        <DetailRow label={t('mentoring.cycle.time')}>{cycle.time_allocation ?? notSet}</DetailRow>
        <ProposalState
          label={t('mentoring.cycle.scheduleProposal')}
          decision={cycle.schedule_decision}
          paths={paths}
          testId="cycle-schedule-proposal"
        />
        <DetailRow label={t('mentoring.cycle.facilities')}>{cycle.facilities ?? notSet}</DetailRow>
        <DetailRow label={t('mentoring.cycle.dates')}>{dates ?? notSet}</DetailRow>
      </dl>
      {canPropose && editing === null ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => open('theme')}>
            {t('mentoring.cycle.proposeTheme')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

interface CyclePageProps {
  group: GroupView;
  cycleId: number;
  paths: LearningPaths;
}

/**
 * One learning cycle, deep-linkable inside the group's learning tab: where it stands (a stepper,
 * the button to the next stage), how far its mentees got, its plan, its sessions and its
 * evaluations. Members read it; its guides plan, hold sessions and evaluate.
 */
export function CyclePage({ group, cycleId, paths }: CyclePageProps) {
  const { t } = useTranslation();
  const id = useId();
  const location = useLocation();
  const resource = useCycle(cycleId);
  const members = useGroupMembers(group.id);
  // A dissolved group takes no more writes: its cycles are read as they are.
  const cycle = resource.data && group.status === 'dissolved' ? { ...resource.data, can_guide: false } : (resource.data ?? null);
  const names = useCompetencyNames(group.sector);
  useDocumentTitle(cycle ? `${cycle.title} · ${group.name}` : group.name);
  const created = (location.state as CycleNotice | null)?.learningNotice === 'cycleCreated';
  const back = <BackLink to={paths.learning}>{t('mentoring.cycle.back')}</BackLink>;

  if (!cycle || !members.data) {
    const failure = resource.isError ? resource.error : members.isError ? members.error : null;
    return (
      <>
        {back}
        <Pending problem={failure ? learningProblemMessage(t, failure) : null} loading={t('mentoring.cycle.loading')} />
      </>
    );
  }
  if (cycle.group_id !== group.id) {
    return (
      <>
        {back}
        <Alert tone="error">{t('errors.notFound')}</Alert>
      </>
    );
  }

  return (
    <>
      {back}
      <section className="card" aria-labelledby={`${id}-title`} data-testid="cycle-head">
        <div className="section-head">
          <h2 id={`${id}-title`}>{cycle.title}</h2>
          <StageBadge status={cycle.status} />
        </div>
        {created ? <Alert tone="success">{t('mentoring.cycles.created', { title: cycle.title })}</Alert> : null}
        <CycleStepper status={cycle.status} />
        {cycle.can_guide ? (
          <StageAction cycle={cycle} />
        ) : (
          <p className="muted" data-testid="cycle-read-only">
            {t('mentoring.cycle.readOnly')}
          </p>
        )}
      </section>
      <CompletionCard cycle={cycle} />
      <PlanCard group={group} cycle={cycle} members={members.data} paths={paths} competencyName={names} />
      <SessionsCard cycle={cycle} members={members.data} paths={paths} />
      <EvaluationsCard cycle={cycle} competencyName={names} />
    </>
  );
}
