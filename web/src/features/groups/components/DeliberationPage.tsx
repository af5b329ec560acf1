import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { BackLink } from '../../../components/BackLink';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { Pending } from '../../../components/Pending';
import { competencyName } from '../../../lib/competencies';
import { formatDay, formatPercent } from '../../../lib/format';
import { useDeliberation } from '../hooks/use-group-queries';
import { useVoteSheet } from '../hooks/use-vote-sheet';
import { canWrite, type DeliberationView, type GroupView } from '../types';
import { groupProblemMessage } from '../types/errors';
import { groupPath } from '../types/paths';
import { choiceLabel, quorumOf, tally, votesByMember, type Choice, type TallyRow } from '../types/votes';
import { DecidePanel } from './DecidePanel';
import { OutcomeBadge } from './DeliberationsSection';
import { OwnVote } from './OwnVote';
import { SettingChangeLine } from './SettingChangeLine';
import { VoteSheet } from './VoteSheet';

/** The words of a target competency's level: 1 with guidance, 2 on her own, 3 teaches others. */
const LEVEL_WORDS = ['guided', 'alone', 'teaches'] as const;

/** What members would learn if a learning theme's option is chosen, so that they know what they vote for. */
function OptionTargets({ targets }: { targets: TallyRow['targets'] }) {
  const { t, i18n } = useTranslation();
  if (targets.length === 0) return null;
  return (
    <div className="tally__targets" data-testid="option-targets">
      <p className="muted">{t('groups.deliberation.targets')}</p>
      <ul className="plain-list">
        {targets.map((target) => {
          const words = LEVEL_WORDS[target.level - 1];
          return (
            <li key={target.competency_id}>
              {t('groups.deliberation.targetLine', {
                name: competencyName(target, i18n.resolvedLanguage),
                level: words ? t('groups.deliberation.level', { level: target.level, meaning: t(`groups.deliberation.levels.${words}`) }) : target.level,
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The count per option as bars, so the result is seen at a glance; the numbers stay beside them. */
function Tally({ deliberation }: { deliberation: DeliberationView }) {
  const { t, i18n } = useTranslation();
  const rows = tally(deliberation, t('groups.deliberation.against'));
  return (
    <ul className="tally" data-testid="tally">
      {rows.map((row) => (
        <li key={row.option_id ?? 'against'} className={row.chosen ? 'tally__row tally__row--chosen' : 'tally__row'}>
          <p className="tally__label">
            <span>{row.label}</span>
            {row.chosen ? <Badge tone="success">{t('groups.deliberation.chosen')}</Badge> : null}
          </p>
          <OptionTargets targets={row.targets} />
          {deliberation.method === 'vote' ? (
            <>
              <div className="tally__track" aria-hidden="true">
                <div
                  className={row.option_id === null ? 'tally__fill tally__fill--against' : 'tally__fill'}
                  style={{ width: `${Math.round(row.share * 100)}%` }}
                />
              </div>
              <p className="tally__count">
                {`${t('groups.deliberation.votes', { count: row.votes })} (${formatPercent(row.share, i18n.resolvedLanguage)})`}
              </p>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** "4 dari 10 anggota sudah memilih · kuorum 6", with a bar marked where the quorum is. */
function QuorumBar({ deliberation }: { deliberation: DeliberationView }) {
  const { t } = useTranslation();
  const quorum = quorumOf(deliberation);
  const share = (n: number) => (quorum.voters > 0 ? Math.min(100, Math.round((n * 100) / quorum.voters)) : 0);
  const text =
    quorum.quorum === null
      ? t('groups.deliberation.quorum.lineWithout', { voted: quorum.voted, voters: quorum.voters })
      : t('groups.deliberation.quorum.line', { voted: quorum.voted, voters: quorum.voters, quorum: quorum.quorum });
  return (
    <div className="quorum" data-testid="quorum">
      <p className="quorum__text">{text}</p>
      <div
        className="quorum__track"
        role="progressbar"
        aria-label={t('groups.deliberation.quorum.label')}
        aria-valuemin={0}
        aria-valuemax={quorum.voters}
        aria-valuenow={Math.min(quorum.voted, quorum.voters)}
        aria-valuetext={text}
      >
        <div className={quorum.reached ? 'quorum__fill quorum__fill--reached' : 'quorum__fill'} style={{ width: `${share(quorum.voted)}%` }} />
        {quorum.quorum !== null ? <div className="quorum__mark" style={{ left: `${share(quorum.quorum)}%` }} /> : null}
      </div>
      {quorum.quorum !== null ? (
        <p className="quorum__state" data-testid="quorum-state">
          {quorum.reached ? t('groups.deliberation.quorum.reached') : t('groups.deliberation.quorum.missing', { count: quorum.missing })}
        </p>
      ) : null}
    </div>
  );
}

/** The votes recorded so far, by name; a vote someone else entered says who did. */
function VotesList({ deliberation }: { deliberation: DeliberationView }) {
  const { t } = useTranslation();
  const id = useId();
  const against = t('groups.deliberation.against');
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="votes-list">
      <h3 id={`${id}-title`}>{t('groups.deliberation.votesList')}</h3>
      {deliberation.votes.length === 0 ? (
        <p className="muted">{t('groups.deliberation.noVotes')}</p>
      ) : (
        <ul className="plain-list">
          {deliberation.votes.map((vote) => (
            <li key={vote.member_id} className="plain-list__item" data-testid={`vote-${vote.member_id}`}>
              <span>{vote.name}</span>
              <span className="muted">
                {choiceLabel(deliberation, vote.option_id, against)}
                {!vote.own && vote.recorded_by ? (
                  <span className="vote__recorder">{t('groups.deliberation.recordedBy', { name: vote.recorded_by })}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface DeliberationPageProps {
  group: GroupView;
  deliberationId: number;
  created: boolean;
}

/**
 * One proposal: its options and count, the quorum, the votes being recorded (the recorder's sheet,
 * a member's own vote), the decision and the norm it made. Choices tapped and not saved are
 * counted here, so that leaving the page or deciding says so.
 */
export function DeliberationPage({ group, deliberationId, created }: DeliberationPageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const resource = useDeliberation(group.id, deliberationId);
  const [decidedNow, setDecidedNow] = useState(false);
  const [ownPick, setOwnPick] = useState<Choice | undefined>(undefined);
  const deliberation = resource.data;
  const recorder = canWrite(group, 'deliberations');
  const voting = deliberation !== undefined && !deliberation.decided && deliberation.method === 'vote' && group.status !== 'dissolved';
  const sheet = useVoteSheet(group, deliberation, recorder && voting);
  const ownMember = group.member_id;
  const ownUnsaved =
    voting && ownMember !== null && ownPick !== undefined && !votesByMember(deliberation).has(ownMember) ? 1 : 0;
  const unsaved = voting ? sheet.unsaved.length + ownUnsaved : 0;
  const back = <BackLink to={groupPath(group.id, 'deliberations')}>{t('groups.deliberation.back')}</BackLink>;
  const guard = <LeaveGuard unsaved={unsaved > 0} question={t('groups.deliberation.record.leave', { count: unsaved })} />;

  if (!deliberation) {
    return (
      <>
        {back}
        <Pending problem={resource.isError ? groupProblemMessage(t, resource.error) : null} loading={t('groups.deliberation.loading')} />
      </>
    );
  }

  const agreed = deliberation.decided && deliberation.outcome === 'agreed';
  return (
    <>
      {back}
      {guard}
      <section className="card" aria-labelledby={`${id}-title`} data-testid="deliberation">
        <h2 id={`${id}-title`}>{deliberation.title}</h2>
        {created ? <Alert tone="success">{t('groups.deliberation.created')}</Alert> : null}
        {decidedNow ? <Alert tone="success">{t('groups.deliberation.decide.decided')}</Alert> : null}
        <p className="record-card__badges">
          <OutcomeBadge deliberation={deliberation} />
          <Badge tone="neutral">{t(`groups.deliberations.topics.${deliberation.topic}`)}</Badge>
        </p>
        <p className="muted" data-testid="deliberation-rule">
          {t('groups.deliberation.rule', { rule: t(`groups.deliberations.rules.${deliberation.rule}`) })}
        </p>
        {deliberation.proposed_by ? (
          <p className="muted" data-testid="proposed-by">
            {t('groups.deliberations.proposedBy', { name: deliberation.proposed_by.name })}
          </p>
        ) : null}
        {deliberation.description ? <p className="preserve-lines">{deliberation.description}</p> : null}
        {deliberation.change ? (
          <SettingChangeLine
            groupId={group.id}
            change={deliberation.change}
            label={agreed ? t('groups.changes.applied') : t('groups.changes.ifAgreed')}
          />
        ) : null}
        {deliberation.decided && deliberation.outcome && deliberation.decided_on ? (
          <p className="lead">
            {t('groups.deliberation.decidedOn', {
              outcome: t(`groups.deliberations.outcomes.${deliberation.outcome}`),
              date: formatDay(deliberation.decided_on, language, 'long'),
            })}
          </p>
        ) : null}
        {voting ? <QuorumBar deliberation={deliberation} /> : null}
        <h3>{deliberation.method === 'vote' ? t('groups.deliberation.results') : t('groups.deliberations.form.options')}</h3>
        <Tally deliberation={deliberation} />
        {deliberation.method === 'consensus' && !deliberation.decided ? (
          <p className="muted">{t('groups.deliberation.consensusNoVotes')}</p>
        ) : null}
        {deliberation.note ? (
          <>
            <h3>{t('groups.deliberation.note')}</h3>
            <p className="preserve-lines">{deliberation.note}</p>
          </>
        ) : null}
        {deliberation.norm ? (
          <div className="norm" data-testid="norm">
            <h3>{t('groups.deliberation.norm')}</h3>
            <p className="norm__text">
              {t('groups.deliberation.normText', {
                text: deliberation.norm.text,
                date: formatDay(deliberation.norm.adopted_on, language, 'long'),
              })}
            </p>
          </div>
        ) : null}
      </section>
      {voting && ownMember !== null ? (
        <OwnVote groupId={group.id} memberId={ownMember} deliberation={deliberation} pick={ownPick} onPick={setOwnPick} />
      ) : null}
      {voting && recorder ? <VoteSheet group={group} deliberation={deliberation} sheet={sheet} /> : null}
      {deliberation.method === 'vote' ? <VotesList deliberation={deliberation} /> : null}
      {!deliberation.decided && recorder ? (
        <DecidePanel group={group} deliberation={deliberation} unsaved={unsaved} onDecided={() => setDecidedNow(true)} />
      ) : null}
    </>
  );
}
