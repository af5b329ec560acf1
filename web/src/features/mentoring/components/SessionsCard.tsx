import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SectionCard } from '../../../components/SectionCard';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDay, todayIso } from '../../../lib/format';
import type { LearningPaths } from '../../../lib/learning-slot';
import { useForm } from '../../../lib/use-form';
import { useAddSession } from '../hooks/use-learning';
import type { Cycle, CycleSession, GroupMember } from '../types/cycles';
import { readLearningErrors } from '../types/errors';
import {
  attendanceErrorKey,
  emptySessionDraft,
  MAX_PRACTICE,
  MAX_VENUE,
  SESSION_FIELDS,
  sessionRoster,
  togglePresent,
  validateSession,
} from '../types/session';

interface SessionFormProps {
  cycle: Cycle;
  members: readonly GroupMember[];
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

/**
 * A session held: the day, what was practised, where (the cycle's venue unless said), and who
 * came, the mentees ticked present to begin with.
 */
function SessionForm({ cycle, members, onSaved, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddSession(cycle.id);
  const today = todayIso();
  const form = useForm({
    initial: () => emptySessionDraft(cycle, today),
    validate: (draft) => validateSession(draft, sessionRoster(cycle, members, draft.held_on || today), todayIso()),
    send: (body, idempotencyKey) => add.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, input) =>
      readLearningErrors(t, error, SESSION_FIELDS, (field) => {
        if (field.base === 'status') return 'held_on';
        if (field.base.startsWith('attendance')) return attendanceErrorKey(input, field.index);
        return field.base;
      }),
    onSaved,
  });
  const { draft, set, errorsFor, field } = form;
  const roster = sessionRoster(cycle, members, draft.held_on || today);

  return (
    <FormCard
      title={t('mentoring.sessions.form.title')}
      form={form}
      labels={{ submit: t('mentoring.sessions.form.submit'), saving: t('mentoring.sessions.form.saving'), cancel: t('mentoring.sessions.form.cancel') }}
      onCancel={onCancel}
      testId="session-form"
    >
      <FormField
        label={t('common.required', { label: t('mentoring.sessions.form.heldOn') })}
        hint={t('mentoring.sessions.form.heldOnHint')}
        type="date"
        max={today}
        {...field('held_on')}
      />
      <TextAreaField
        label={t('common.required', { label: t('mentoring.sessions.form.practice') })}
        hint={t('mentoring.sessions.form.practiceHint')}
        maxLength={MAX_PRACTICE}
        {...field('practice')}
      />
      <FormField
        label={t('mentoring.sessions.form.venue')}
        hint={cycle.venue ? t('mentoring.sessions.form.venueHint', { venue: cycle.venue }) : undefined}
        autoComplete="off"
        maxLength={MAX_VENUE}
        {...field('venue')}
      />
      <fieldset className="choice-group" aria-describedby={`${id}-attendance-hint`} data-testid="session-attendance">
        <legend className="field__label">{t('mentoring.sessions.form.attendance')}</legend>
        <p id={`${id}-attendance-hint`} className="field__hint">
          {t('mentoring.sessions.form.attendanceHint')}
        </p>
        {roster.map((line) => (
          <CheckField
            key={line.member_id}
            id={`${id}-present-${line.member_id}`}
            label={
              line.mentee
                ? t('mentoring.sessions.form.menteeLabel', { name: line.name })
                : line.mentor
                  ? t('mentoring.sessions.form.mentorLabel', { name: line.name })
                  : line.name
            }
            errors={errorsFor(`attendance-${line.member_id}`)}
            checked={draft.present.includes(line.member_id)}
            onChange={() => set('present', togglePresent(draft.present, line.member_id))}
          />
        ))}
        <FieldErrors messages={errorsFor('attendance')} />
      </fieldset>
    </FormCard>
  );
}

function SessionCard({ session, paths }: { session: CycleSession; paths: LearningPaths }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="record-card" data-testid={`session-${session.id}`}>
      <h3 className="record-card__title">{formatDay(session.held_on, i18n.resolvedLanguage, 'long')}</h3>
      <p className="record-card__line preserve-lines">{session.practice}</p>
      {session.venue ? <p className="record-card__line">{t('mentoring.sessions.venueLine', { venue: session.venue })}</p> : null}
      <p className="record-card__line muted" data-testid={`session-${session.id}-attendance`}>
        {t('mentoring.sessions.attendanceLine', { present: session.present, excused: session.excused, absent: session.absent })}
      </p>
      <p className="record-card__line">
        <Link to={paths.meeting(session.meeting_id)}>{t('mentoring.sessions.openMeeting')}</Link>
      </p>
    </li>
  );
}

interface SessionsCardProps {
  cycle: Cycle;
  members: readonly GroupMember[];
  paths: LearningPaths;
}

/** Sesi belajar: the cycle's learning-by-doing sessions, each a meeting of the group with its attendance. */
export function SessionsCard({ cycle, members, paths }: SessionsCardProps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = [...cycle.sessions].sort((a, b) => b.held_on.localeCompare(a.held_on) || b.id - a.id);
  const stage = cycle.status === 'implementation' ? 'open' : cycle.status === 'planning' ? 'planning' : 'over';

  return (
    <SectionCard
      title={t('mentoring.sessions.title')}
      count={t('mentoring.sessions.total', { count: cycle.sessions.length })}
      addLabel={t('mentoring.sessions.add')}
      addTone="secondary"
      canAdd={cycle.can_guide && stage === 'open'}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t(`mentoring.sessions.intro.${stage}`)}</p>}
      notice={notice}
      testId="sessions"
      form={(close) => (
        <SessionForm
          cycle={cycle}
          members={members}
          onCancel={close}
          onSaved={() => {
            close();
            setNotice(t('mentoring.sessions.saved'));
          }}
        />
      )}
    >
      {sessions.length === 0 ? <p>{t('mentoring.sessions.empty')}</p> : null}
      {sessions.length > 0 ? (
        <ul className="record-list" data-testid="session-list">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} paths={paths} />
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
