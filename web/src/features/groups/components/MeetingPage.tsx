import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { BackLink } from '../../../components/BackLink';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { Pending } from '../../../components/Pending';
import { formatDay, todayIso } from '../../../lib/format';
import { useFeeSheet } from '../hooks/use-fee-sheet';
import { useUpdateMeeting } from '../hooks/use-group-mutations';
import { useMeeting } from '../hooks/use-group-queries';
import { canWrite, type GroupView, type MeetingView, type Presence } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { groupPath } from '../types/paths';
import { AttendanceTaker } from './AttendanceTaker';
import { FeeSheet } from './FeeSheet';
import { MeetingStatusBadge } from './labels';

const PRESENCE_TONES = { present: 'success', excused: 'info', absent: 'danger' } as const satisfies Record<Presence, string>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Attendance as recorded, for those who may read it but not take it. */
function AttendanceList({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="attendance-list">
      <h3 id={`${id}-title`}>{t('groups.attendance.title')}</h3>
      {meeting.attendance.length === 0 ? (
        <p className="muted">{t('groups.attendance.empty')}</p>
      ) : (
        <>
          <p>{t('groups.attendance.counts', { present: meeting.present, excused: meeting.excused, absent: meeting.absent })}</p>
          <ul className="plain-list">
            {meeting.attendance.map((line) => (
              <li key={line.member_id} className="plain-list__item">
                <span>{line.name}</span>
                <Badge tone={PRESENCE_TONES[line.presence]}>{t(`groups.attendance.presence.${line.presence}`)}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface MeetingPageProps {
  group: GroupView;
  meetingId: number;
  /** Just recorded: say so once. */
  created: boolean;
}

/**
 * One meeting: what it was, its attendance, taken here in a few taps by those who keep meetings,
 * and the fees paid at it, entered on one sheet by those who keep the treasury.
 */
export function MeetingPage({ group, meetingId, created }: MeetingPageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const resource = useMeeting(group.id, meetingId);
  const update = useUpdateMeeting(group.id, meetingId);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const meeting = resource.data;
  const writable = canWrite(group, 'meetings');
  const feeSheet = useFeeSheet(group.id, meeting, canWrite(group, 'ledger') && meeting?.status === 'held');
  const back = <BackLink to={groupPath(group.id, 'meetings')}>{t('groups.meeting.back')}</BackLink>;

  if (!meeting) {
    return (
      <>
        {back}
        <Pending problem={resource.isError ? groupProblemMessage(t, resource.error) : null} loading={t('groups.meeting.loading')} />
      </>
    );
  }

  async function onMarkHeld() {
    setMarking(true);
    setMarkError(null);
    try {
      await update.mutateAsync({ status: 'held' });
    } catch (error) {
      setMarkError(readGroupErrors(t, error, []).general.join(' '));
    } finally {
      setMarking(false);
    }
  }

  const notFilled = <span className="muted">{t('groups.notFilled')}</span>;
  const canMarkHeld = writable && meeting.status === 'planned' && meeting.held_on <= todayIso();
  return (
    <>
      {back}
      <LeaveGuard unsaved={feeSheet.unsaved > 0} question={t('groups.feeSheet.leave', { count: feeSheet.unsaved })} />
      <section className="card" aria-labelledby={`${id}-title`} data-testid="meeting-details">
        <h2 id={`${id}-title`}>{t('groups.meeting.title', { date: formatDay(meeting.held_on, language, 'long') })}</h2>
        {created ? <Alert tone="success">{t('groups.meeting.created')}</Alert> : null}
        <dl className="details">
          <Row label={t('groups.meeting.status')}>
            <MeetingStatusBadge status={meeting.status} />
          </Row>
          <Row label={t('groups.meeting.kind')}>{t(`groups.meetings.kinds.${meeting.kind}`)}</Row>
          <Row label={t('groups.meeting.venue')}>{meeting.venue ?? notFilled}</Row>
          <Row label={t('groups.meeting.agenda')}>
            {meeting.agenda ? <span className="preserve-lines">{meeting.agenda}</span> : notFilled}
          </Row>
          {meeting.minutes ? (
            <Row label={t('groups.meeting.minutes')}>
              <span className="preserve-lines">{meeting.minutes}</span>
            </Row>
          ) : null}
        </dl>
        {meeting.status === 'planned' ? <p className="muted">{t('groups.meeting.notHeldYet')}</p> : null}
        {meeting.status === 'cancelled' ? <p className="muted">{t('groups.meeting.cancelled')}</p> : null}
        {markError ? <Alert tone="error">{markError}</Alert> : null}
        {canMarkHeld ? (
          <button type="button" className="button button--primary" disabled={marking} onClick={() => void onMarkHeld()}>
            {marking ? t('groups.meeting.markingHeld') : t('groups.meeting.markHeld')}
          </button>
        ) : null}
      </section>
      {meeting.status === 'held' && writable ? (
        <AttendanceTaker groupId={group.id} meeting={meeting} />
      ) : null}
      {meeting.status === 'held' && !writable ? <AttendanceList meeting={meeting} /> : null}
      {meeting.status === 'held' && canWrite(group, 'ledger') ? <FeeSheet groupId={group.id} meeting={meeting} sheet={feeSheet} /> : null}
    </>
  );
}
