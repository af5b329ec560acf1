import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { SectionCard } from '../../../components/SectionCard';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { formatDay, formatMonth, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSubmission } from '../../../lib/use-submission';
import { useAddAsset, useAddFeeRule } from '../hooks/use-group-mutations';
import { useAssets, useBalances, useDeliberations, useFeeRules, useFees, useStatement } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import { agreedOn } from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { deliberationPath } from '../types/paths';
import {
  ASSET_KINDS,
  ASSET_SOURCES,
  balanceChartRows,
  closingOf,
  emptyAssetDraft,
  emptyFeeRuleDraft,
  MAX_ASSET_NAME,
  sortFees,
  validateAsset,
  validateFeeRule,
  type AssetDraft,
  type AssetField,
  type AssetKind,
  type AssetSource,
  type CommonAsset,
  type FeeRuleDraft,
  type FeeRuleField,
  type MemberFees,
  type Statement,
} from '../types/treasury';
import { LedgerCard } from './LedgerCard';

// The chart library is large and loads with the first chart the reader opens (this or compliance).
const BalanceChart = lazy(() => import('./BalanceChart').then((m) => ({ default: m.BalanceChart })));

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** The statement: cash in hand first (what a treasurer is asked most), then the year's income and spending. */
function StatementCard({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const statement = useStatement(group.id);
  const balances = useBalances(group.id);
  const data: Statement | undefined = statement.data;
  const rows = balances.data ? balanceChartRows(balances.data.items, (month) => formatMonth(month, language)) : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={statement.isFetching} data-testid="statement">
      <h2 id={`${id}-title`}>{t('groups.treasury.statement.title')}</h2>
      {statement.isError ? <Alert tone="error">{groupProblemMessage(t, statement.error)}</Alert> : null}
      {statement.isFetching && !data ? <p role="status">{t('groups.treasury.statement.loading')}</p> : null}
      {data ? (
        <>
          <p className="money-stat">
            <span className="money-stat__label">{t('groups.treasury.statement.cash')}</span>
            <span className="money-stat__value" data-testid="cash-balance">
              {formatRupiah(closingOf(data, 'cash'))}
            </span>
          </p>
          <p className="record-card__badges">
            {data.balanced ? (
              <Badge tone="success">{t('groups.treasury.statement.balanced')}</Badge>
            ) : (
              <Badge tone="danger">{t('groups.treasury.statement.unbalanced')}</Badge>
            )}
            <span className="record-card__count">
              {t('groups.treasury.statement.period', {
                from: data.from ? formatDay(data.from, language) : t('groups.treasury.statement.beginning'),
                to: formatDay(data.to, language),
              })}
            </span>
          </p>
          <dl className="details">
            <Row label={t('groups.treasury.statement.commonAssets')} testId="assets-balance">
              {formatRupiah(closingOf(data, 'common_assets'))}
            </Row>
            <Row label={t('groups.treasury.statement.assets')}>{formatRupiah(data.assets)}</Row>
            <Row label={t('groups.treasury.statement.income')}>{formatRupiah(data.income)}</Row>
            <Row label={t('groups.treasury.statement.expenses')}>{formatRupiah(data.expenses)}</Row>
            <Row label={data.surplus < 0 ? t('groups.treasury.statement.deficit') : t('groups.treasury.statement.surplus')}>
              {formatRupiah(Math.abs(data.surplus))}
            </Row>
          </dl>
          {rows.length > 0 ? (
            <Suspense fallback={<p className="muted">{t('groups.treasury.statement.loading')}</p>}>
              <BalanceChart rows={rows} />
            </Suspense>
          ) : null}
          {balances.isError ? <Alert tone="error">{groupProblemMessage(t, balances.error)}</Alert> : null}
          <details className="help">
            <summary>{t('groups.treasury.statement.accounts')}</summary>
            <div className="table-wrap">
              <table className="data-table" data-testid="accounts-table">
                <caption className="visually-hidden">{t('groups.treasury.statement.accounts')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('groups.treasury.statement.account')}</th>
                    <th scope="col" className="num">
                      {t('groups.treasury.statement.opening')}
                    </th>
                    <th scope="col" className="num">
                      {t('groups.treasury.statement.closing')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.accounts.map((line) => (
                    <tr key={line.account}>
                      <th scope="row">{t(`groups.treasury.accounts.${line.account}`)}</th>
                      <td className="num">{formatRupiah(line.opening)}</td>
                      <td className="num">{formatRupiah(line.closing)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
    </section>
  );
}

/** A new fee rule: an amount a month from a month on, set (best) by an agreed fee deliberation. */
function FeeRuleForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<FeeRuleDraft>(() => emptyFeeRuleDraft(todayIso().slice(0, 7)));
  const { submitting, submit } = useSubmission();
  const { setLocal, server, setServer, errorsFor, clear } = useFormErrors<FeeRuleField>();
  const addFeeRule = useAddFeeRule(group.id);
  const deliberations = useDeliberations(group.id, 200, 0);
  const agreed = agreedOn(deliberations.data?.items ?? [], 'fee_rule');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof FeeRuleDraft>(field: K, value: FeeRuleDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const { errors, input } = validateFeeRule(draft);
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => addFeeRule.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: () => onSaved(),
      onError: (error) => setServer(readGroupErrors(t, error, ['amount', 'from', 'deliberation_id'], 'treasury')),
    });
  }

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid="fee-rule-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('groups.treasury.feeRule.title')}
      </h3>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          id={`${id}-amount`}
          label={t('common.required', { label: t('groups.treasury.feeRule.amount') })}
          hint={t('groups.treasury.amountHint')}
          errors={errorsFor('amount')}
          inputProps={{ name: 'amount', inputMode: 'numeric', autoComplete: 'off', value: draft.amount, onChange: (e) => set('amount', e.target.value) }}
        />
        <FormField
          id={`${id}-from`}
          label={t('common.required', { label: t('groups.treasury.feeRule.from') })}
          hint={t('groups.treasury.feeRule.fromHint')}
          errors={errorsFor('from')}
          inputProps={{ type: 'month', name: 'from', value: draft.from, onChange: (e) => set('from', e.target.value) }}
        />
        {agreed.length > 0 ? (
          <SelectField
            id={`${id}-deliberation`}
            label={t('groups.treasury.feeRule.deliberation')}
            emptyLabel={t('groups.treasury.feeRule.noDeliberation')}
            errors={errorsFor('deliberation_id')}
            options={agreed.map((d) => ({ value: String(d.id), label: d.title }))}
            selectProps={{ name: 'deliberation_id', value: draft.deliberation_id, onChange: (e) => set('deliberation_id', e.target.value) }}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.treasury.saving') : t('groups.treasury.feeRule.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('groups.treasury.cancel')}
          </button>
        </div>
      </form>
    </section>
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

/** Iuran: the rules in force, and per member what was due, paid and is owed, those in arrears marked. */
function FeesCard({ group }: { group: GroupView }) {
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
      {fees.isError ? <Alert tone="error">{groupProblemMessage(t, fees.error)}</Alert> : null}
      {fees.isFetching && !data ? <p role="status">{t('groups.treasury.fees.loading')}</p> : null}
      {data && data.members.length > 0 ? (
        <>
          <p className={data.arrears > 0 ? 'lead fees__summary fees__summary--owed' : 'lead fees__summary'} data-testid="fees-summary">
            {data.arrears > 0
              ? t('groups.treasury.fees.arrearsTotal', { amount: formatRupiah(data.arrears), month: formatMonth(data.through, language, 'long') })
              : t('groups.treasury.fees.noArrears', { month: formatMonth(data.through, language, 'long') })}
          </p>
          <div className="table-wrap">
            <table className="data-table fees-table" data-testid="fees-table">
              <caption className="visually-hidden">
                {t('groups.treasury.fees.caption', { month: formatMonth(data.through, language, 'long') })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('groups.treasury.fees.member')}</th>
                  <th scope="col" className="num">
                    {t('groups.treasury.fees.paid')}
                  </th>
                  <th scope="col" className="num">
                    {t('groups.treasury.fees.arrears')}
                  </th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('groups.treasury.fees.total')}</th>
                  <td className="num">
                    <PaidOfDue paid={data.paid} due={data.due} />
                  </td>
                  <td className="num">{formatRupiah(data.arrears)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </SectionCard>
  );
}

/** A new common asset: its value moves from cash into common assets in the ledger. */
function AssetForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: (asset: CommonAsset) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = todayIso();
  const [draft, setDraft] = useState<AssetDraft>(() => emptyAssetDraft(today));
  const { submitting, submit } = useSubmission();
  const { setLocal, server, setServer, errorsFor, clear } = useFormErrors<AssetField>();
  const addAsset = useAddAsset(group.id);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof AssetDraft>(field: K, value: AssetDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const { errors, input } = validateAsset(draft, todayIso());
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => addAsset.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: onSaved,
      onError: (error) => setServer(readGroupErrors(t, error, ['name', 'kind', 'source', 'value', 'acquired_on'], 'treasury')),
    });
  }

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid="asset-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('groups.treasury.assets.formTitle')}
      </h3>
      <p className="muted">{t('groups.treasury.assets.formIntro')}</p>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          id={`${id}-name`}
          label={t('common.required', { label: t('groups.treasury.assets.name') })}
          hint={t('groups.treasury.assets.nameHint')}
          errors={errorsFor('name')}
          inputProps={{ name: 'name', maxLength: MAX_ASSET_NAME, value: draft.name, onChange: (e) => set('name', e.target.value) }}
        />
        <SelectField
          id={`${id}-kind`}
          label={t('groups.treasury.assets.kind')}
          errors={errorsFor('kind')}
          options={ASSET_KINDS.map((kind) => ({ value: kind, label: t(`groups.treasury.assetKinds.${kind}`) }))}
          selectProps={{ name: 'kind', value: draft.kind, onChange: (e) => set('kind', e.target.value as AssetKind) }}
        />
        <SelectField
          id={`${id}-source`}
          label={t('groups.treasury.assets.source')}
          errors={errorsFor('source')}
          options={ASSET_SOURCES.map((source) => ({ value: source, label: t(`groups.treasury.assetSources.${source}`) }))}
          selectProps={{ name: 'source', value: draft.source, onChange: (e) => set('source', e.target.value as AssetSource) }}
        />
        <FormField
          id={`${id}-value`}
          label={t('common.required', { label: t('groups.treasury.assets.value') })}
          hint={t('groups.treasury.amountHint')}
          errors={errorsFor('value')}
          inputProps={{ name: 'value', inputMode: 'numeric', autoComplete: 'off', value: draft.value, onChange: (e) => set('value', e.target.value) }}
        />
        <FormField
          id={`${id}-acquired`}
          label={t('groups.treasury.assets.acquiredOn')}
          errors={errorsFor('acquired_on')}
          inputProps={{ type: 'date', name: 'acquired_on', max: today, value: draft.acquired_on, onChange: (e) => set('acquired_on', e.target.value) }}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.treasury.saving') : t('groups.treasury.assets.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('groups.treasury.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}


/** Aset bersama: the shop and equipment the group owns, with what the shop sold and bought. */
function AssetsCard({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const writable = canWrite(group, 'assets');
  const query = useAssets(group.id);
  const assets = query.data?.items ?? null;

  return (
    <SectionCard
      title={t('groups.treasury.assets.title')}
      addLabel={t('groups.treasury.assets.add')}
      canAdd={writable}
      addTone="secondary"
      onAdd={() => setNotice(null)}
      notice={notice}
      testId="assets"
      form={(close) => (
        <AssetForm
          group={group}
          onCancel={close}
          onSaved={(asset) => {
            close();
            setNotice(t('groups.treasury.assets.saved', { name: asset.name }));
          }}
        />
      )}
    >
      {query.isError ? <Alert tone="error">{groupProblemMessage(t, query.error)}</Alert> : null}
      {assets && assets.length === 0 ? <p className="muted">{t('groups.treasury.assets.empty')}</p> : null}
      {assets && assets.length > 0 ? (
        <ul className="record-list">
          {assets.map((asset) => (
            <li key={asset.id} className="record-card" data-testid={`asset-${asset.id}`}>
              <h3 className="record-card__title">{asset.name}</h3>
              <p className="record-card__badges">
                <Badge tone="info">{t(`groups.treasury.assetKinds.${asset.kind}`)}</Badge>
                <span className="record-card__count">{t(`groups.treasury.assetSources.${asset.source}`)}</span>
              </p>
              <p className="record-card__line">
                {t('groups.treasury.assets.valueLine', {
                  value: formatRupiah(asset.value),
                  date: formatDay(asset.acquired_on, i18n.resolvedLanguage),
                })}
              </p>
              {asset.kind === 'shop' || asset.sales !== 0 || asset.purchases !== 0 ? (
                <p className="record-card__line muted">
                  {t('groups.treasury.assets.trade', { sales: formatRupiah(asset.sales), purchases: formatRupiah(asset.purchases) })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}

/** Kas: the statement and its chart, the ledger with corrections, fees with arrears, and common assets. */
export function TreasurySection({ group }: { group: GroupView }) {
  return (
    <>
      <StatementCard group={group} />
      <LedgerCard group={group} />
      <FeesCard group={group} />
      <AssetsCard group={group} />
    </>
  );
}
