import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { Pending } from '../../../components/Pending';
import { problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useGroupMentors, useMatchableGroups, useStartMatchingRun } from '../hooks/use-matching';
import { emptyRunDraft, MAX_RUN_CAPACITY, startFieldMessage, startFieldOf, validateRunDraft, type MatchingRun, type MatchingRunInput } from '../types/matching';

interface MatchingStartFormProps {
  /** Groups ticked when the form opens (the one whose runs the page shows). */
  initialGroups: readonly number[];
  onStarted: (run: MatchingRun) => void;
  onCancel: () => void;
}

/**
 * Starts a run: the groups to match (those the overseer reaches, found by name), how many mentees
 * each mentor takes, and a mentor's own number where it differs (0: on leave).
 */
export function MatchingStartForm({ initialGroups, onStarted, onCancel }: MatchingStartFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const groups = useMatchableGroups(q);
  const start = useStartMatchingRun();
  const form = useForm({
    initial: () => emptyRunDraft(initialGroups),
    validate: validateRunDraft,
    send: (input: MatchingRunInput, key) => start.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => startFieldOf(fieldError.field),
        message: (fieldError) => startFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved: onStarted,
  });
  const { draft, setDraft, errorsFor, field } = form;
  const mentors = useGroupMentors(draft.groupIds);
  const chosen = new Set(draft.groupIds);
  // The chosen groups stay in the list while another name is searched for.
  const listed = groups.data?.items ?? [];

  function toggle(groupId: number, on: boolean) {
    setDraft((d) => ({ ...d, groupIds: on ? [...d.groupIds.filter((g) => g !== groupId), groupId] : d.groupIds.filter((g) => g !== groupId) }));
  }

  return (
    <FormCard
      title={t('mentoring.matching.form.title')}
      intro={<p className="muted">{t('mentoring.matching.form.intro')}</p>}
      form={form}
      labels={{ submit: t('mentoring.matching.form.submit'), saving: t('mentoring.matching.form.starting'), cancel: t('mentoring.form.cancel') }}
      onCancel={onCancel}
      testId="matching-form"
    >
      <fieldset className="choice-group" aria-describedby={errorsFor('groups').length > 0 ? `${id}-groups-errors` : undefined}>
        <legend>{t('mentoring.matching.form.groups')}</legend>
        <FormField
          id={`${id}-q`}
          label={t('mentoring.matching.form.search')}
          type="search"
          autoComplete="off"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {!groups.data ? (
          <Pending problem={groups.isError ? problemMessage(t, groups.error) : null} loading={t('mentoring.matching.form.groupsLoading')} />
        ) : listed.length === 0 ? (
          <p className="muted">{t('mentoring.matching.form.noGroups')}</p>
        ) : (
          <div data-testid="matching-groups">
            {listed.map((group) => (
              <CheckField
                key={group.id}
                id={`${id}-group-${group.id}`}
                label={group.name}
                checked={chosen.has(group.id)}
                onChange={(on) => toggle(group.id, on)}
              />
            ))}
          </div>
        )}
        {draft.groupIds.length > 0 ? (
          <p className="muted" data-testid="matching-chosen">
            {t('mentoring.matching.form.chosen', { count: draft.groupIds.length })}
          </p>
        ) : null}
        <FieldErrors id={`${id}-groups-errors`} messages={errorsFor('groups')} className="field__errors" />
      </fieldset>
      <FormField
        label={t('common.required', { label: t('mentoring.matching.form.defaultCapacity') })}
        hint={t('mentoring.matching.form.defaultCapacityHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_RUN_CAPACITY}
        {...field('default_capacity')}
      />
      {draft.groupIds.length > 0 ? (
        <fieldset className="choice-group" data-testid="matching-mentors">
          <legend>{t('mentoring.matching.form.mentors')}</legend>
          <p className="muted">{t('mentoring.matching.form.mentorsHint')}</p>
          {mentors.error ? <p className="muted">{problemMessage(t, mentors.error)}</p> : null}
          {!mentors.loading && mentors.mentors.length === 0 ? <p className="muted">{t('mentoring.matching.form.noMentors')}</p> : null}
          {mentors.mentors.map((mentor) => (
            <FormField
              key={mentor.id}
              id={`${id}-mentor-${mentor.id}`}
              label={t('mentoring.matching.form.mentorCapacity', { name: mentor.person.name })}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_RUN_CAPACITY}
              placeholder={draft.default_capacity}
              value={draft.capacities[mentor.id] ?? ''}
              onChange={(e) => setDraft((d) => ({ ...d, capacities: { ...d.capacities, [mentor.id]: e.target.value } }))}
            />
          ))}
          <FieldErrors id={`${id}-capacities-errors`} messages={errorsFor('capacities')} className="field__errors" />
        </fieldset>
      ) : null}
    </FormCard>
  );
}
