import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { usePlanProposals, useSaveCycle, useSectorCompetencies } from '../hooks/use-learning';
import { membersOn, type Cycle, type GroupMember, type GroupView } from '../types/cycles';
import { readLearningErrors } from '../types/errors';
import {
  chooseMentor,
  draftFromCycle,
  emptyPlanDraft,
  MAX_FACILITIES,
  MAX_SHORT,
  PLAN_FIELDS,
  planErrorKey,
  planPatch,
  targetChoices,
  toggleMentee,
  validatePlan,
  type PlanDraft,
} from '../types/plan';
import { MentorFields } from './MentorFields';
import { TargetPicker } from './TargetPicker';

interface CyclePlanFormProps {
  group: GroupView;
  /** The group's members (those who left too). */
  members: readonly GroupMember[];
  /** The cycle to change; null plans a new one. */
  original: Cycle | null;
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

interface Choice {
  id: number;
  name: string;
}

/** The members who may learn: the group's members today but the mentor, and any the plan names already. */
function menteeChoices(members: readonly GroupMember[], draft: PlanDraft, original: Cycle | null): Choice[] {
  const mentor = draft.origin === 'community' && draft.mentor_member_id !== '' ? Number(draft.mentor_member_id) : null;
  const choices = membersOn(members, todayIso())
    .filter((m) => m.id !== mentor)
    .map((m) => ({ id: m.id, name: m.person.name }));
  for (const mentee of original?.mentees ?? []) {
    if (!choices.some((c) => c.id === mentee.member_id)) choices.push({ id: mentee.member_id, name: mentee.name });
  }
  return choices;
}

/**
 * A learning cycle's plan (seed 000's first stage): a title, the theme (or the proposal by which
 * the group chooses it), the mentor, the competencies to learn and to which level, the mentees,
 * and where, when and with what. Once the cycle is under way only the practical details change.
 */
export function CyclePlanForm({ group, members, original, onSaved, onCancel }: CyclePlanFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const save = useSaveCycle();
  const locked = original !== null && original.status !== 'planning';
  const competencies = useSectorCompetencies(group.sector, !locked);
  const proposals = usePlanProposals(group.id, !locked);
  const form = useForm({
    initial: () => (original ? draftFromCycle(original) : emptyPlanDraft()),
    validate: validatePlan,
    send: (input, idempotencyKey) =>
      save.mutateAsync(
        original
          ? { kind: 'update', original, patch: planPatch(original, input) }
          : { kind: 'create', body: { group_id: group.id, ...input }, idempotencyKey },
      ),
    readErrors: (error, input, sent) =>
      readLearningErrors(t, error, PLAN_FIELDS, (field) => {
        // The mentor's message goes beside the mentor field the form shows.
        if (field.base === 'mentor_member_id' || field.base === 'mentor_person_id') {
          return sent.origin === 'community' ? 'mentor_member_id' : 'mentor_person_id';
        }
        return planErrorKey(field.base, input, field.index);
      }),
    onSaved,
  });
  const { draft, set, setDraft, errorsFor, field } = form;
  const today = todayIso();
  const active = membersOn(members, today);
  const memberOptions = active.map((m) => ({
    value: String(m.id),
    label: m.mentor ? t('mentoring.plan.mentorMember', { name: m.person.name }) : m.person.name,
  }));
  const hostOptions = active.map((m) => ({ value: String(m.id), label: m.person.name }));
  // A mentor or host the plan names who has left since stays among the choices.
  const withNamed = (options: typeof memberOptions, memberId: number | null, name: string) =>
    memberId === null || options.some((o) => o.value === String(memberId)) ? options : [...options, { value: String(memberId), label: name }];
  const host = original?.host_member_id ?? null;
  const hostName = members.find((m) => m.id === host)?.person.name ?? String(host);

  const targetErrors = errorsFor('targets');
  const menteeErrors = errorsFor('mentees');
  const targets = targetChoices(competencies.data ?? [], group.sector, original?.targets ?? [], language);
  const mentees = menteeChoices(members, draft, original);
  // The group's proposals on one part of the plan, with where each stands; a linked one stays among them.
  const proposalOptions = (topic: string, linked: string, linkedTitle: string | undefined) => {
    const options = (proposals.data ?? [])
      .filter((p) => p.topic === topic)
      .map((p) => ({
        value: String(p.id),
        label: t(p.decided ? (p.outcome === 'agreed' ? 'mentoring.plan.proposalAgreed' : 'mentoring.plan.proposalNotAgreed') : 'mentoring.plan.proposalOpen', {
          title: p.title,
        }),
      }));
    if (linked !== '' && !options.some((o) => o.value === linked)) options.push({ value: linked, label: linkedTitle ?? linked });
    return options;
  };
  const themeProposals = proposalOptions('learning_theme', draft.deliberation_id, original?.decision?.title);
  const scheduleProposals = proposalOptions('schedule', draft.schedule_deliberation_id, original?.schedule_decision?.title);
  const venueProposals = proposalOptions('venue', draft.venue_deliberation_id, original?.venue_decision?.title);

  return (
    <FormCard
      title={original ? t('mentoring.plan.titleEdit') : t('mentoring.plan.titleNew')}
      intro={locked ? <p className="muted">{t('mentoring.plan.lockedNote')}</p> : null}
      form={form}
      labels={{ submit: t('mentoring.plan.submit'), saving: t('mentoring.plan.saving'), cancel: t('mentoring.plan.cancel') }}
      onCancel={onCancel}
      testId="cycle-form"
    >
      {locked ? null : (
        <>
          <FormField
            label={t('common.required', { label: t('mentoring.plan.title') })}
            hint={t('mentoring.plan.titleHint')}
            autoComplete="off"
            maxLength={MAX_SHORT}
            {...field('title')}
          />
          <FormField label={t('mentoring.plan.theme')} hint={t('mentoring.plan.themeHint')} autoComplete="off" maxLength={MAX_SHORT} {...field('theme')} />
          {themeProposals.length > 0 ? (
            <SelectField
              label={t('mentoring.plan.proposal')}
              hint={t('mentoring.plan.proposalHint')}
              emptyLabel={t('mentoring.plan.noProposal')}
              options={themeProposals}
              {...field('deliberation_id')}
            />
          ) : null}
          <MentorFields
            id={id}
            origin={draft.origin}
            onOrigin={(origin) => set('origin', origin)}
            originErrors={errorsFor('mentor_origin')}
            memberOptions={withNamed(memberOptions, original?.mentor_member_id ?? null, original?.mentor_name ?? '')}
            member={{ ...field('mentor_member_id'), onChange: (event) => setDraft((d) => chooseMentor(d, event.target.value)) }}
            person={field('mentor_person_id')}
          />
          <TargetPicker
            id={`${id}-targets`}
            legend={t('mentoring.plan.targets')}
            hint={
              // The agreed theme already names what the group learns: the start replaces these.
              (original?.decision?.agreed_targets.length ?? 0) > 0 ? t('mentoring.plan.targetsAgreedHint') : t('mentoring.plan.targetsHint')
            }
            choices={targets}
            loading={competencies.isPending}
            chosen={draft.targets}
            onChange={(chosen) => set('targets', chosen)}
            lineErrors={(competencyId) => errorsFor(`target-${competencyId}`)}
            errors={targetErrors}
            testId="plan-targets"
            lineTestId="plan-target"
          />
          <fieldset className="choice-group" aria-describedby={`${id}-mentees-hint`} data-testid="plan-mentees">
            <legend className="field__label">{t('mentoring.plan.mentees')}</legend>
            <p id={`${id}-mentees-hint`} className="field__hint">
              {t('mentoring.plan.menteesHint')}
            </p>
            {mentees.map((choice) => (
              <CheckField
                key={choice.id}
                id={`${id}-mentee-${choice.id}`}
                label={choice.name}
                errors={errorsFor(`mentee-${choice.id}`)}
                checked={draft.mentees.includes(choice.id)}
                onChange={() => set('mentees', toggleMentee(draft.mentees, choice.id))}
              />
            ))}
            <FieldErrors messages={menteeErrors} />
          </fieldset>
        </>
      )}
      <FormField label={t('mentoring.plan.venue')} hint={t('mentoring.plan.venueHint')} autoComplete="off" maxLength={MAX_SHORT} {...field('venue')} />
      {!locked && venueProposals.length > 0 ? (
        <SelectField
          label={t('mentoring.plan.venueProposal')}
          hint={t('mentoring.plan.venueProposalHint')}
          emptyLabel={t('mentoring.plan.noProposal')}
          options={venueProposals}
          {...field('venue_deliberation_id')}
        />
      ) : null}
      <SelectField
        label={t('mentoring.plan.host')}
        emptyLabel={t('mentoring.plan.noHost')}
        options={withNamed(hostOptions, host, hostName)}
        {...field('host_member_id')}
      />
      <FormField
        label={t('mentoring.plan.time')}
        hint={t('mentoring.plan.timeHint')}
        autoComplete="off"
        maxLength={MAX_SHORT}
        {...field('time_allocation')}
      />
      {!locked && scheduleProposals.length > 0 ? (
        <SelectField
          label={t('mentoring.plan.scheduleProposal')}
          hint={t('mentoring.plan.scheduleProposalHint')}
          emptyLabel={t('mentoring.plan.noProposal')}
          options={scheduleProposals}
          {...field('schedule_deliberation_id')}
        />
      ) : null}
      <TextAreaField label={t('mentoring.plan.facilities')} hint={t('mentoring.plan.facilitiesHint')} maxLength={MAX_FACILITIES} {...field('facilities')} />
      <FormField label={t('mentoring.plan.plannedFrom')} type="date" {...field('planned_from')} />
      <FormField label={t('mentoring.plan.plannedTo')} type="date" {...field('planned_to')} />
    </FormCard>
  );
}
