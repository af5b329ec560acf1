import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FieldErrors } from '../../../components/field-parts';
import { useSubmission } from '../../../lib/use-submission';
import { useCastVote, useWithdrawVote } from '../hooks/use-group-mutations';
import type { DeliberationView } from '../types';
import { readGroupErrors } from '../types/errors';
import { choiceLabel, votesByMember, type Choice } from '../types/votes';
import { ChoiceButtons } from './VoteSheet';

interface OwnVoteProps {
  groupId: number;
  /** The caller's own membership. */
  memberId: number;
  deliberation: DeliberationView;
  /** Her tap not saved yet (the page keeps it, to ask before she leaves). */
  pick: Choice | undefined;
  onPick: (pick: Choice | undefined) => void;
}

/**
 * A member votes for herself from her own phone: her buttons and a save; afterwards, her choice.
 * Before she saves she reads what a saved vote means (it counts, in her name, when the proposal is
 * decided); a wrong tap can be taken back while the proposal is open, and cast again.
 */
export function OwnVote({ groupId, memberId, deliberation, pick, onPick }: OwnVoteProps) {
  const { t } = useTranslation();
  const id = useId();
  const vote = useCastVote(groupId, deliberation.id);
  const withdraw = useWithdrawVote(groupId, deliberation.id);
  const { submitting, submit } = useSubmission();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const votes = votesByMember(deliberation);
  const against = t('groups.deliberation.against');

  async function onSave() {
    if (pick === undefined) return;
    setErrors([]);
    const body = { option_id: pick };
    await submit(body, (key) => vote.mutateAsync({ body, idempotencyKey: key }), {
      onSuccess: () => {
        onPick(undefined);
        setSaved(true);
      },
      onError: (error) => setErrors(readGroupErrors(t, error, []).general),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="own-vote">
      <h3 id={`${id}-title`}>{t('groups.deliberation.own.title')}</h3>
      {votes.has(memberId) ? (
        <>
          {saved ? <Alert tone="success">{t('groups.deliberation.own.saved')}</Alert> : null}
          <p className="lead" data-testid="own-vote-choice">
            {t('groups.deliberation.own.voted', { choice: choiceLabel(deliberation, votes.get(memberId)!, against) })}
          </p>
          <p className="muted">{t('groups.deliberation.own.withdrawHint')}</p>
          <ConfirmAction
            label={t('groups.deliberation.own.withdraw')}
            question={t('groups.deliberation.own.withdrawQuestion')}
            confirmLabel={t('groups.deliberation.own.withdrawConfirm')}
            testId="own-vote-withdraw"
            describeError={(error) => readGroupErrors(t, error, []).general.join(' ')}
            onConfirm={async () => {
              await withdraw.mutateAsync({ body: memberId });
              setSaved(false);
            }}
          />
        </>
      ) : (
        <>
          <p className="muted">{t('groups.deliberation.own.intro')}</p>
          <p className="muted" data-testid="own-vote-counts">{t('groups.deliberation.own.counts')}</p>
          <ChoiceButtons
            deliberation={deliberation}
            label={t('groups.deliberation.own.choicesLabel')}
            pressed={pick}
            onTap={(choice) => onPick(pick === choice ? undefined : choice)}
            describedBy={errors.length > 0 ? `${id}-error` : undefined}
          />
          <FieldErrors id={`${id}-error`} messages={errors} />
          <button
            type="button"
            className="button button--primary button--block"
            disabled={submitting || pick === undefined}
            onClick={() => void onSave()}
          >
            {submitting ? t('groups.deliberation.own.saving') : t('groups.deliberation.own.save')}
          </button>
        </>
      )}
    </section>
  );
}
