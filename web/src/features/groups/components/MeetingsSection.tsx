import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { Pagination } from '../../../components/Pagination';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDay, todayIso } from '../../../lib/format';
import { useSubmission } from '../../../lib/use-submission';
import { NO_ERRORS, useFormErrors } from '../../../lib/use-form-errors';
import { useCreateMeeting } from '../hooks/use-group-mutations';
import { useMeetings } from '../hooks/use-group-queries';
import { canWrite, MEETING_KINDS, type GroupView, type Meeting, type MeetingKind } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import {
  emptyMeetingDraft,
  MEETING_FIELDS,
  validateMeeting,
  type MeetingDraft,
  type MeetingField,
} from '../types/forms';
import { meetingPath, type WorkspaceNotice } from '../types/paths';
import { MeetingStatusBadge } from './labels';

const MEETINGS_PAGE = 20;

/** A new meeting: the day (a day to come is a plan), formal or not, where, what about. */
function MeetingForm({ group, onCancel }: { group: GroupView; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyMeetingDraft(todayIso()));
  const { setLocal, server, setServer, errorsFor } = useFormErrors<MeetingField>();
  const { submitting, submit } = useSubmission();
  const create = useCreateMeeting(group.id);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof MeetingDraft>(field: K, value: MeetingDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer(NO_ERRORS);
    const { errors, input } = validateMeeting(draft);
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => create.mutateAsync({ body: input, idempotencyKey: key }), {
      // Straight to the meeting, where attendance is taken.
      onSuccess: (created) =>
        void navigate(meetingPath(group.id, created.id), { state: { notice: 'meetingCreated' } satisfies WorkspaceNotice }),
      onError: (error) => setServer(readGroupErrors(t, error, MEETING_FIELDS)),
    });
  }

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid="meeting-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('groups.meetings.form.title')}
      </h3>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          id={`${id}-held-on`}
          label={t('common.required', { label: t('groups.meetings.form.heldOn') })}
          hint={t('groups.meetings.form.heldOnHint')}
          errors={[...errorsFor('held_on'), ...errorsFor('status')]}
          inputProps={{ type: 'date', name: 'held_on', value: draft.held_on, onChange: (e) => set('held_on', e.target.value) }}
        />
        <SelectField
          id={`${id}-kind`}
          label={t('groups.meetings.form.kind')}
          errors={errorsFor('kind')}
          options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`groups.meetings.kinds.${kind}`) }))}
          selectProps={{ name: 'kind', value: draft.kind, onChange: (e) => set('kind', e.target.value as MeetingKind) }}
        />
        <FormField
          id={`${id}-venue`}
          label={t('groups.meetings.form.venue')}
          hint={t('groups.meetings.form.venueHint')}
          errors={errorsFor('venue')}
          inputProps={{ name: 'venue', value: draft.venue, onChange: (e) => set('venue', e.target.value) }}
        />
        <TextAreaField
          id={`${id}-agenda`}
          label={t('groups.meetings.form.agenda')}
          errors={errorsFor('agenda')}
          textareaProps={{ name: 'agenda', value: draft.agenda, onChange: (e) => set('agenda', e.target.value) }}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.meetings.form.submitting') : t('groups.meetings.form.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('groups.meetings.form.cancel')}
          </button>
        </div>
      </form>
    </section>
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
  const id = useId();
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const meetings = useMeetings(group.id, MEETINGS_PAGE, offset);
  const data = meetings.data;
  const writable = canWrite(group, 'meetings');

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={meetings.isFetching}>
      <div className="section-head">
        <h2 id={`${id}-title`}>
          {t('groups.meetings.title')}
          {data ? (
            <>
              {' '}
              <span className="muted heading-count">{`(${t('groups.meetings.total', { count: data.total })})`}</span>
            </>
          ) : null}
        </h2>
        {writable && !adding ? (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t('groups.meetings.add')}
          </button>
        ) : null}
      </div>
      {writable && adding ? <MeetingForm group={group} onCancel={() => setAdding(false)} /> : null}
      {meetings.isError ? <Alert tone="error">{groupProblemMessage(t, meetings.error)}</Alert> : null}
      {meetings.isFetching && !data ? <p role="status">{t('groups.meetings.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('groups.meetings.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="record-list" data-testid="meeting-list">
          {data.items.map((meeting) => (
            <MeetingCard key={meeting.id} groupId={group.id} meeting={meeting} />
          ))}
        </ul>
      ) : null}
      {data ? <Pagination total={data.total} limit={MEETINGS_PAGE} offset={offset} onChange={setOffset} /> : null}
    </section>
  );
}
