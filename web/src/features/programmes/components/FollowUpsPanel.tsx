import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { CheckField } from '../../../components/CheckField';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDay, todayIso } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useRecordFollowUp } from '../hooks/use-exits';
import { GROUP_CONDITIONS, type FollowUp, type FollowUpInput, type GroupFollowUps, type ProgrammeView, type ScheduledVisit } from '../types';
import { programmeFieldMessage } from '../types/errors';
import { CONDITION_TONES, emptyVisitDraft, validateVisit, visitFieldOf, VISIT_TONES, type VisitDraft, type VisitField } from '../types/exits';

/** The scheduled visits at a glance: "Bulan ke-3: Terlambat". */
export function ScheduleBadges({ schedule }: { schedule: readonly ScheduledVisit[] }) {
  const { t } = useTranslation();
  return (
    <p className="record-card__badges" data-testid="schedule-badges">
      {schedule.map((slot) => (
        <Badge key={slot.month} tone={VISIT_TONES[slot.state]}>
          {t('programmes.followUps.monthOption', { month: slot.month })}: {t(`programmes.followUps.states.${slot.state}`)}
        </Badge>
      ))}
    </p>
  );
}

interface FollowUpsPanelProps {
  programme: ProgrammeView;
  groupId: number;
  groupName: string;
  followUps: GroupFollowUps | undefined;
  /** The programme's end has passed: visits can be recorded. */
  ended: boolean;
  canRecord: boolean;
  /** Coaching was handed over: a visit says whether the hero still coaches. */
  handedOver: boolean;
}

