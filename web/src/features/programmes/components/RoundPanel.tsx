import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { type Column, DataTable } from '../../../components/DataTable';
import { FormField } from '../../../components/FormField';
import { Pagination } from '../../../components/Pagination';
import { QueryStatus } from '../../../components/QueryStatus';
import { SubmitRow } from '../../../components/SubmitRow';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { TARGETING_PAGE_SIZE } from '../api/targeting';
import { useRegionNames } from '../hooks/use-region-names';
import { useBeneficiaries, useDecideRound, useDecision, useRound } from '../hooks/use-targeting';
import { programmePath, type ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import { parseCount, roundSummary, type RecipientKind, type TargetingRoundView } from '../types/targeting';
import type { RegionName } from '../types/words';
import { criteriaInWords } from '../types/words';
import { RecipientPicker, type PickedRecipient } from './RecipientPicker';
import { DecisionView, MetCriteria, RoundStatusBadge, TermList } from './TargetingParts';

const BENEFICIARY_COLUMNS: readonly Column[] = [
  { label: 'programmes.targeting.columns.position', num: true },
  { label: 'programmes.targeting.columns.name' },
  { label: 'programmes.targeting.columns.score', num: true },
  { label: 'programmes.targeting.columns.meets' },
  { label: 'programmes.targeting.columns.terms' },
  { label: 'programmes.targeting.columns.why', hidden: true },
];

/**
 * One round: its status and figures; for a draft, the officer's confirmation (she types how many
 * beneficiaries she confirms) or its cancellation; its frozen list, and for anyone on it or not,
 * why the round selected them or did not.
 */
export function RoundPanel({ programme, roundId }: { programme: ProgrammeView; roundId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const round = useRound(programme.id, roundId);
  const narrowedTo = round.data?.region;
  const regionName = useRegionNames(narrowedTo ? [...programme.criteria.region_codes, narrowedTo] : programme.criteria.region_codes);
  const [notice, setNotice] = useState<string | null>(null);
  const data = round.data;
  return (
    <>
      <BackLink to={programmePath(programme.id, 'candidates')}>{t('programmes.targeting.round.back')}</BackLink>
      <QueryStatus query={round} problem={(e) => problemMessage(t, e)} loading={t('programmes.targeting.round.loading')} />
      {data ? (
        <section className="card" aria-labelledby="round-title" data-testid="round">
          <h2 id="round-title">
            {t('programmes.targeting.rounds.name', { id: data.id, kind: t(`programmes.targeting.kinds.${data.kind}`) })}{' '}
            <RoundStatusBadge status={data.status} />
          </h2>
          <p data-testid="round-summary">{roundSummary(t, data, language, regionName)}</p>
          {data.decided_at && data.status !== 'draft' ? (
            <p className="muted">
              {t(`programmes.targeting.round.decidedAt.${data.status}`, { when: formatDateTime(data.decided_at, language) })}
            </p>
          ) : null}
          {data.note ? <p className="muted">{data.note}</p> : null}
          <FrozenCriteria round={data} regionName={regionName} />
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {data.status === 'draft' && data.can_manage ? <DraftActions programme={programme} round={data} onDone={setNotice} /> : null}
        </section>
      ) : null}
      {data ? <Beneficiaries programme={programme} round={data} regionName={regionName} /> : null}
      {data ? <AskWhy programme={programme} round={data} regionName={regionName} /> : null}
    </>
  );
}

function FrozenCriteria({ round, regionName }: { round: TargetingRoundView; regionName: RegionName }) {
  const { t } = useTranslation();
  const lines = criteriaInWords(t, round.criteria, regionName);
  return (
    <details>
      <summary>{t('programmes.targeting.round.criteria')}</summary>
      {lines.length === 0 ? (
        <p>{t('programmes.criteria.none')}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** Confirm a draft by typing how many it holds, or cancel it; both asked in words first. */
function DraftActions({ programme, round, onDone }: { programme: ProgrammeView; round: TargetingRoundView; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { confirm, cancel } = useDecideRound(programme.id, round.id);
  const form = useForm<{ count: string }, 'count', number, TargetingRoundView>({
    initial: { count: '' },
    validate: (draft) => {
      const count = parseCount(draft.count);
      return count === null ? { errors: { count: ['programmes.targeting.confirm.typeCount'] }, input: null } : { errors: {}, input: count };
    },
    send: (count) => confirm.mutateAsync(count),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => (fieldError.field === 'count' ? 'count' : null),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved: (saved) => onDone(t('programmes.targeting.confirm.done', { count: saved.enrolled_count ?? 0 })),
  });
  const describe = (error: unknown) =>
    isApiError(error) && error.errors.length > 0 ? error.errors.map((e) => programmeFieldMessage(t, e)).join(' ') : problemMessage(t, error);
  return (
    <div data-testid="round-actions">
      <form className="form" noValidate onSubmit={(event) => void form.onSubmit(event)} aria-busy={form.submitting} data-testid="confirm-form">
        <h3>{t('programmes.targeting.confirm.title')}</h3>
        <p>{t('programmes.targeting.confirm.intro', { count: round.selected_count })}</p>
        {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
        <FormField
          inputMode="numeric"
          autoComplete="off"
          label={t('common.required', { label: t('programmes.targeting.confirm.count') })}
          hint={t('programmes.targeting.confirm.hint')}
          {...form.field('count')}
        />
        <SubmitRow
          submitting={form.submitting}
          labels={{ submit: t('programmes.targeting.confirm.submit'), saving: t('programmes.targeting.confirm.saving') }}
        />
      </form>
      <ConfirmAction
        label={t('programmes.targeting.cancel.label')}
        question={t('programmes.targeting.cancel.question')}
        confirmLabel={t('programmes.targeting.cancel.confirm')}
        tone="danger"
        onConfirm={async () => {
          await cancel.mutateAsync();
          onDone(t('programmes.targeting.cancel.done'));
        }}
        describeError={describe}
        testId="round-cancel"
      />
    </div>
  );
}

/** The frozen list by position; "Mengapa?" opens the decision for one in place. */
function Beneficiaries({ programme, round, regionName }: { programme: ProgrammeView; round: TargetingRoundView; regionName: RegionName }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const list = useBeneficiaries(programme.id, round.id, offset);
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="beneficiaries-title" aria-busy={list.isFetching} data-testid="beneficiaries">
      <h2 id="beneficiaries-title">
        {t('programmes.targeting.round.frozen')}
        {list.data ? <span className="muted heading-count">{` (${list.data.total})`}</span> : null}
      </h2>
      <QueryStatus
        query={list}
        problem={(e) => problemMessage(t, e)}
        loading={t('programmes.targeting.loading')}
        empty={t('programmes.targeting.round.none')}
      />
      {items.length > 0 ? (
        <DataTable columns={BENEFICIARY_COLUMNS} caption={t('programmes.targeting.round.frozen')} className="data-table--stack" testId="beneficiary-table">
          {items.map((b) => (
            <Fragment key={b.id}>
              <tr data-testid={`beneficiary-${b.id}`}>
                <td className="num" data-label={t('programmes.targeting.columns.position')}>
                  {b.position}
                </td>
                <th scope="row" data-label={t('programmes.targeting.columns.name')}>
                  {b.name}
                </th>
                <td className="num" data-label={t('programmes.targeting.columns.score')}>
                  {b.score}
                </td>
                <td className="cell-wrap" data-label={t('programmes.targeting.columns.meets')}>
                  <MetCriteria checks={b.eligibility.checks} regionName={regionName} />
                </td>
                <td className="cell-wrap" data-label={t('programmes.targeting.columns.terms')}>
                  <TermList terms={b.terms} />
                </td>
                <td className="cell-wrap">
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-expanded={open === b.id}
                    aria-label={t('programmes.targeting.why.label', { name: b.name })}
                    onClick={() => setOpen(open === b.id ? null : b.id)}
                  >
                    {t('programmes.targeting.why.button')}
                  </button>
                </td>
              </tr>
              {open === b.id ? (
                <tr data-testid={`beneficiary-why-${b.id}`}>
                  <td colSpan={BENEFICIARY_COLUMNS.length} className="cell-wrap">
                    <Why programme={programme} round={round} kind={round.kind} recipientId={b.id} regionName={regionName} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </DataTable>
      ) : null}
      {list.data ? <Pagination total={list.data.total} limit={TARGETING_PAGE_SIZE} offset={offset} onChange={setOffset} /> : null}
    </section>
  );
}

function Why({ programme, round, kind, recipientId, regionName }: {
  programme: ProgrammeView;
  round: TargetingRoundView;
  kind: RecipientKind;
  recipientId: number;
  regionName: RegionName;
}) {
  const { t } = useTranslation();
  const decision = useDecision(programme.id, round.id, kind, recipientId);
  if (decision.isError) {
    const error = decision.error;
    const words = isApiError(error) && error.errors.length > 0 ? error.errors.map((e) => programmeFieldMessage(t, e)).join(' ') : problemMessage(t, error);
    return <Alert tone="error">{words}</Alert>;
  }
  if (!decision.data) return <p role="status">{t('programmes.targeting.why.loading')}</p>;
  return <DecisionView decision={decision.data} regionName={regionName} />;
}

/** Why the round did not select someone: pick any enterprise or group by name. */
function AskWhy({ programme, round, regionName }: { programme: ProgrammeView; round: TargetingRoundView; regionName: RegionName }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedRecipient | null>(null);
  return (
    <section className="card" aria-labelledby="ask-why-title" data-testid="ask-why">
      <h2 id="ask-why-title">{t('programmes.targeting.why.askTitle')}</h2>
      <p className="muted">{t('programmes.targeting.why.askIntro')}</p>
      <RecipientPicker picked={picked} onPick={setPicked} errors={[]} />
      {picked ? <Why programme={programme} round={round} kind={picked.kind} recipientId={picked.id} regionName={regionName} /> : null}
    </section>
  );
}
