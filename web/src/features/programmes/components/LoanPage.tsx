import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { BackLink } from '../../../components/BackLink';
import { DataTable } from '../../../components/DataTable';
import { DetailRow } from '../../../components/DetailRow';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { Pending } from '../../../components/Pending';
import { formatDay, todayIso } from '../../../lib/format';
import { problemMessage, serverField } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useLoan, useRepay } from '../hooks/use-programmes';
import { programmePath, PROGRAMMES_PATH, type LoanDetail } from '../types';
import { validateRepayment } from '../types/assistance-form';
import { programmeFieldMessage } from '../types/errors';
import { instalmentState, ratePercent, scheduleSums, type InstalmentState } from '../types/loans';

const STATE_TONES: Record<InstalmentState, 'success' | 'info' | 'danger' | 'neutral'> = {
  paid: 'success',
  partial: 'info',
  overdue: 'danger',
  due: 'neutral',
};

/** A soft loan: its terms, the schedule with what each instalment was paid, arrears, repayments, and recording one. */
export function LoanPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const query = useLoan(id);
  const loan = query.data;
  useDocumentTitle(loan ? t('programmes.loan.title', { name: loan.recipient_name }) : t('programmes.loans.title'));
  const [notice, setNotice] = useState<string | null>(null);
  const [repaying, setRepaying] = useState(false);
  const back = loan?.programme_id ? programmePath(loan.programme_id, 'loans') : PROGRAMMES_PATH;
  if (!loan || !loan.loan) {
    return (
      <>
        <BackLink to={back}>{t('programmes.loan.back')}</BackLink>
        <Pending problem={query.isError ? problemMessage(t, query.error) : null} loading={t('programmes.loan.loading')} />
      </>
    );
  }
  const terms = loan.loan;
  const today = todayIso();
  const sums = scheduleSums(loan.schedule.instalments);
  const day = (d: string) => formatDay(d, language);
  const owing = loan.position.outstanding_principal + loan.position.outstanding_interest > 0;
  return (
    <>
      <BackLink to={back}>{t('programmes.loan.back')}</BackLink>
      <h1 tabIndex={-1}>{t('programmes.loan.title', { name: loan.recipient_name })}</h1>
      <section className="card">
        <dl className="details">
          <DetailRow label={t('programmes.loan.principal')} testId="loan-principal">
            {formatRupiah(loan.value)}
          </DetailRow>
          <DetailRow label={t('programmes.loan.rate')}>{t('programmes.loan.ratePercent', { rate: ratePercent(terms.annual_rate_bp) })}</DetailRow>
          <DetailRow label={t('programmes.loan.term')}>{t('programmes.loan.termMonths', { count: terms.term_months })}</DetailRow>
          <DetailRow label={t('programmes.loan.method')}>{t(`programmes.ledger.methods.${terms.method}`)}</DetailRow>
          {loan.disbursed_on ? <DetailRow label={t('programmes.loan.disbursedOn')}>{day(loan.disbursed_on)}</DetailRow> : null}
          <DetailRow label={t('programmes.loan.provider')}>{loan.provider_name}</DetailRow>
          {loan.programme_name ? <DetailRow label={t('programmes.loan.programme')}>{loan.programme_name}</DetailRow> : null}
        </dl>
      </section>

      <Arrears loan={loan} />

      <section className="card" aria-labelledby="loan-schedule">
        <h2 id="loan-schedule">{t('programmes.loan.schedule')}</h2>
        <DataTable
          caption={t('programmes.loan.scheduleCaption')}
          testId="loan-schedule"
          columns={[
            { label: 'programmes.loan.columns.number' },
            { label: 'programmes.loan.columns.due' },
            { label: 'programmes.loan.columns.principal', num: true },
            { label: 'programmes.loan.columns.interest', num: true },
            { label: 'programmes.loan.columns.amount', num: true },
            { label: 'programmes.loan.columns.paid', num: true },
            { label: 'programmes.loan.columns.status' },
          ]}
          foot={
            <tr>
              <th scope="row">{t('programmes.loan.total')}</th>
              <td />
              <td className="num" data-testid="schedule-principal">
                {formatRupiah(loan.schedule.total_principal)}
              </td>
              <td className="num">{formatRupiah(loan.schedule.total_interest)}</td>
              <td className="num">{formatRupiah(loan.schedule.total_due)}</td>
              <td className="num">{formatRupiah(loan.position.paid_principal + loan.position.paid_interest)}</td>
              <td />
            </tr>
          }
        >
          {loan.schedule.instalments.map((i) => {
            const state = instalmentState(i, today);
            return (
              <tr key={i.number} data-testid={`instalment-${i.number}`}>
                <th scope="row">{i.number}</th>
                <td>{day(i.due_on)}</td>
                <td className="num">{formatRupiah(i.principal)}</td>
                <td className="num">{formatRupiah(i.interest)}</td>
                <td className="num">{formatRupiah(i.amount)}</td>
                <td className="num">{formatRupiah(i.paid_principal + i.paid_interest)}</td>
                <td>
                  <Badge tone={STATE_TONES[state]}>{t(`programmes.loan.states.${state}`)}</Badge>
                </td>
              </tr>
            );
          })}
        </DataTable>
        {sums.principal === loan.value ? (
          <p className="muted" data-testid="sum-check">
            {t('programmes.loan.sumCheck', { sum: formatRupiah(sums.principal) })}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="loan-repayments" data-testid="repayments">
        <div className="section-head">
          <h2 id="loan-repayments">{t('programmes.loan.repayments')}</h2>
          {owing && !repaying ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setNotice(null);
                setRepaying(true);
              }}
            >
              {t('programmes.loan.repay')}
            </button>
          ) : null}
        </div>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {repaying ? (
          <RepaymentForm
            loanId={loan.id}
            onCancel={() => setRepaying(false)}
            onSaved={(amount) => {
              setRepaying(false);
              setNotice(t('programmes.loan.repaid', { amount: formatRupiah(amount) }));
            }}
          />
        ) : null}
        {loan.repayments.length === 0 ? (
          <p>{t('programmes.loan.noRepayments')}</p>
        ) : (
          <ul className="record-list" data-testid="repayment-list">
            {loan.repayments.map((r) => (
              <li key={r.id} className="record-card">
                {day(r.paid_on)}: <strong>{formatRupiah(r.amount)}</strong>{' '}
                <span className="muted">{t('programmes.loan.recordedBy', { name: r.recorded_by_username })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Arrears({ loan }: { loan: LoanDetail }) {
  const { t, i18n } = useTranslation();
  const a = loan.arrears;
  const day = (d: string) => formatDay(d, i18n.resolvedLanguage);
  return (
    <section className="card" aria-labelledby="loan-arrears" data-testid="loan-arrears">
      <h2 id="loan-arrears">{t('programmes.loan.arrears')}</h2>
      {loan.position.closed_on ? (
        <p>{t('programmes.loan.closedOn', { day: day(loan.position.closed_on) })}</p>
      ) : a.overdue_instalments === 0 ? (
        <p>{t('programmes.loan.noArrears')}</p>
      ) : (
        <>
          <p data-testid="days-past-due">
            <strong>{t('programmes.loan.overdueInstalments', { count: a.overdue_instalments })}</strong>;{' '}
            {t('programmes.loan.daysPastDue', { count: a.days_past_due, day: a.oldest_unpaid_due_on ? day(a.oldest_unpaid_due_on) : '' })}
          </p>
          <p>
            {t('programmes.loan.overdueAmount')}: {formatRupiah(a.overdue_principal + a.overdue_interest)}
          </p>
        </>
      )}
      <dl className="details">
        <DetailRow label={t('programmes.loan.outstanding')} testId="loan-outstanding">
          {formatRupiah(loan.position.outstanding_principal)}
        </DetailRow>
        <DetailRow label={t('programmes.loan.outstandingInterest')}>{formatRupiah(loan.position.outstanding_interest)}</DetailRow>
      </dl>
    </section>
  );
}

function RepaymentForm({ loanId, onSaved, onCancel }: { loanId: number; onSaved: (amount: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const repay = useRepay(loanId);
  const form = useForm({
    initial: () => ({ paid_on: todayIso(), amount: '' }),
    validate: validateRepayment,
    send: (input, key) => repay.mutateAsync({ body: input, idempotencyKey: key }).then(() => input.amount),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => {
          const { base } = serverField(fieldError.field);
          return base === 'paid_on' || base === 'amount' ? base : null;
        },
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved,
  });
  const { field } = form;
  return (
    <FormCard
      title={t('programmes.loan.repay')}
      form={form}
      labels={{ submit: t('programmes.loan.submit'), saving: t('programmes.loan.saving'), cancel: t('programmes.loan.cancel') }}
      onCancel={onCancel}
      testId="repayment-form"
    >
      <FormField type="date" label={t('common.required', { label: t('programmes.loan.paidOn') })} {...field('paid_on')} />
      <FormField
        inputMode="numeric"
        autoComplete="off"
        label={t('common.required', { label: t('programmes.loan.amount') })}
        hint={t('programmes.form.budgetHint')}
        {...field('amount')}
      />
    </FormCard>
  );
}
