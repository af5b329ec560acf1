import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../../components/Badge';
import { CheckField } from '../../../components/CheckField';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { OptionsEditor } from '../../../components/OptionsEditor';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { FieldErrors } from '../../../components/field-parts';
import { formatDay, todayIso } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import type { ServerErrors } from '../../../lib/use-form-errors';
import { useCreateDeliberation } from '../hooks/use-group-mutations';
import { useDeliberations, useMembers } from '../hooks/use-group-queries';
import {
  canWrite,
  DECISION_RULES,
  GROUP_SETTINGS,
  TOPICS,
  type Deliberation,
  type DeliberationInput,
  type GroupView,
} from '../types';
import { fieldKey, groupProblemMessage, readGroupErrors, serverField } from '../types/errors';
import {
  deliberationFieldsShown,
  effectiveDefault,
  emptyDeliberationDraft,
  MAX_OPTIONS,
  optionBoxOfSent,
  validateDeliberation,
  type DeliberationDraft,
} from '../types/forms';
import { defaultQuorum } from '../types/votes';
import { deliberationPath, type WorkspaceNotice } from '../types/paths';

const DELIBERATIONS_PAGE = 20;

/** The server numbers options among those sent; the form shows them in its own boxes. */
function onBoxes(errors: ServerErrors, options: readonly string[]): ServerErrors {
  const byField: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors.byField)) {
    const field = serverField(key);
    const box = field.base === 'options' && field.index !== null ? optionBoxOfSent(options, field.index) : null;
    const target = box === null ? key : fieldKey({ base: 'options', index: box });
    (byField[target] ??= []).push(...messages);
  }
  return { byField, general: errors.general };
}

/** The change a proposal makes to a setting: which one, its new value, and from when. */
function ChangeFields({ group, form }: { group: GroupView; form: ReturnType<typeof useDeliberationForm> }) {
  const { t } = useTranslation();
  const { draft, setDraft, field } = form;
  const setting = draft.change_setting;
  const members = useMembers(group.id, false, setting === 'market_area');
  const chooseSetting = (value: string) =>
    setDraft((d) => ({
      ...d,
      change_setting: value as DeliberationDraft['change_setting'],
      change_effective_on: effectiveDefault(value as DeliberationDraft['change_setting'], todayIso()),
    }));
  const settingField = field('change_setting');
  return (
    <fieldset className="subfieldset" data-testid="change-fields">
      <SelectField
        label={t('common.required', { label: t('groups.deliberations.form.setting') })}
        emptyLabel={t('groups.deliberations.form.chooseSetting')}
        options={GROUP_SETTINGS.map((value) => ({ value, label: t(`groups.deliberations.form.settings.${value}`) }))}
        {...settingField}
        onChange={(event) => chooseSetting(event.target.value)}
      />
      {setting === 'monthly_fee' ? (
        <FormField
          label={t('common.required', { label: t('groups.deliberations.form.amount') })}
          hint={t('groups.deliberations.form.amountHint')}
          inputMode="numeric"
          autoComplete="off"
          {...field('change_amount')}
        />
      ) : null}
      {setting === 'sop_meetings' ? (
        <FormField
          label={t('common.required', { label: t('groups.deliberations.form.meetings') })}
          hint={t('groups.deliberations.form.meetingsHint')}
          inputMode="numeric"
          autoComplete="off"
          {...field('change_meetings')}
        />
      ) : null}
      {setting === 'market_area' ? (
        <>
          <SelectField
            label={t('common.required', { label: t('groups.deliberations.form.member') })}
            emptyLabel={t('groups.deliberations.form.chooseMember')}
            options={(members.data ?? []).map((member) => ({ value: String(member.id), label: member.person.name }))}
            {...field('change_member_id')}
          />
          <FormField
            label={t('common.required', { label: t('groups.deliberations.form.area') })}
            hint={t('groups.deliberations.form.areaHint')}
            autoComplete="off"
            {...field('change_area')}
          />
        </>
      ) : null}
      {setting !== '' ? (
        <FormField
          label={t('common.required', {
            label: setting === 'market_area' ? t('groups.deliberations.form.effectiveDay') : t('groups.deliberations.form.effectiveMonth'),
          })}
          type={setting === 'market_area' ? 'date' : 'month'}
          {...field('change_effective_on')}
        />
      ) : null}
    </fieldset>
  );
}

