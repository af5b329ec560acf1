import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { formatDay, formatNumber, todayIso } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import type { User } from '../../../lib/user';
import { PAGE_SIZE } from '../api/programmes';
import { useEnrolments, useLedger, useRecordAssistance, useStakeholders } from '../hooks/use-programmes';
import { ASSISTANCE_KINDS, isAssistanceKind, LOAN_METHODS, loanPath, type Assistance, type LoanMethod, type ProgrammeView } from '../types';
import { assistanceFieldOf, emptyAssistanceDraft, monthAfter, validateAssistance } from '../types/assistance-form';
import { programmeFieldMessage } from '../types/errors';
import { RecipientPicker } from './RecipientPicker';

/** The assistance given under the programme, newest first, duplicates flagged; record more. */
export function LedgerSection({ programme, user }: { programme: ProgrammeView; user: User }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const ledger = useLedger(programme.id, offset);
  const [notice, setNotice] = useState<string | null>(null);
  const canRecord = programme.status !== 'closed' && (programme.can_manage || user.role === 'facilitator' || user.role === 'officer');
  return (
    <SectionCard
      title={t('programmes.ledger.title')}
      count={ledger.data ? t('programmes.ledger.total', { count: ledger.data.total, formatted: formatNumber(ledger.data.total, i18n.resolvedLanguage) }) : null}
      addLabel={t('programmes.ledger.add')}
      canAdd={canRecord}
      onAdd={() => setNotice(null)}
      notice={notice}
      busy={ledger.isFetching}
      testId="ledger"
      form={(close) => (
        <AssistanceForm
          programme={programme}
          admin={user.role === 'admin'}
          onCancel={close}
          onSaved={(saved) => {
            close();
            setOffset(0);
            setNotice(saved.duplicate_of.length > 0 ? t('programmes.ledger.recordedDuplicate') : t('programmes.ledger.recorded'));
          }}
        />
      )}
    >
      <RecordList
        query={ledger}
        problem={(e) => problemMessage(t, e)}
        loading={t('programmes.ledger.loading')}
        empty={t('programmes.ledger.empty')}
        testId="ledger-list"
        paging={{ limit: PAGE_SIZE, offset, onChange: setOffset }}
      >
        {(a) => <AssistanceCard key={a.id} record={a} />}
      </RecordList>
    </SectionCard>
  );
}

function AssistanceCard({ record }: { record: Assistance }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const day = (d: string) => formatDay(d, language);
  return (
    <li className="record-card" data-testid={`assistance-${record.id}`}>
      <h3 className="record-card__title">
        {t(`programmes.ledger.kinds.${record.kind}`)}: {formatRupiah(record.value)}
      </h3>
      <p className="record-card__line">
        {t('programmes.ledger.recipient')}: {record.recipient_name} · {t('programmes.ledger.provider')}: {record.provider_name}
      </p>
      <p className="record-card__line muted">
        {record.until_on
          ? t('programmes.ledger.givenRange', { from: day(record.given_on), to: day(record.until_on) })
          : t('programmes.ledger.given', { day: day(record.given_on) })}
        {' · '}
        {record.disbursed_on ? t('programmes.ledger.disbursedOn', { day: day(record.disbursed_on) }) : t('programmes.ledger.committed')}
      </p>
      {record.duplicate_of.length > 0 ? (
        <p className="record-card__badges">
          <Badge tone="warning" testId="duplicate">
            {t('programmes.ledger.duplicate')}
          </Badge>{' '}
          <span data-testid="duplicate-of">{t('programmes.ledger.duplicateOf', { ids: record.duplicate_of.map((id) => `#${id}`).join(', ') })}</span>
        </p>
      ) : null}
      {record.over_budget_reason ? (
        <p className="record-card__line" data-testid="override">
          <Badge tone="danger">{t('programmes.ledger.override', { reason: record.over_budget_reason })}</Badge>
        </p>
      ) : null}
      {record.description ? <p className="record-card__line">{record.description}</p> : null}
      {record.kind === 'soft_loan' ? (
        <p className="record-card__line">
          <Link to={loanPath(record.id)}>{t('programmes.ledger.openLoan')}</Link>
        </p>
      ) : null}
    </li>
  );
}

