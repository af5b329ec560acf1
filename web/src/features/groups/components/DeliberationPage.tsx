import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { FieldErrors } from '../../../components/field-parts';
import { BackLink } from '../../../components/BackLink';
import { Pending } from '../../../components/Pending';
import { formatDay, formatPercent } from '../../../lib/format';
import { useSubmission } from '../../../lib/use-submission';
import { NO_ERRORS, useFormErrors } from '../../../lib/use-form-errors';
import { bindFields } from '../../../lib/use-form';
import { useCastVote, useDecide } from '../hooks/use-group-mutations';
import { useDeliberation, useMembers } from '../hooks/use-group-queries';
import { canWrite, OUTCOMES, type DeliberationView, type GroupView, type Outcome } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { emptyDecisionDraft, validateDecision, type DecisionDraft, type DecisionField } from '../types/forms';
import { groupPath } from '../types/paths';
import { choiceLabel, tally, votesByMember, voterRows, type Choice, type VoterRow } from '../types/votes';
import { OutcomeBadge } from './DeliberationsSection';

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

interface VoterProps {
  group: GroupView;
  deliberation: DeliberationView;
  row: VoterRow;
  /** A recorder names the member; a member casting her own vote does not need to. */
  recorder: boolean;
  onVoted: (name: string) => void;
}

/** One voter: a big button per option and "against"; a mis-tap is fixed before Save, never after. */
function Voter({ group, deliberation, row, recorder, onVoted }: VoterProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pick, setPick] = useState<Choice | undefined>(undefined);
  const { submitting: saving, submit } = useSubmission();
  const vote = useCastVote(group.id, deliberation.id);
  const [errors, setErrors] = useState<string[]>([]);
  const against = t('groups.deliberation.against');

  if (row.voted !== undefined) {
    return (
      <li className="voter" data-testid={`voter-${row.member_id}`}>
        <p className="voter__name">{row.name}</p>
        <p className="voter__done">{t('groups.deliberation.record.voted', { choice: choiceLabel(deliberation, row.voted, against) })}</p>
      </li>
    );
  }

  async function onSave() {
    if (pick === undefined) return;
    setErrors([]);
    const body = recorder ? { member_id: row.member_id, option_id: pick } : { option_id: pick };
    await submit(body, (key) => vote.mutateAsync({ body, idempotencyKey: key }), {
      onSuccess: () => onVoted(row.name),
      onError: (error) => setErrors(readGroupErrors(t, error, []).general),
    });
  }

  const choices: Choice[] = [...deliberation.options.map((option) => option.id), null];
  return (
    <li className="voter" data-testid={`voter-${row.member_id}`}>
      <p className="voter__name">{row.name}</p>
      <div
        className="choices"
        role="group"
        aria-label={t('groups.deliberation.record.choicesLabel', { name: row.name })}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
      >
        {choices.map((choice) => (
          <button
            key={choice ?? 'against'}
            type="button"
            className={choice === null ? 'choice-button choice-button--against' : 'choice-button'}
            aria-pressed={pick === choice}
            onClick={() => setPick(pick === choice ? undefined : choice)}
          >
            {choiceLabel(deliberation, choice, against)}
          </button>
        ))}
      </div>
      <FieldErrors id={`${id}-error`} messages={errors} />
      {pick !== undefined ? (
        <button
          type="button"
          className="button button--primary button--block"
          aria-label={t('groups.deliberation.record.saveLabel', { name: row.name })}
          disabled={saving}
          onClick={() => void onSave()}
        >
          {saving ? t('groups.deliberation.record.saving') : t('groups.deliberation.record.save')}
        </button>
      ) : null}
    </li>
  );
}