function useDeliberationForm(group: GroupView, themeOnly: boolean) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDeliberation(group.id);
  return useForm({
    initial: (): DeliberationDraft => (themeOnly ? { ...emptyDeliberationDraft(), topic: 'learning_theme' } : emptyDeliberationDraft()),
    validate: (draft: DeliberationDraft) => validateDeliberation(draft, group.active_members),
    send: (body: DeliberationInput, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, _input, sent) => onBoxes(readGroupErrors(t, error, deliberationFieldsShown(sent)), sent.options),
    onSaved: (created) =>
      void navigate(deliberationPath(group.id, created.id), { state: { notice: 'deliberationCreated' } satisfies WorkspaceNotice }),
  });
}

/**
 * A new proposal: a title, its topic, how it is decided and its quorum, and the options the
 * members weigh; or, for one that changes a group setting, the change instead of topic and options.
 * A member who does not record deliberations proposes a learning theme only (`themeOnly`).
 */
function DeliberationForm({ group, themeOnly, onCancel }: { group: GroupView; themeOnly: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const form = useDeliberationForm(group, themeOnly);
  const { draft, set, setDraft, errorsFor, field } = form;
  const setOption = (index: number, value: string) =>
    setDraft((d) => ({ ...d, options: d.options.map((option, i) => (i === index ? value : option)) }));

  const ruleErrors = errorsFor('rule');
  return (
    <FormCard
      title={themeOnly ? t('groups.deliberations.proposeTheme') : t('groups.deliberations.form.title')}
      intro={themeOnly ? <p className="muted">{t('groups.deliberations.form.themeIntro')}</p> : undefined}
      form={form}
      labels={{ submit: t('groups.deliberations.form.submit'), saving: t('groups.deliberations.form.submitting'), cancel: t('groups.deliberations.form.cancel') }}
      onCancel={onCancel}
      testId="deliberation-form"
    >
      <FormField
        label={t('common.required', { label: t('groups.deliberations.form.titleField') })}
        hint={t('groups.deliberations.form.titleHint')}
        autoComplete="off"
        {...field('title')}
      />
      {themeOnly ? null : (
        <CheckField
          id={`${id}-changes`}
          label={t('groups.deliberations.form.changes')}
          hint={t('groups.deliberations.form.changesHint')}
          errors={errorsFor('change')}
          checked={draft.changes}
          onChange={(checked) => set('changes', checked)}
        />
      )}
      {themeOnly ? null : draft.changes ? (
        <ChangeFields group={group} form={form} />
      ) : (
        <SelectField
          label={t('common.required', { label: t('groups.deliberations.form.topic') })}
          emptyLabel={t('groups.deliberations.form.chooseTopic')}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`groups.deliberations.topics.${topic}`) }))}
          {...field('topic')}
        />
      )}
      <TextAreaField
        label={t('groups.deliberations.form.description')}
        {...field('description')}
      />
      <fieldset className="choice-group" aria-describedby={ruleErrors.length > 0 ? `${id}-rule-error` : undefined}>
        <legend className="field__label">{t('groups.deliberations.form.rule')}</legend>
        {DECISION_RULES.map((rule) => (
          <label key={rule} className="choice choice--described">
            <input type="radio" name={`${id}-rule`} checked={draft.rule === rule} onChange={() => set('rule', rule)} />
            <span>
              <span className="choice__title">{t(`groups.deliberations.rules.${rule}`)}</span>
              <span className="choice__hint">{t(`groups.deliberations.form.ruleHints.${rule}`)}</span>
            </span>
          </label>
        ))}
        <FieldErrors id={`${id}-rule-error`} messages={[...ruleErrors, ...errorsFor('method')]} />
      </fieldset>
      {draft.rule !== 'consensus' ? (
        <FormField
          label={t('groups.deliberations.form.quorum')}
          hint={t('groups.deliberations.form.quorumHint', {
            needed: defaultQuorum(group.active_members),
            members: group.active_members,
          })}
          inputMode="numeric"
          autoComplete="off"
          {...field('quorum')}
        />
      ) : null}
      {draft.changes ? (
        <p className="field__hint" data-testid="change-ballot">
          {t('groups.deliberations.form.changeBallot')}
        </p>
      ) : (
        <OptionsEditor
          id={id}
          legend={t('common.required', { label: t('groups.deliberations.form.options') })}
          hint={t('groups.deliberations.form.optionsHint')}
          options={draft.options}
          keyOf={(_option, index) => index}
          textOf={(option) => option}
          labels={{
            option: (number) => t('groups.deliberations.form.option', { number }),
            remove: (number) => t('groups.deliberations.form.removeOption', { number }),
            add: t('groups.deliberations.form.addOption'),
          }}
          errorsOf={(index) => errorsFor(`options[${index}]`)}
          errors={errorsFor('options')}
          errorsId={`${id}-options-error`}
          max={MAX_OPTIONS}
          onText={setOption}
          onRemove={(index) => set('options', draft.options.filter((_, i) => i !== index))}
          onAdd={() => set('options', [...draft.options, ''])}
        />
      )}
    </FormCard>
  );
}

