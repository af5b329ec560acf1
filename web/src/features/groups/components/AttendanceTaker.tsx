import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FieldErrors } from '../../../components/field-parts';
import { useRecordAttendance } from '../hooks/use-group-mutations';
import { useMembers } from '../hooks/use-group-queries';
import { PRESENCES, type Member, type MeetingView } from '../types';
import {
  attendanceBody,
  attendanceChanged,
  countPresence,
  markAllPresent,
  rosterFor,
  togglePresence,
  type RosterRow,
} from '../types/attendance';
import { groupProblemMessage, NO_SHEET_MESSAGES, sheetMessages, sortSheetErrors, type SheetMessages } from '../types/errors';

interface AttendanceTakerProps {
  groupId: number;
  meeting: MeetingView;
}

/** The members of the meeting's day, each with three big buttons; "everyone present"; one save. */
export function AttendanceTaker({ groupId, meeting }: AttendanceTakerProps) {
  const { t } = useTranslation();
  // Those who left since are listed too when they were members on the day.
  const members = useMembers(groupId, true);
  if (members.isError) return <Alert tone="error">{groupProblemMessage(t, members.error)}</Alert>;
  if (!members.data) return <p role="status">{t('groups.attendance.loadingMembers')}</p>;
  return <AttendanceForm groupId={groupId} meeting={meeting} members={members.data} />;
}

function AttendanceForm({ groupId, meeting, members }: AttendanceTakerProps & { members: Member[] }) {
  const { t } = useTranslation();
  // The meeting page shows what the server recorded: the write puts it in the cache.
  const record = useRecordAttendance(groupId, meeting.id);
  const id = useId();
  const [rows, setRows] = useState<RosterRow[]>(() => rosterFor(members, meeting.held_on, meeting.attendance));
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'nothingChanged' | null>(null);
  const [errors, setErrors] = useState<SheetMessages>(NO_SHEET_MESSAGES);
  const counts = countPresence(rows);

  const update = (next: RosterRow[]) => {
    setRows(next);
    setNotice(null);
  };

  async function onSave() {
    setErrors(NO_SHEET_MESSAGES);
    if (!attendanceChanged(rows, meeting.attendance)) {
      setNotice('nothingChanged');
      return;
    }
    const body = attendanceBody(rows);
    setSaving(true);
    setNotice(null);
    try {
      await record.mutateAsync(body);
      setNotice('saved');
    } catch (error) {
      const sorted = sortSheetErrors(error, 'attendance', body.attendance);
      setErrors(sheetMessages(t, error, sorted, (count) => t('groups.attendance.notSaved', { count })));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="attendance">
      <h3 id={`${id}-title`}>{t('groups.attendance.title')}</h3>
      <p className="muted">{t('groups.attendance.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('groups.attendance.noMembers')}</p>
      ) : (
        <>
          <button
            type="button"
            className="button button--secondary button--block attendance__all"
            onClick={() => update(markAllPresent(rows))}
          >
            {t('groups.attendance.allPresent')}
          </button>
          <ul className="attendance__list">
            {rows.map((row) => {
              const messages = errors.byMember[row.member_id] ?? [];
              return (
                <li key={row.member_id} className="attendance-row" data-testid={`attendance-${row.member_id}`}>
                  <p className="attendance-row__who">
                    <span className="attendance-row__name">{row.name}</span>
                    {row.role && row.role !== 'member' ? <Badge tone="info">{t(`groups.roles.${row.role}`)}</Badge> : null}
                  </p>
                  <div
                    className="presence"
                    role="group"
                    aria-label={t('groups.attendance.rowLabel', { name: row.name })}
                    aria-describedby={messages.length > 0 ? `${id}-row-${row.member_id}` : undefined}
                  >
                    {PRESENCES.map((presence) => (
                      <button
                        key={presence}
                        type="button"
                        className={`presence__button presence__button--${presence}`}
                        aria-pressed={row.presence === presence}
                        onClick={() => update(togglePresence(rows, row.member_id, presence))}
                      >
                        {t(`groups.attendance.presence.${presence}`)}
                      </button>
                    ))}
                  </div>
                  <FieldErrors id={`${id}-row-${row.member_id}`} messages={messages} />
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="save-bar">
        {errors.general.length > 0 ? <Alert tone="error">{errors.general.join(' ')}</Alert> : null}
        {notice === 'saved' ? <Alert tone="success">{t('groups.attendance.saved')}</Alert> : null}
        {notice === 'nothingChanged' ? <Alert tone="info">{t('groups.attendance.nothingChanged')}</Alert> : null}
        <p className="save-bar__counts" aria-live="polite" data-testid="attendance-counts">
          {t('groups.attendance.counts', { present: counts.present, excused: counts.excused, absent: counts.absent })}
          {counts.unmarked > 0 ? (
            <span className="save-bar__unmarked">{t('groups.attendance.unmarked', { count: counts.unmarked })}</span>
          ) : null}
        </p>
        {rows.length > 0 ? (
          <button type="button" className="button button--primary button--block" disabled={saving} onClick={() => void onSave()}>
            {saving ? t('groups.attendance.saving') : t('groups.attendance.save')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
