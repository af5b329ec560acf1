import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { formatDay, todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useCreateMentorship, useEndMentorship, useMentorships } from '../hooks/use-learning';
import { membersOn, type GroupMember, type GroupView, type Mentorship } from '../types/cycles';
import { learningProblemMessage, readLearningErrors, refusalLines } from '../types/errors';
import { emptyMentorshipDraft, MAX_NOTE, MENTORSHIP_FIELDS, validateMentorship } from '../types/mentorship';
import { MentorFields } from './MentorFields';
import { OriginBadge } from './stages';

interface MentorshipFormProps {
  group: GroupView;
  members: readonly GroupMember[];
  onSaved: (saved: Mentorship) => void;
  onCancel: () => void;
}

/** A mentor paired with one mentee from a day on (and, when known, to a day). */
function MentorshipForm({ group, members, onSaved, onCancel }: MentorshipFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateMentorship(group.id);
  const form = useForm({
    initial: () => emptyMentorshipDraft(todayIso()),
    validate: (draft) => validateMentorship(draft, group.id),
    send: (body, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, _input, sent) =>
      isApiError(error) && error.slug === 'already-exists'
        ? { byField: { mentee_member_id: [t('mentoring.mentorships.form.already')] }, general: [] }
        : readLearningErrors(t, error, MENTORSHIP_FIELDS, (field) =>
            field.base === 'mentor_member_id' || field.base === 'mentor_person_id'
              ? sent.origin === 'community'
                ? 'mentor_member_id'
                : 'mentor_person_id'
              : field.base,
          ),
    onSaved,
  });
  const { draft, set, errorsFor, field } = form;
  const options = membersOn(members, todayIso()).map((m) => ({ value: String(m.id), label: m.person.name }));
  return (
    <FormCard
      title={t('mentoring.mentorships.form.title')}
      form={form}
      labels={{ submit: t('mentoring.mentorships.form.submit'), saving: t('mentoring.mentorships.form.saving'), cancel: t('mentoring.mentorships.form.cancel') }}
      onCancel={onCancel}
      testId="mentorship-form"
    >
      <MentorFields
        id={id}
        origin={draft.origin}
        onOrigin={(origin) => set('origin', origin)}
        originErrors={errorsFor('mentor_origin')}
        memberOptions={options}
        member={field('mentor_member_id')}
        person={field('mentor_person_id')}
      />
      <SelectField
        label={t('common.required', { label: t('mentoring.mentorships.form.mentee') })}
        emptyLabel={t('mentoring.mentorships.form.chooseMentee')}
        options={options}
        {...field('mentee_member_id')}
      />
      <FormField label={t('common.required', { label: t('mentoring.mentorships.form.startedOn') })} type="date" {...field('started_on')} />
      <FormField label={t('mentoring.mentorships.form.endedOn')} hint={t('mentoring.mentorships.form.endedOnHint')} type="date" {...field('ended_on')} />
      <TextAreaField label={t('mentoring.mentorships.form.note')} hint={t('mentoring.mentorships.form.noteHint')} maxLength={MAX_NOTE} {...field('note')} />
    </FormCard>
  );
}

/** Whether a mentorship lasts on `day`: started by then and not ended before it. */
function lastsOn(mentorship: Mentorship, day: string): boolean {
  return mentorship.started_on <= day && (mentorship.ended_on === null || mentorship.ended_on >= day);
}

interface CardProps {
  mentorship: Mentorship;
  canGuide: boolean;
  onEnded: (mentorship: Mentorship) => void;
}

function MentorshipCard({ mentorship, canGuide, onEnded }: CardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const end = useEndMentorship(mentorship.group_id);
  const today = todayIso();
  const names = { mentor: mentorship.mentor_name, mentee: mentorship.mentee_name };
  const ongoing = lastsOn(mentorship, today);
  // Not ended by today: it may still be ended, on this day.
  const open = mentorship.ended_on === null || mentorship.ended_on > today;
  return (
    <li className="record-card" data-testid={`mentorship-${mentorship.id}`}>
      <h3 className="record-card__title">{t('mentoring.mentorships.pair', names)}</h3>
      <p className="record-card__badges">
        <OriginBadge origin={mentorship.mentor_origin} />
        <Badge tone={ongoing ? 'info' : 'neutral'}>{t(ongoing ? 'mentoring.mentorships.ongoing' : open ? 'mentoring.mentorships.upcoming' : 'mentoring.mentorships.ended')}</Badge>
      </p>
      <p className="record-card__line" data-testid={`mentorship-${mentorship.id}-period`}>
        {mentorship.ended_on
          ? t('mentoring.mentorships.period', { from: formatDay(mentorship.started_on, language), to: formatDay(mentorship.ended_on, language) })
          : t('mentoring.mentorships.since', { from: formatDay(mentorship.started_on, language) })}
      </p>
      {mentorship.note ? <p className="record-card__line muted">{mentorship.note}</p> : null}
      {canGuide && open ? (
        <ConfirmAction
          label={t('mentoring.mentorships.end')}
          accessibleLabel={t('mentoring.mentorships.endLabel', names)}
          question={t('mentoring.mentorships.endQuestion', { ...names, day: formatDay(today, language) })}
          confirmLabel={t('mentoring.mentorships.endConfirm')}
          describeError={(error) => refusalLines(t, error).join(' ')}
          onConfirm={async () => {
            await end.mutateAsync({ mentorship, day: today });
            onEnded(mentorship);
          }}
        />
      ) : null}
    </li>
  );
}

interface MentorshipsSectionProps {
  group: GroupView;
  members: readonly GroupMember[] | undefined;
  canGuide: boolean;
}

/** Pendampingan mentor: who mentors whom in the group, and since when; those who guide pair and end them. */
export function MentorshipsSection({ group, members, canGuide }: MentorshipsSectionProps) {
  const { t } = useTranslation();
  const list = useMentorships(group.id);
  const [notice, setNotice] = useState<string | null>(null);
  const data = list.data;
  return (
    <SectionCard
      title={t('mentoring.mentorships.title')}
      count={data ? t('mentoring.mentorships.total', { count: data.total }) : null}
      addLabel={t('mentoring.mentorships.add')}
      addTone="secondary"
      canAdd={canGuide && members !== undefined}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t('mentoring.mentorships.intro')}</p>}
      notice={notice}
      busy={list.isFetching}
      testId="mentorships"
      form={(close) => (
        <MentorshipForm
          group={group}
          members={members ?? []}
          onCancel={close}
          onSaved={(saved) => {
            close();
            setNotice(t('mentoring.mentorships.created', { mentor: saved.mentor_name, mentee: saved.mentee_name }));
          }}
        />
      )}
    >
      <RecordList
        query={list}
        problem={(e) => learningProblemMessage(t, e)}
        loading={t('mentoring.mentorships.loading')}
        empty={t('mentoring.mentorships.empty')}
        testId="mentorship-list"
      >
        {(mentorship) => (
          <MentorshipCard
            key={mentorship.id}
            mentorship={mentorship}
            canGuide={canGuide}
            onEnded={(ended) => setNotice(t('mentoring.mentorships.endedNotice', { mentor: ended.mentor_name, mentee: ended.mentee_name }))}
          />
        )}
      </RecordList>
    </SectionCard>
  );
}
