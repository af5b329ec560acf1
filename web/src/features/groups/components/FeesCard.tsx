import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { type Column, DataTable } from '../../../components/DataTable';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatMonth, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useForm } from '../../../lib/use-form';
import { useAddFeeRule } from '../hooks/use-group-mutations';
import { useDeliberations, useFeeRules, useFees } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import { agreedOn } from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { deliberationPath, groupPath } from '../types/paths';
import { emptyFeeRuleDraft, sortFees, validateFeeRule, type FeeRuleInput, type MemberFees } from '../types/treasury';

/** A new fee rule: an amount a month from a month on, set (best) by an agreed fee deliberation. */
function FeeRuleForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const addFeeRule = useAddFeeRule(group.id);
  const deliberations = useDeliberations(group.id, 200, 0);
  const agreed = agreedOn(deliberations.data?.items ?? [], 'fee_rule');
  const form = useForm({
    initial: () => emptyFeeRuleDraft(todayIso().slice(0, 7)),
    validate: validateFeeRule,
    send: (body: FeeRuleInput, idempotencyKey) => addFeeRule.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, ['amount', 'from', 'deliberation_id'], 'treasury'),
    onSaved: () => onSaved(),
  });
  const { field } = form;

  return (
    <FormCard
      title={t('groups.treasury.feeRule.title')}
      form={form}
      labels={{ submit: t('groups.treasury.feeRule.submit'), saving: t('groups.treasury.saving'), cancel: t('groups.treasury.cancel') }}
      onCancel={onCancel}
      testId="fee-rule-form"
    >
      <FormField
        label={t('common.required', { label: t('groups.treasury.feeRule.amount') })}
        hint={t('groups.treasury.amountHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('amount')}
      />
      <FormField
        label={t('common.required', { label: t('groups.treasury.feeRule.from') })}
        hint={t('groups.treasury.feeRule.fromHint')}
        type="month"
        {...field('from')}
      />
      {agreed.length > 0 ? (
        <SelectField
          label={t('groups.treasury.feeRule.deliberation')}
          emptyLabel={t('groups.treasury.feeRule.noDeliberation')}
          options={agreed.map((d) => ({ value: String(d.id), label: d.title }))}
          {...field('deliberation_id')}
        />
      ) : null}
    </FormCard>
  );
}

/** Paid, with what was due under it: two short lines fit a phone where two columns would not. */
function PaidOfDue({ paid, due }: { paid: number; due: number }) {
  const { t } = useTranslation();
  return (
    <>
      {formatRupiah(paid)}
      <span className="cell-sub">{t('groups.treasury.fees.ofDue', { amount: formatRupiah(due) })}</span>
    </>
  );
}

/** What a member owes, highlighted; "Lunas" when nothing, "Lebih …" when she paid ahead. */
function Arrears({ row }: { row: MemberFees }) {
  const { t } = useTranslation();
  if (row.arrears <= 0) {
    return <>{row.arrears === 0 ? t('groups.treasury.fees.settled') : t('groups.treasury.fees.ahead', { amount: formatRupiah(-row.arrears) })}</>;
  }
  return (
    <span className="arrears" data-testid={`arrears-${row.member_id}`}>
      {formatRupiah(row.arrears)}
      <span className="visually-hidden">{` (${t('groups.treasury.fees.inArrears')})`}</span>
    </span>
  );
}

const FEE_COLUMNS: readonly Column[] = [
  { label: 'groups.treasury.fees.member' },
  { label: 'groups.treasury.fees.paid', num: true },
  { label: 'groups.treasury.fees.arrears', num: true },
];

/** Iuran: the rules in force, and per member what was due, paid and is owed, those in arrears marked. */
export function FeesCard({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [saved, setSaved] = useState(false);
  const fees = useFees(group.id);
  const rules = useFeeRules(group.id);
  const writable = canWrite(group, 'ledger');
  const data = fees.data;

  return (
    <SectionCard
      title={t('groups.treasury.fees.title')}
      addLabel={t('groups.treasury.feeRule.add')}
      canAdd={writable}
      addTone="secondary"
      onAdd={() => setSaved(false)}
      notice={saved ? t('groups.treasury.feeRule.saved') : null}
      busy={fees.isFetching}
      testId="fees"
      form={(close) => (
        <FeeRuleForm
          group={group}
          onCancel={close}
          onSaved={() => {
            close();
            setSaved(true);
          }}
        />
      )}
    >
      {writable ? (
        <p className="muted" data-testid="fee-sheet-hint">
          {t('groups.treasury.fees.sheetHint')} <Link to={groupPath(group.id, 'meetings')}>{t('groups.treasury.fees.toMeetings')}</Link>
        </p>
      ) : null}
      {rules.data && rules.data.items.length === 0 ? <p className="muted">{t('groups.treasury.fees.noRules')}</p> : null}
      {rules.data && rules.data.items.length > 0 ? (
        <ul className="plain-list" data-testid="fee-rules">
          {rules.data.items.map((rule) => (
            <li key={rule.id} className="plain-list__item">
              <span>
                {t('groups.treasury.fees.rule', { amount: formatRupiah(rule.amount), from: formatMonth(rule.from, language, 'long') })}
              </span>
              {rule.deliberation_id !== null ? (
                <Link to={deliberationPath(group.id, rule.deliberation_id)}>{t('groups.treasury.fees.agreed')}</Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <QueryStatus query={fees} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.treasury.fees.loading')} />
      {data && data.members.length > 0 ? (
        <>
          <p className={data.arrears > 0 ? 'lead fees__summary fees__summary--owed' : 'lead fees__summary'} data-testid="fees-summary">
            {data.arrears > 0
              ? t('groups.treasury.fees.arrearsTotal', { amount: formatRupiah(data.arrears), month: formatMonth(data.through, language, 'long') })
              : t('groups.treasury.fees.noArrears', { month: formatMonth(data.through, language, 'long') })}
          </p>
          <DataTable
            caption={t('groups.treasury.fees.caption', { month: formatMonth(data.through, language, 'long') })}
            testId="fees-table"
            className="fees-table"
            columns={FEE_COLUMNS}
            foot={
              <tr>
                <th scope="row">{t('groups.treasury.fees.total')}</th>
                <td className="num">
                  <PaidOfDue paid={data.paid} due={data.due} />
                </td>
                <td className="num">{formatRupiah(data.arrears)}</td>
              </tr>
            }
          >
            {sortFees(data.members).map((row) => (
              <tr key={row.member_id} className={row.arrears > 0 ? 'fees-row--arrears' : undefined} data-testid={`fees-${row.member_id}`}>
                <th scope="row">
                  {row.name}
                  {!row.active ? (
                    <>
                      {' '}
                      <Badge tone="neutral">{t('groups.badges.left')}</Badge>
                    </>
                  ) : null}
                </th>
                <td className="num">
                  <PaidOfDue paid={row.paid} due={row.due} />
                </td>
                <td className="num">
                  <Arrears row={row} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </SectionCard>
  );
}