/** A group's follow-up schedule with each visit's state in words, its visits, and recording one. */
export function FollowUpsPanel({ programme, groupId, groupName, followUps, ended, canRecord, handedOver }: FollowUpsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const schedule = followUps?.schedule ?? [];
  const visits = followUps?.visits ?? [];
  return (
    <div data-testid="follow-ups">
      <h4>{t('programmes.followUps.title')}</h4>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {schedule.length === 0 ? (
        <p>{t('programmes.followUps.noSchedule')}</p>
      ) : (
        <ul className="plain-list" data-testid="follow-up-schedule">
          {schedule.map((slot) => (
            <li key={slot.month} className="plain-list__item" data-testid={`visit-month-${slot.month}`} data-state={slot.state}>
              <span>{t('programmes.followUps.month', { month: slot.month, day: formatDay(slot.due_on, language) })}</span>
              <span>
                <Badge tone={VISIT_TONES[slot.state]}>{t(`programmes.followUps.states.${slot.state}`)}</Badge>
                {slot.visited_on ? <span className="muted"> {t('programmes.followUps.visitedOn', { day: formatDay(slot.visited_on, language) })}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h5>{t('programmes.followUps.visits')}</h5>
      {visits.length === 0 ? (
        <p>{t('programmes.followUps.noVisits')}</p>
      ) : (
        <ul className="record-list" data-testid="visit-list">
          {visits.map((visit) => (
            <VisitCard key={visit.id} visit={visit} language={language} />
          ))}
        </ul>
      )}
      {!ended ? <p className="muted">{t('programmes.followUps.notEnded', { day: formatDay(programme.ends_on, language) })}</p> : null}
      {canRecord && ended && !adding ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('programmes.followUps.add')}
          </button>
        </div>
      ) : null}
      {canRecord && ended && adding ? (
        <VisitForm
          programmeId={programme.id}
          groupId={groupId}
          groupName={groupName}
          schedule={schedule}
          handedOver={handedOver}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setNotice(t('programmes.followUps.recorded', { name: groupName }));
          }}
        />
      ) : null}
    </div>
  );
}

function VisitCard({ visit, language }: { visit: FollowUp; language: string | undefined }) {
  const { t } = useTranslation();
  const parts = [
    t('programmes.followUps.activeMembers', { count: visit.active_members }),
    visit.meets_sop ? t('programmes.followUps.meetsSop') : t('programmes.followUps.notMeetsSop'),
  ];
  if (visit.hero_coaching !== null) parts.push(visit.hero_coaching ? t('programmes.followUps.heroCoaching') : t('programmes.followUps.heroNotCoaching'));
  return (
    <li className="record-card" data-testid={`visit-${visit.id}`}>
      <p className="record-card__line">
        <strong>{formatDay(visit.visited_on, language)}</strong>{' '}
        <Badge tone={CONDITION_TONES[visit.status]}>{t(`programmes.followUps.conditions.${visit.status}`)}</Badge>{' '}
        <span className="muted">
          {visit.follow_up_month !== null ? t('programmes.followUps.forMonth', { month: visit.follow_up_month }) : t('programmes.followUps.offSchedule')}
        </span>
      </p>
      <p className="record-card__line">{parts.join('; ')}</p>
      {visit.note ? <p className="record-card__line">{visit.note}</p> : null}
      {visit.recorded_by ? <p className="record-card__line muted">{t('programmes.followUps.recordedBy', { name: visit.recorded_by.name })}</p> : null}
    </li>
  );
}

interface VisitFormProps {
  programmeId: number;
  groupId: number;
  groupName: string;
  schedule: readonly ScheduledVisit[];
  handedOver: boolean;
  onSaved: () => void;
  onCancel: () => void;
}

function VisitForm({ programmeId, groupId, groupName, schedule, handedOver, onSaved, onCancel }: VisitFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordFollowUp(programmeId);
  const form = useForm<VisitDraft, VisitField, FollowUpInput, FollowUp>({
    initial: () => emptyVisitDraft(todayIso()),
    validate: (draft) => validateVisit(draft, groupId),
    send: (input, key) => record.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => {
          const field = visitFieldOf(fieldError.field);
          return field === 'group_id' ? null : field;
        },
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved,
  });
  const { field, draft, set, errorsFor } = form;
  const open = schedule.filter((slot) => slot.state !== 'done');
  return (
    <FormCard
      title={t('programmes.followUps.formTitle', { name: groupName })}
      form={form}
      labels={{ submit: t('programmes.followUps.submit'), saving: t('programmes.followUps.saving'), cancel: t('programmes.followUps.cancel') }}
      onCancel={onCancel}
      testId="visit-form"
    >
      <FormField type="date" label={t('common.required', { label: t('programmes.followUps.visitedOnLabel') })} {...field('visited_on')} />
      <SelectField
        label={t('common.required', { label: t('programmes.followUps.statusLabel') })}
        emptyLabel={t('programmes.followUps.pickStatus')}
        options={GROUP_CONDITIONS.map((c) => ({ value: c, label: t(`programmes.followUps.conditions.${c}`) }))}
        {...field('status')}
      />
      <FormField inputMode="numeric" autoComplete="off" label={t('common.required', { label: t('programmes.followUps.activeMembersLabel') })} {...field('active_members')} />
      <CheckField
        id={`${id}-meets-sop`}
        label={t('programmes.followUps.meetsSopLabel')}
        checked={draft.meets_sop}
        onChange={(checked) => set('meets_sop', checked)}
        errors={errorsFor('meets_sop')}
      />
      {handedOver ? (
        <SelectField
          label={t('programmes.followUps.heroCoachingLabel')}
          emptyLabel="—"
          options={[
            { value: 'yes', label: t('programmes.followUps.yes') },
            { value: 'no', label: t('programmes.followUps.no') },
          ]}
          {...field('hero_coaching')}
        />
      ) : null}
      {open.length > 0 ? (
        <SelectField
          label={t('programmes.followUps.monthLabel')}
          emptyLabel={t('programmes.followUps.monthAuto')}
          options={open.map((slot) => ({ value: String(slot.month), label: t('programmes.followUps.monthOption', { month: slot.month }) }))}
          {...field('follow_up_month')}
        />
      ) : null}
      <TextAreaField label={t('programmes.followUps.noteLabel')} {...field('note')} />
    </FormCard>
  );
}