/** Recording votes: the leader or secretary enters every member's; a member casts her own. */
function VoteRecorder({ group, deliberation }: { group: GroupView; deliberation: DeliberationView }) {
  const { t } = useTranslation();
  const id = useId();
  const recorder = canWrite(group, 'deliberations');
  const members = useMembers(group.id, false, recorder);
  const [notice, setNotice] = useState<string | null>(null);
  const own = group.member_id;

  const rows: VoterRow[] | null = recorder
    ? members.data
      ? voterRows(members.data, deliberation, null)
      : null
    : own !== null
      ? [{ member_id: own, name: t('groups.deliberation.record.own'), voted: votesByMember(deliberation).get(own) }]
      : [];
  if (rows !== null && rows.length === 0 && !recorder) return null;

  // The proposal on the page shows the new count: the vote put the server's answer in the cache.
  const handleVoted = (name: string) => setNotice(t('groups.deliberation.record.saved', { name }));

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="vote-recorder">
      <h3 id={`${id}-title`}>{recorder ? t('groups.deliberation.record.title') : t('groups.deliberation.record.own')}</h3>
      <p className="muted">{recorder ? t('groups.deliberation.record.intro') : t('groups.deliberation.record.ownIntro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {recorder && members.isError ? <Alert tone="error">{groupProblemMessage(t, members.error)}</Alert> : null}
      {rows === null && !members.isError ? <p role="status">{t('groups.deliberation.record.loadingMembers')}</p> : null}
      {rows !== null && rows.length === 0 ? <p>{t('groups.deliberation.record.noMembers')}</p> : null}
      {rows !== null && rows.length > 0 ? (
        <ul className="voters">
          {rows.map((row) => (
            <Voter
              key={row.member_id}
              group={group}
              deliberation={deliberation}
              row={row}
              recorder={recorder}
              onVoted={handleVoted}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The votes recorded so far, by name. */
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
            <li key={vote.member_id} className="plain-list__item">
              <span>{vote.name}</span>
              <span className="muted">{choiceLabel(deliberation, vote.option_id, against)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Closing the proposal: a vote is counted by the server; a consensus is recorded with its outcome. */
function DecidePanel({
  group,
  deliberation,
  onDecided,
}: {
  group: GroupView;
  deliberation: DeliberationView;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<DecisionDraft>(emptyDecisionDraft);
  const { setLocal, server, setServer, errorsFor } = useFormErrors<DecisionField>();
  const { submitting, submit } = useSubmission();
  const decision = useDecide(group.id, deliberation.id);
  const consensus = deliberation.method === 'consensus';

  const set = <K extends keyof DecisionDraft>(field: K, value: DecisionDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const field = bindFields(id, draft, set, errorsFor);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer(NO_ERRORS);
    const { errors, input } = validateDecision(deliberation.method, draft);
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => decision.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: onDecided,
      onError: (error) => setServer(readGroupErrors(t, error, consensus ? ['outcome', 'option_id', 'note'] : ['note'])),
    });
  }

  const outcomeErrors = errorsFor('outcome');
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="decide">
      <h3 id={`${id}-title`}>{t('groups.deliberation.decide.title')}</h3>
      <p className="muted">{consensus ? t('groups.deliberation.decide.consensusIntro') : t('groups.deliberation.decide.voteIntro')}</p>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        {consensus ? (
          <>
            <fieldset className="choice-group" aria-describedby={outcomeErrors.length > 0 ? `${id}-outcome-error` : undefined}>
              <legend className="field__label">{t('groups.deliberation.decide.outcome')}</legend>
              {OUTCOMES.map((outcome: Outcome) => (
                <label key={outcome} className="choice">
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    checked={draft.outcome === outcome}
                    onChange={() => setDraft((d) => ({ ...d, outcome, option_id: outcome === 'agreed' ? d.option_id : '' }))}
                  />
                  <span>{t(`groups.deliberations.outcomes.${outcome}`)}</span>
                </label>
              ))}
              <FieldErrors id={`${id}-outcome-error`} messages={outcomeErrors} />
            </fieldset>
            {draft.outcome === 'agreed' ? (
              <SelectField
                label={t('groups.deliberation.decide.option')}
                emptyLabel={t('groups.deliberation.decide.chooseOption')}
                options={deliberation.options.map((option) => ({ value: String(option.id), label: option.label }))}
                {...field('option_id')}
              />
            ) : null}
          </>
        ) : null}
        <TextAreaField
          label={t('groups.deliberation.decide.note')}
          hint={t('groups.deliberation.decide.noteHint')}
          {...field('note')}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting
            ? t('groups.deliberation.decide.submitting')
            : consensus
              ? t('groups.deliberation.decide.submitConsensus')
              : t('groups.deliberation.decide.submitVote')}
        </button>
      </form>
    </section>
  );
}

interface DeliberationPageProps {
  group: GroupView;
  deliberationId: number;
  created: boolean;
}

/** One proposal: its options and count, the votes being recorded, the decision and the norm it made. */
export function DeliberationPage({ group, deliberationId, created }: DeliberationPageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const resource = useDeliberation(group.id, deliberationId);
  const [decidedNow, setDecidedNow] = useState(false);
  const deliberation = resource.data;
  const recorder = canWrite(group, 'deliberations');
  const back = <BackLink to={groupPath(group.id, 'deliberations')}>{t('groups.deliberation.back')}</BackLink>;

  if (!deliberation) {
    return (
      <>
        {back}
        <Pending problem={resource.isError ? groupProblemMessage(t, resource.error) : null} loading={t('groups.deliberation.loading')} />
      </>
    );
  }

  const voting = !deliberation.decided && deliberation.method === 'vote' && group.status !== 'dissolved';
  return (
    <>
      {back}
      <section className="card" aria-labelledby={`${id}-title`} data-testid="deliberation">
        <h2 id={`${id}-title`}>{deliberation.title}</h2>
        {created ? <Alert tone="success">{t('groups.deliberation.created')}</Alert> : null}
        {decidedNow ? <Alert tone="success">{t('groups.deliberation.decide.decided')}</Alert> : null}
        <p className="record-card__badges">
          <OutcomeBadge deliberation={deliberation} />
          <Badge tone="neutral">{t(`groups.deliberations.topics.${deliberation.topic}`)}</Badge>
          <Badge tone="neutral">{t(`groups.deliberations.methods.${deliberation.method}`)}</Badge>
        </p>
        {deliberation.description ? <p className="preserve-lines">{deliberation.description}</p> : null}
        {deliberation.decided && deliberation.outcome && deliberation.decided_on ? (
          <p className="lead">
            {t('groups.deliberation.decidedOn', {
              outcome: t(`groups.deliberations.outcomes.${deliberation.outcome}`),
              date: formatDay(deliberation.decided_on, language, 'long'),
            })}
          </p>
        ) : null}
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
      {voting && (recorder || group.member_id !== null) ? (
        <VoteRecorder group={group} deliberation={deliberation} />
      ) : null}
      {deliberation.method === 'vote' && !(voting && recorder) ? <VotesList deliberation={deliberation} /> : null}
      {!deliberation.decided && recorder ? (
        <DecidePanel
          group={group}
          deliberation={deliberation}
          onDecided={() => setDecidedNow(true)}
        />
      ) : null}
    </>
  );
}
