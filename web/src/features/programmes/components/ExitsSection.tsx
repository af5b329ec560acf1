import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { CheckField } from '../../../components/CheckField';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { Pagination } from '../../../components/Pagination';
import { Pending } from '../../../components/Pending';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDay, todayIso } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { PAGE_SIZE } from '../api/programmes';
import { useCheckReadiness, useExit, useExits, useFollowUps, useGroupMembers, useHandOver, useNominate } from '../hooks/use-exits';
import { READINESS_ITEMS, type ExitSummary, type ExitView, type GroupFollowUps, type ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import {
  checklistDraftOf,
  checklistFieldOf,
  EXIT_TONES,
  handOverRefusal,
  nominationFieldOf,
  recordForItem,
  recordWindow,
  validateChecklist,
  validateNomination,
  type ChecklistDraft,
  type ChecklistField,
  type NominationDraft,
  type NominationField,
} from '../types/exits';
import { FollowUpsPanel, ScheduleBadges } from './FollowUpsPanel';

/**
 * The exit to a local hero and the follow-ups, per enrolled group: its status and hero at a glance,
 * and, opened, the nomination with its history, the readiness checklist beside what the group's
 * records say, the hand-over, then the follow-up visits with a form to record one.
 */
export function ExitsSection({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const exits = useExits(programme.id, offset);
  // The schedule pages through the same groups in the same order (oldest enrolment first).
  const board = useFollowUps(programme.id, offset);
  const [open, setOpen] = useState<number | null>(null);
  const items = exits.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="programme-exits" data-testid="exits" aria-busy={exits.isFetching}>
      <h2 id="programme-exits">{t('programmes.exits.title')}</h2>
      <p className="muted">{t('programmes.exits.intro')}</p>
      {!exits.data ? (
        <Pending problem={exits.isError ? problemMessage(t, exits.error) : null} loading={t('programmes.exits.loading')} />
      ) : items.length === 0 ? (
        <p>{t('programmes.exits.empty')}</p>
      ) : (
        <>
          <ul className="record-list" data-testid="exit-list">
            {items.map((summary) => (
              <GroupExitCard
                key={summary.group.id}
                programme={programme}
                summary={summary}
                followUps={board.data?.items.find((row) => row.group.id === summary.group.id)}
                ended={board.data?.ended ?? false}
                open={open === summary.group.id}
                onToggle={() => setOpen(open === summary.group.id ? null : summary.group.id)}
              />
            ))}
          </ul>
          <Pagination total={exits.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

interface GroupExitCardProps {
  programme: ProgrammeView;
  summary: ExitSummary;
  followUps: GroupFollowUps | undefined;
  ended: boolean;
  open: boolean;
  onToggle: () => void;
}

function GroupExitCard({ programme, summary, followUps, ended, open, onToggle }: GroupExitCardProps) {
  const { t } = useTranslation();
  const name = summary.group.name;
  return (
    <li className="record-card" data-testid={`exit-group-${summary.group.id}`}>
      <h3 className="record-card__title">{name}</h3>
      <p className="record-card__badges">
        <Badge tone={EXIT_TONES[summary.status]} testId="exit-status">
          {t(`programmes.exits.statuses.${summary.status}`)}
        </Badge>
      </p>
      <p className="record-card__line">
        {summary.current ? t('programmes.exits.hero', { name: summary.current.hero_name }) : t('programmes.exits.noHero')}
      </p>
      {followUps && followUps.schedule.length > 0 ? <ScheduleBadges schedule={followUps.schedule} /> : null}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-label={t(open ? 'programmes.exits.closeLabel' : 'programmes.exits.openLabel', { name })}
        onClick={onToggle}
      >
        {open ? t('programmes.exits.close') : t('programmes.exits.open')}
      </button>
      {open ? <GroupExitDetails programme={programme} groupId={summary.group.id} followUps={followUps} ended={ended} /> : null}
    </li>
  );
}

function GroupExitDetails({ programme, groupId, followUps, ended }: { programme: ProgrammeView; groupId: number; followUps: GroupFollowUps | undefined; ended: boolean }) {
  const { t } = useTranslation();
  const exit = useExit(programme.id, groupId);
  if (!exit.data) return <Pending problem={exit.isError ? problemMessage(t, exit.error) : null} loading={t('programmes.exits.loading')} />;
  return (
    <div data-testid="exit-details">
      <ExitPanel programmeId={programme.id} view={exit.data} />
      <FollowUpsPanel
        programme={programme}
        groupId={groupId}
        groupName={exit.data.group.name}
        followUps={followUps}
        ended={ended}
        canRecord={exit.data.can_manage}
        handedOver={exit.data.status === 'handed_over'}
      />
    </div>
  );
}

type Editing = 'nominate' | 'check' | null;

function ExitPanel({ programmeId, view }: { programmeId: number; view: ExitView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handOver = useHandOver(programmeId, view.group.id);
  const current = view.current;
  const handed = current?.hand_over ?? null;
  const canWrite = view.can_manage && handed === null;
  const start = (what: Editing) => {
    setNotice(null);
    setEditing(what);
  };
  return (
    <div data-testid="exit-panel">
      <h4>{t('programmes.exits.title')}</h4>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {current ? (
        <div data-testid="exit-hero">
          <p className="record-card__line">
            <strong>{t('programmes.exits.hero', { name: current.hero_name })}</strong>
          </p>
          <p className="record-card__line muted">{t('programmes.exits.nominatedOn', { day: formatDay(current.nominated_on, language) })}</p>
          {current.note ? <p className="record-card__line">{t('programmes.exits.reason', { reason: current.note })}</p> : null}
        </div>
      ) : (
        <p>{t('programmes.exits.noHero')}</p>
      )}
      {view.history.length > 0 ? (
        <details data-testid="exit-history">
          <summary>{t('programmes.exits.history', { count: view.history.length })}</summary>
          <ul>
            {view.history.map((n) => (
              <li key={n.id}>
                {n.hero_name} — {t('programmes.exits.nominatedOn', { day: formatDay(n.nominated_on, language) })}
                {n.replaced_at ? `, ${t('programmes.exits.replacedOn', { day: formatDay(n.replaced_at.slice(0, 10), language) })}` : ''}
                {n.note ? `. ${t('programmes.exits.reason', { reason: n.note })}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWrite && editing !== 'nominate' ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => start('nominate')}>
            {current ? t('programmes.exits.renominate') : t('programmes.exits.nominate')}
          </button>
        </div>
      ) : null}
      {canWrite && editing === 'nominate' ? (
        <NominateForm
          programmeId={programmeId}
          groupId={view.group.id}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('programmes.exits.nominated', { name: saved.current?.hero_name ?? '' }));
          }}
        />
      ) : null}

      {current ? (
        <>
          <h4>{t('programmes.exits.checklist')}</h4>
          {view.record ? <p className="muted">{t('programmes.exits.checklistIntro', { window: recordWindow(view.record, language) })}</p> : null}
          <ul className="record-list" data-testid="checklist">
            {READINESS_ITEMS.map((item) => {
              const check = current.checklist[item];
              return (
                <li key={item} className="record-card" data-testid={`item-${item}`} data-met={check.met}>
                  <p className="record-card__line">
                    <strong>{t(`programmes.exits.items.${item}`)}</strong>{' '}
                    <Badge tone={check.met ? 'success' : 'warning'}>{check.met ? t('programmes.exits.met') : t('programmes.exits.unmet')}</Badge>
                    {check.checked_on ? <span className="muted"> {t('programmes.exits.checkedOn', { day: formatDay(check.checked_on, language) })}</span> : null}
                  </p>
                  {check.evidence ? <p className="record-card__line">{t('programmes.exits.evidence', { evidence: check.evidence })}</p> : null}
                  {view.record ? (
                    <p className="record-card__line muted" data-testid={`record-${item}`}>
                      {t('programmes.exits.records', { text: recordForItem(t, item, view.record) })}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {canWrite && editing !== 'check' ? (
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => start('check')}>
                {t('programmes.exits.check')}
              </button>
            </div>
          ) : null}
          {canWrite && editing === 'check' ? (
            <ChecklistForm
              key={current.id}
              programmeId={programmeId}
              view={view}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setNotice(t('programmes.exits.checked'));
              }}
            />
          ) : null}
          {handed ? (
            <p className="lead" data-testid="hand-over">
              {t('programmes.exits.handedOver', { day: formatDay(handed.handed_over_on, language) })}
              {handed.by ? ` ${t('programmes.exits.handedOverBy', { name: handed.by.name })}` : ''}
            </p>
          ) : view.can_manage ? (
            <ConfirmAction
              label={t('programmes.exits.handOver')}
              question={t('programmes.exits.handOverQuestion', { group: view.group.name, name: current.hero_name })}
              confirmLabel={t('programmes.exits.handOverConfirm')}
              confirmTone="primary"
              testId="hand-over-button"
              onConfirm={async () => {
                await handOver.mutateAsync({ body: {} });
                setEditing(null);
                setNotice(t('programmes.exits.handedOverNotice', { group: view.group.name, name: current.hero_name }));
              }}
              describeError={(error) =>
                handOverRefusal(
                  t,
                  error,
                  (e) => programmeFieldMessage(t, e),
                  (e) => problemMessage(t, e),
                )
              }
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function NominateForm({ programmeId, groupId, onSaved, onCancel }: { programmeId: number; groupId: number; onSaved: (view: ExitView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const nominate = useNominate(programmeId, groupId);
  const members = useGroupMembers(groupId, true);
  const form = useForm<NominationDraft, NominationField, Parameters<typeof nominate.mutateAsync>[0]['body'], ExitView>({
    initial: (): NominationDraft => ({ member_id: '', nominated_on: todayIso(), note: '' }),
    validate: validateNomination,
    send: (input, key) => nominate.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => nominationFieldOf(fieldError.field),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved,
  });
  const { field } = form;
  const options = (members.data?.items ?? [])
    .filter((m) => m.left_on === null)
    .map((m) => ({ value: String(m.id), label: m.role === 'member' ? m.person.name : `${m.person.name} (${t(`programmes.exits.record.roles.${m.role}`)})` }));
  return (
    <FormCard
      title={t('programmes.exits.nominateTitle')}
      form={form}
      labels={{ submit: t('programmes.exits.submit'), saving: t('programmes.exits.saving'), cancel: t('programmes.exits.cancel') }}
      onCancel={onCancel}
      testId="nominate-form"
    >
      {members.isError ? <Alert tone="error">{problemMessage(t, members.error)}</Alert> : null}
      <SelectField
        label={t('common.required', { label: t('programmes.exits.memberLabel') })}
        hint={t('programmes.exits.memberHint')}
        emptyLabel={t('programmes.exits.pickMember')}
        options={options}
        {...field('member_id')}
      />
      <TextAreaField label={t('common.required', { label: t('programmes.exits.reasonLabel') })} hint={t('programmes.exits.reasonHint')} {...field('note')} />
      <FormField type="date" label={t('programmes.exits.nominatedOnLabel')} {...field('nominated_on')} />
    </FormCard>
  );
}

function ChecklistForm({ programmeId, view, onSaved, onCancel }: { programmeId: number; view: ExitView; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const check = useCheckReadiness(programmeId, view.group.id);
  const form = useForm<ChecklistDraft, ChecklistField, Parameters<typeof check.mutateAsync>[0], ExitView>({
    initial: () => checklistDraftOf(view.current!.checklist),
    validate: (draft) => validateChecklist(draft, checklistDraftOf(view.current!.checklist)),
    send: (input) => check.mutateAsync(input),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => checklistFieldOf(fieldError.field),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved,
  });
  const { draft, set, errorsFor } = form;
  const change = (item: (typeof READINESS_ITEMS)[number], part: Partial<ChecklistDraft['items'][typeof item]>) =>
    set('items', { ...draft.items, [item]: { ...draft.items[item], ...part } });
  return (
    <FormCard
      title={t('programmes.exits.check')}
      form={form}
      labels={{ submit: t('programmes.exits.submit'), saving: t('programmes.exits.saving'), cancel: t('programmes.exits.cancel') }}
      onCancel={onCancel}
      testId="checklist-form"
    >
      {READINESS_ITEMS.map((item) => {
        const label = t(`programmes.exits.items.${item}`);
        return (
          <fieldset key={item} className="choice-group">
            <legend>{label}</legend>
            {view.record ? <p className="muted">{t('programmes.exits.records', { text: recordForItem(t, item, view.record) })}</p> : null}
            <CheckField
              id={`${id}-${item}-met`}
              label={t('programmes.exits.metLabel', { item: label })}
              checked={draft.items[item].met}
              onChange={(met) => change(item, { met })}
              errors={errorsFor(`${item}.met`)}
            />
            <TextAreaField
              id={`${id}-${item}-evidence`}
              label={t('programmes.exits.evidenceLabel', { item: label })}
              hint={t('programmes.exits.evidenceHint')}
              value={draft.items[item].evidence}
              onChange={(event) => change(item, { evidence: event.target.value })}
              errors={[...errorsFor(`${item}.evidence`), ...errorsFor(`${item}.checked_on`)]}
            />
          </fieldset>
        );
      })}
    </FormCard>
  );
}
