import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDay, todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useCreateMeeting } from '../hooks/use-group-mutations';
import { useMeetings } from '../hooks/use-group-queries';
import { canWrite, MEETING_KINDS, type GroupView, type Meeting, type MeetingInput } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import {
  emptyMeetingDraft,
  MEETING_FIELDS,
  validateMeeting,
} from '../types/forms';
import { meetingPath, type WorkspaceNotice } from '../types/paths';
import { MeetingStatusBadge } from './labels';

const MEETINGS_PAGE = 20;

/** A new meeting: the day (a day to come is a plan), formal or not, where, what about. */
function MeetingForm({ group, onCancel }: { group: GroupView; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateMeeting(group.id);
  const form = useForm({
    initial: () => emptyMeetingDraft(todayIso()),
    validate: validateMeeting,
    send: (body: MeetingInput, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, MEETING_FIELDS),
    // Straight to the meeting, where attendance is taken.
    onSaved: (created) =>
      void navigate(meetingPath(group.id, created.id), { state: { notice: 'meetingCreated' } satisfies WorkspaceNotice }),
  });
  const { draft, set, errorsFor, field } = form;

  return (
    <FormCard
      title={t('groups.meetings.form.title')}
      form={form}
      labels={{ submit: t('groups.meetings.form.submit'), saving: t('groups.meetings.form.submitting'), cancel: t('groups.meetings.form.cancel') }}
      onCancel={onCancel}
      testId="meeting-form"
    >
      <FormField
        id={`${id}-held-on`}
        label={t('common.required', { label: t('groups.meetings.form.heldOn') })}
        hint={t('groups.meetings.form.heldOnHint')}
        errors={[...errorsFor('held_on'), ...errorsFor('status')]}
        type="date"
        name="held_on"
        value={draft.held_on}
        onChange={(e) => set('held_on', e.target.value)}
      />
      <SelectField
        label={t('groups.meetings.form.kind')}
        options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`groups.meetings.kinds.${kind}`) }))}
        {...field('kind')}
      />
      <FormField
        label={t('groups.meetings.form.venue')}
        hint={t('groups.meetings.form.venueHint')}
        {...field('venue')}
      />
      <TextAreaField
        label={t('groups.meetings.form.agenda')}
        {...field('agenda')}
      />
    </FormCard>
  );
}

function MeetingCard({ groupId, meeting }: { groupId: number; meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const recorded = meeting.present + meeting.excused + meeting.absent;
  return (
    <li className="record-card" data-testid={`meeting-${meeting.id}`}>
      <h3 className="record-card__title">
        <Link to={meetingPath(groupId, meeting.id)}>{formatDay(meeting.held_on, i18n.resolvedLanguage, 'long')}</Link>
      </h3>
      <p className="record-card__badges">
        <MeetingStatusBadge status={meeting.status} />
        <span className="record-card__count">{t(`groups.meetings.kinds.${meeting.kind}`)}</span>
      </p>
      {meeting.venue ? <p className="record-card__line">{t('groups.meetings.venueLine', { venue: meeting.venue })}</p> : null}
      {meeting.status === 'held' ? (
        <p className="record-card__line muted">
          {recorded > 0
            ? t('groups.meetings.attendanceLine', { present: meeting.present, excused: meeting.excused, absent: meeting.absent })
            : t('groups.meetings.noAttendance')}
        </p>
      ) : null}
    </li>
  );
}

/** Pertemuan: the group's meetings, newest first; the leader, secretary or mentor records a new one. */
export function MeetingsSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const meetings = useMeetings(group.id, MEETINGS_PAGE, offset);
  const data = meetings.data;
  const writable = canWrite(group, 'meetings');

  return (
    <SectionCard
      title={t('groups.meetings.title')}
      count={data ? t('groups.meetings.total', { count: data.total }) : null}
      addLabel={t('groups.meetings.add')}
      canAdd={writable}
      busy={meetings.isFetching}
      form={(close) => <MeetingForm group={group} onCancel={close} />}
    >
      <RecordList
        query={meetings}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.meetings.loading')}
        empty={t('groups.meetings.empty')}
        testId="meeting-list"
        paging={{ limit: MEETINGS_PAGE, offset, onChange: setOffset }}
      >
        {(meeting) => <MeetingCard key={meeting.id} groupId={group.id} meeting={meeting} />}
      </RecordList>
    </SectionCard>
  );
}
