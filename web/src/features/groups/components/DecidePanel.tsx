import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { FieldErrors } from '../../../components/field-parts';
import { useSubmission } from '../../../lib/use-submission';
import { NO_ERRORS, readServerErrors, useFormErrors, type ServerErrors } from '../../../lib/use-form-errors';
import { bindFields } from '../../../lib/use-form';
import { useDecide } from '../hooks/use-group-mutations';
import { OUTCOMES, type DecisionInput, type DeliberationView, type GroupView, type Outcome } from '../types';
import { groupFieldMessage, groupProblemMessage, serverField } from '../types/errors';
import { emptyDecisionDraft, validateDecision, type DecisionDraft, type DecisionField } from '../types/forms';
import { forecast, noQuorumOf, quorumOf } from '../types/votes';
import { SettingChangeLine } from './SettingChangeLine';

/**
 * A refused decision in words, from its codes: short of the quorum it says the numbers ("Baru 4
 * dari 10 anggota memilih; perlu 6."); a consensus's fields go beside them.
 */
export function readDecideErrors(t: TFunction, error: unknown, deliberation: DeliberationView, placeable: readonly string[]): ServerErrors {
  const short = noQuorumOf(error, deliberation);
  if (short) return { byField: {}, general: [t('groups.deliberation.decide.noQuorum', { ...short })] };
  return readServerErrors(error, {
    fieldOf: (fieldError) => {
      const field = serverField(fieldError.field);
      return placeable.includes(field.base) ? field.base : null;
    },
    message: (fieldError) => groupFieldMessage(t, fieldError),
    problem: (failure) => groupProblemMessage(t, failure),
  });
}

interface ConfirmDecisionProps {
  groupId: number;
  deliberation: DeliberationView;
  /** Choices tapped (on the sheet, or her own) and not saved: they are not counted. */
  unsaved: number;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}

/** What counting the votes now will do, in numbers, before it is done. */
function ConfirmDecision({ groupId, deliberation, unsaved, busy, onYes, onNo }: ConfirmDecisionProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const quorum = quorumOf(deliberation);
  const outlook = forecast(deliberation);
  const rule = deliberation.rule === 'two_thirds' ? 'two_thirds' : 'majority';

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div className="confirm confirm--decide" role="group" aria-labelledby={`${id}-question`} data-testid="decide-confirm">
      <div id={`${id}-question`} className="confirm__question" ref={ref} tabIndex={-1}>
        <p>{t('groups.deliberation.decide.confirmVoted', { voted: quorum.voted, voters: quorum.voters })}</p>
        <p>{t(`groups.deliberation.decide.confirmRule.${rule}`)}</p>
        <p data-testid="decide-forecast">
          {outlook.agreed
            ? t('groups.deliberation.decide.forecastAgreed', { option: outlook.label, votes: outlook.votes, cast: outlook.cast })
            : t('groups.deliberation.decide.forecastNotAgreed')}
        </p>
        {unsaved > 0 ? <p className="confirm__warning">{t('groups.deliberation.decide.confirmUnsaved', { count: unsaved })}</p> : null}
        <p>{t('groups.deliberation.decide.confirmFinal')}</p>
      </div>
      {deliberation.change ? (
        <SettingChangeLine groupId={groupId} change={deliberation.change} label={t('groups.changes.ifAgreed')} testId="decide-change" />
      ) : null}
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onYes}>
          {busy ? t('groups.deliberation.decide.submitting') : t('groups.deliberation.decide.confirmYes')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onNo}>
          {t('groups.confirm.no')}
        </button>
      </div>
    </div>
  );
}

interface DecidePanelProps {
  group: GroupView;
  deliberation: DeliberationView;
  /** Choices tapped and not saved yet, on the sheet or her own. */
  unsaved: number;
  onDecided: () => void;
}

/**
 * Closing the proposal. A vote is counted by the server once the quorum is reached, after a
 * question in the page that says what will happen; a consensus is recorded with its outcome.
 */
export function DecidePanel({ group, deliberation, unsaved, onDecided }: DecidePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<DecisionDraft>(emptyDecisionDraft);
  const [confirming, setConfirming] = useState<DecisionInput | null>(null);
  const { setLocal, server, setServer, errorsFor } = useFormErrors<DecisionField>();
  const { submitting, submit } = useSubmission();
  const decision = useDecide(group.id, deliberation.id);
  const consensus = deliberation.method === 'consensus';
  const quorum = quorumOf(deliberation);
  const blocked = !consensus && !quorum.reached;

  // A change to the note after the question was asked asks again: what is sent is what was asked.
  const set = <K extends keyof DecisionDraft>(field: K, value: DecisionDraft[K]) => {
    setConfirming(null);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const field = bindFields(id, draft, set, errorsFor);

  async function send(input: DecisionInput) {
    await submit(input, (key) => decision.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: () => {
        setConfirming(null);
        onDecided();
      },
      onError: (error) => {
        setConfirming(null);
        setServer(readDecideErrors(t, error, deliberation, consensus ? ['outcome', 'option_id', 'note'] : ['note']));
      },
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer(NO_ERRORS);
    const { errors, input } = validateDecision(deliberation.method, draft);
    setLocal(errors);
    if (!input) return;
    // A vote is counted only after the question; a consensus was reached by the members already.
    if (consensus) await send(input);
    else setConfirming(input);
  }

  const outcomeErrors = errorsFor('outcome');
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="decide">
      <h3 id={`${id}-title`}>{t('groups.deliberation.decide.title')}</h3>
      <p className="muted">{consensus ? t('groups.deliberation.decide.consensusIntro') : t('groups.deliberation.decide.voteIntro')}</p>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      {blocked && quorum.quorum !== null ? (
        <p className="decide__quorum" data-testid="decide-quorum">
          {t('groups.deliberation.decide.noQuorum', { voted: quorum.voted, voters: quorum.voters, needed: quorum.quorum })}
        </p>
      ) : null}
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
        <TextAreaField label={t('groups.deliberation.decide.note')} hint={t('groups.deliberation.decide.noteHint')} {...field('note')} />
        {confirming === null ? (
          <button type="submit" className="button button--primary" disabled={submitting || blocked}>
            {submitting
              ? t('groups.deliberation.decide.submitting')
              : consensus
                ? t('groups.deliberation.decide.submitConsensus')
                : blocked
                  ? t('groups.deliberation.decide.quorumNotReached')
                  : t('groups.deliberation.decide.submitVote')}
          </button>
        ) : null}
      </form>
      {confirming !== null ? (
        <ConfirmDecision
          groupId={group.id}
          deliberation={deliberation}
          unsaved={unsaved}
          busy={submitting}
          onYes={() => void send(confirming)}
          onNo={() => setConfirming(null)}
        />
      ) : null}
    </section>
  );
}