function AssistanceForm({
  programme,
  admin,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeView;
  admin: boolean;
  onSaved: (saved: Assistance) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordAssistance(programme.id);
  const stakeholders = useStakeholders();
  const enrolments = useEnrolments(programme.id);
  const [askOverBudget, setAskOverBudget] = useState(false);
  const [searching, setSearching] = useState(false);
  const [pickedName, setPickedName] = useState('');
  const form = useForm({
    initial: () => emptyAssistanceDraft(todayIso()),
    validate: (draft) => validateAssistance(draft, programme.id, askOverBudget),
    send: (input, key) => record.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => assistanceFieldOf(fieldError.field),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onRejected: (error) => {
      if (isApiError(error) && error.errors.some((e) => e.code === 'over_budget')) setAskOverBudget(true);
    },
    onSaved,
  });
  const { draft, set, setDraft, field, errorsFor } = form;
  const loan = draft.kind === 'soft_loan';
  const current = (enrolments.data?.items ?? []).filter((e) => e.left_on === null);
  const enrolledOptions = current.map((e) => ({
    value: e.group_id !== null ? `group:${e.group_id}` : `enterprise:${e.enterprise_id}`,
    label: e.recipient_name,
  }));
  const recipientValue = draft.recipient_id ? `${draft.recipient_kind}:${draft.recipient_id}` : '';
  return (
    <FormCard
      title={t('programmes.ledger.formTitle')}
      form={form}
      labels={{ submit: t('programmes.ledger.submit'), saving: t('programmes.ledger.saving'), cancel: t('programmes.ledger.cancel') }}
      onCancel={onCancel}
      testId="assistance-form"
    >
      <SelectField
        label={t('common.required', { label: t('programmes.ledger.kind') })}
        emptyLabel={t('programmes.ledger.chooseKind')}
        options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: t(`programmes.ledger.kinds.${k}`) }))}
        {...field('kind')}
        onChange={(e) => {
          const kind = isAssistanceKind(e.target.value) ? e.target.value : '';
          setDraft((d) => ({ ...d, kind, first_due_on: d.first_due_on || monthAfter(d.disbursed_on || d.given_on) }));
        }}
      />
      {!searching && enrolledOptions.length > 0 ? (
        <>
          <SelectField
            id="assistance-recipient"
            name="recipient"
            label={t('common.required', { label: t('programmes.ledger.recipient') })}
            emptyLabel={t('programmes.enrolments.choose')}
            options={enrolledOptions}
            value={recipientValue}
            errors={errorsFor('recipient')}
            onChange={(e) => {
              const [kind, id] = e.target.value.split(':');
              setDraft((d) => ({ ...d, recipient_kind: kind === 'enterprise' ? 'enterprise' : 'group', recipient_id: id ?? '' }));
            }}
          />
          <p>
            <button type="button" className="button button--secondary" onClick={() => setSearching(true)}>
              {t('programmes.enrolments.search')}
            </button>
          </p>
        </>
      ) : (
        <RecipientPicker
          picked={draft.recipient_id ? { kind: draft.recipient_kind, id: Number(draft.recipient_id), name: pickedName || `#${draft.recipient_id}` } : null}
          onPick={(picked) => {
            setPickedName(picked?.name ?? '');
            setDraft((d) => ({ ...d, recipient_kind: picked?.kind ?? d.recipient_kind, recipient_id: picked ? String(picked.id) : '' }));
          }}
          errors={errorsFor('recipient')}
        />
      )}
      <SelectField
        label={admin ? t('common.required', { label: t('programmes.ledger.providerLabel') }) : t('programmes.ledger.providerLabel')}
        emptyLabel={admin ? t('programmes.form.chooseOwner') : t('programmes.ledger.providerDefault')}
        options={(stakeholders.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        {...field('provider_id')}
      />
      <FormField
        inputMode="numeric"
        autoComplete="off"
        label={t('common.required', { label: loan ? t('programmes.ledger.valueLoan') : t('programmes.ledger.value') })}
        hint={t('programmes.form.budgetHint')}
        {...field('value')}
      />
      <FormField type="date" label={t('common.required', { label: t('programmes.ledger.givenOn') })} {...field('given_on')} />
      {!loan ? <FormField type="date" label={t('programmes.ledger.untilOn')} {...field('until_on')} /> : null}
      <FormField
        type="date"
        label={loan ? t('common.required', { label: t('programmes.ledger.disbursedOnLabel') }) : t('programmes.ledger.disbursedOnLabel')}
        hint={loan ? undefined : t('programmes.ledger.disbursedHint')}
        {...field('disbursed_on')}
      />
      {loan ? (
        <fieldset className="subfieldset" data-testid="loan-terms">
          <legend className="field__label">{t('programmes.ledger.loanTerms')}</legend>
          <FormField inputMode="decimal" label={t('programmes.ledger.rate')} {...field('rate')} />
          <FormField inputMode="numeric" label={t('programmes.ledger.term')} {...field('term_months')} />
          <SelectField
            label={t('programmes.ledger.method')}
            options={LOAN_METHODS.map((m) => ({ value: m, label: t(`programmes.ledger.methods.${m}`) }))}
            {...field('method')}
            onChange={(e) => set('method', e.target.value as LoanMethod)}
          />
          <FormField type="date" label={t('programmes.ledger.firstDue')} {...field('first_due_on')} />
          {errorsFor('loan').length > 0 ? <Alert tone="error">{errorsFor('loan').join(' ')}</Alert> : null}
        </fieldset>
      ) : null}
      <TextAreaField label={t('programmes.ledger.description')} {...field('description')} />
      {askOverBudget ? (
        <TextAreaField
          label={t('common.required', { label: t('programmes.ledger.overBudgetReason') })}
          hint={t('programmes.ledger.overBudgetHint')}
          {...field('over_budget_reason')}
        />
      ) : null}
    </FormCard>
  );
}