/** "Disepakati" / "Tidak disepakati" once decided; "Masih dibahas" before. */
export function OutcomeBadge({ deliberation }: { deliberation: Pick<Deliberation, 'decided' | 'outcome'> }) {
  const { t } = useTranslation();
  if (!deliberation.decided || !deliberation.outcome) return <Badge tone="info">{t('groups.deliberations.open')}</Badge>;
  return (
    <Badge tone={deliberation.outcome === 'agreed' ? 'success' : 'neutral'}>
      {t(`groups.deliberations.outcomes.${deliberation.outcome}`)}
    </Badge>
  );
}

function DeliberationCard({ groupId, deliberation }: { groupId: number; deliberation: Deliberation }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="record-card" data-testid={`deliberation-${deliberation.id}`}>
      <h3 className="record-card__title">
        <Link to={deliberationPath(groupId, deliberation.id)}>{deliberation.title}</Link>
      </h3>
      <p className="record-card__badges">
        <OutcomeBadge deliberation={deliberation} />
        <span className="record-card__count">
          {[t(`groups.deliberations.topics.${deliberation.topic}`), t(`groups.deliberations.rules.${deliberation.rule}`)].join(' · ')}
        </span>
      </p>
      <p className="record-card__line muted">
        {deliberation.decided && deliberation.decided_on
          ? formatDay(deliberation.decided_on, i18n.resolvedLanguage)
          : deliberation.method === 'vote'
            ? [
                t('groups.deliberations.votesCast', { count: deliberation.votes_cast }),
                ...(deliberation.quorum !== null ? [t('groups.deliberations.quorumShort', { quorum: deliberation.quorum })] : []),
              ].join(' · ')
            : formatDay(deliberation.created_at.slice(0, 10), i18n.resolvedLanguage)}
      </p>
      {deliberation.proposed_by ? (
        <p className="record-card__line muted" data-testid="proposed-by">
          {t('groups.deliberations.proposedBy', { name: deliberation.proposed_by.name })}
        </p>
      ) : null}
    </li>
  );
}

/** Musyawarah: proposals put to the group, newest first; the leader or secretary puts a new one. */
export function DeliberationsSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useDeliberations(group.id, DELIBERATIONS_PAGE, offset);
  const writable = canWrite(group, 'deliberations');
  // Members propose learning themes; the leader and secretary put every proposal.
  const proposer = !writable && group.member_id !== null && group.status !== 'dissolved';

  return (
    <SectionCard
      title={t('groups.deliberations.title')}
      addLabel={writable ? t('groups.deliberations.add') : t('groups.deliberations.proposeTheme')}
      canAdd={writable || proposer}
      intro={<p className="muted">{t('groups.deliberations.intro')}</p>}
      busy={list.isFetching}
      form={(close) => <DeliberationForm group={group} themeOnly={!writable} onCancel={close} />}
    >
      <RecordList
        query={list}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.deliberations.loading')}
        empty={t('groups.deliberations.empty')}
        testId="deliberation-list"
        paging={{ limit: DELIBERATIONS_PAGE, offset, onChange: setOffset }}
      >
        {(deliberation) => <DeliberationCard key={deliberation.id} groupId={group.id} deliberation={deliberation} />}
      </RecordList>
    </SectionCard>
  );
}
