import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RegionField } from '../../../components/RegionField';
import { Pagination } from '../../../components/Pagination';
import { QueryStatus } from '../../../components/QueryStatus';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatNumber, todayIso } from '../../../lib/format';
import type { RegionPickerSlot } from '../../../lib/places';
import { problemMessage, serverField } from '../../../lib/problem-messages';
import { SECTORS } from '../../../lib/sectors';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { ROUNDS_PAGE_SIZE, TARGETING_PAGE_SIZE } from '../api/targeting';
import { useRegionNames } from '../hooks/use-region-names';
import { useCandidates, useFreezeRound, useRounds } from '../hooks/use-targeting';
import { programmePath, type ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import {
  freezeFieldOf,
  narrowingInWords,
  NO_NARROWING,
  roundSummary,
  validateFreeze,
  type FreezeDraft,
  type FreezeField,
  type Narrowing,
  type TargetingRoundInput,
  type TargetingRoundView,
} from '../types/targeting';
import { RoundPanel } from './RoundPanel';
import { MetCriteria, RoundStatusBadge, TermList } from './TargetingParts';

const KINDS = ['enterprise', 'group'] as const;

const CANDIDATE_COLUMNS: readonly Column[] = [
  { label: 'programmes.targeting.columns.rank', num: true },
  { label: 'programmes.targeting.columns.name' },
  { label: 'programmes.targeting.columns.score', num: true },
  { label: 'programmes.targeting.columns.meets' },
  { label: 'programmes.targeting.columns.terms' },
];

/** A round's place on the candidates tab. */
export const roundPath = (programmeId: number, roundId: number) => `${programmePath(programmeId, 'candidates')}?round=${roundId}`;

/**
 * Kandidat: the rounds that froze a list (freeze another, open one to confirm or cancel it) and the
 * candidates ranked now, each with why it qualifies and what moved its rank, narrowed if she likes
 * to a region or a sector (a new round freezes what the list shows). For those who manage the
 * programme; a round opens in place (?round=ID).
 */
export function CandidatesSection({ programme, RegionPicker }: { programme: ProgrammeView; RegionPicker: RegionPickerSlot }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [narrowing, setNarrowing] = useState<Narrowing>(NO_NARROWING);
  const round = params.get('round');
  if (!programme.can_manage) return <Alert tone="info">{t('programmes.targeting.managersOnly')}</Alert>;
  if (round !== null && /^\d+$/.test(round)) {
    return <RoundPanel key={round} programme={programme} roundId={Number(round)} />;
  }
  return (
    <>
      <p className="muted" data-testid="targeting-intro">
        {t('programmes.targeting.intro')}
      </p>
      <RoundsCard programme={programme} narrowing={narrowing} RegionPicker={RegionPicker} />
      <CandidateList programme={programme} narrowing={narrowing} onNarrow={setNarrowing} RegionPicker={RegionPicker} />
    </>
  );
}

const sectorOptions = (t: TFunction) => SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }));

function CandidateList({
  programme,
  narrowing,
  onNarrow,
  RegionPicker,
}: {
  programme: ProgrammeView;
  narrowing: Narrowing;
  onNarrow: (narrowing: Narrowing) => void;
  RegionPicker: RegionPickerSlot;
}) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const candidates = useCandidates(programme.id, narrowing, offset);
  const regionName = useRegionNames(
    narrowing.region ? [...programme.criteria.region_codes, narrowing.region] : programme.criteria.region_codes,
  );
  const narrowed = narrowingInWords(t, narrowing, regionName);
  const items = candidates.data?.items ?? [];
  const narrow = (change: Partial<Narrowing>) => {
    onNarrow({ ...narrowing, ...change });
    setOffset(0);
  };
  return (
    <section className="card" aria-labelledby="candidates-title" aria-busy={candidates.isFetching} data-testid="candidates">
      <div className="section-head">
        <h2 id="candidates-title">
          {t('programmes.targeting.candidates')}
          {candidates.data ? (
            <>
              {' '}
              <span className="muted heading-count" data-testid="candidate-total">
                {`(${t(candidates.data.total_capped ? 'programmes.targeting.totalCapped' : 'programmes.targeting.total', { count: candidates.data.total, formatted: formatNumber(candidates.data.total, i18n.resolvedLanguage) })})`}
              </span>
            </>
          ) : null}
        </h2>
      </div>
      <SelectField
        id="candidate-kind"
        name="kind"
        label={t('programmes.targeting.kind')}
        options={KINDS.map((k) => ({ value: k, label: t(`programmes.enrolments.${k}`) }))}
        value={narrowing.kind}
        onChange={(e) => narrow({ kind: e.target.value === 'group' ? 'group' : 'enterprise' })}
      />
      <details className="filters" data-testid="candidate-narrowing">
        <summary>{narrowed ? `${t('programmes.targeting.narrow.title')}: ${narrowed}` : t('programmes.targeting.narrow.title')}</summary>
        <p className="muted">{t('programmes.targeting.narrow.intro')}</p>
        <SelectField
          id="candidate-sector"
          name="sector"
          label={t('programmes.targeting.narrow.sector')}
          emptyLabel={t('programmes.targeting.narrow.anySector')}
          options={sectorOptions(t)}
          value={narrowing.sector}
          onChange={(e) => narrow({ sector: e.target.value })}
        />
        <RegionField
          RegionPicker={RegionPicker}
          label={t('programmes.targeting.narrow.region')}
          hint={t('programmes.targeting.narrow.regionHint')}
          errors={[]}
          value={narrowing.region}
          onChange={(code) => narrow({ region: code })}
          testId="candidate-region"
        />
      </details>
      <QueryStatus
        query={candidates}
        problem={(e) => problemMessage(t, e)}
        loading={t('programmes.targeting.loading')}
        empty={t('programmes.targeting.empty')}
      />
      {items.length > 0 ? (
        <DataTable columns={CANDIDATE_COLUMNS} caption={t('programmes.targeting.candidates')} className="data-table--stack" testId="candidate-table">
          {items.map((c) => (
            <tr key={c.id} data-testid={`candidate-${c.id}`}>
              <td className="num" data-label={t('programmes.targeting.columns.rank')}>
                {c.rank}
              </td>
              <th scope="row" data-label={t('programmes.targeting.columns.name')}>
                {c.name}
              </th>
              <td className="num" data-label={t('programmes.targeting.columns.score')} data-testid="candidate-score">
                {c.score}
              </td>
              <td className="cell-wrap" data-label={t('programmes.targeting.columns.meets')}>
                <MetCriteria checks={c.eligibility.checks} regionName={regionName} />
              </td>
              <td className="cell-wrap" data-label={t('programmes.targeting.columns.terms')}>
                <TermList terms={c.terms} testId="candidate-terms" />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {candidates.data ? (
        <Pagination
          total={candidates.data.total}
          totalCapped={candidates.data.total_capped === true}
          limit={TARGETING_PAGE_SIZE}
          offset={offset}
          onChange={setOffset}
          label={t('programmes.targeting.candidates')}
        />
      ) : null}
    </section>
  );
}

function RoundsCard({ programme, narrowing, RegionPicker }: { programme: ProgrammeView; narrowing: Narrowing; RegionPicker: RegionPickerSlot }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const rounds = useRounds(programme.id, offset);
  const [notice, setNotice] = useState<string | null>(null);
  const items = rounds.data?.items ?? [];
  const regionName = useRegionNames(items.flatMap((round) => (round.region ? [round.region] : [])));
  return (
    <SectionCard
      title={t('programmes.targeting.rounds.title')}
      count={rounds.data ? t('programmes.targeting.rounds.count', { count: rounds.data.total }) : null}
      addLabel={t('programmes.targeting.freeze.add')}
      canAdd={programme.status !== 'closed'}
      onAdd={() => setNotice(null)}
      notice={notice}
      busy={rounds.isFetching}
      intro={<p className="muted">{t('programmes.targeting.rounds.intro')}</p>}
      testId="rounds"
      form={(close) => (
        <FreezeForm
          programme={programme}
          narrowing={narrowing}
          RegionPicker={RegionPicker}
          onCancel={close}
          onSaved={(round) => {
            close();
            setOffset(0);
            setNotice(t('programmes.targeting.freeze.frozen', { count: round.selected_count, id: round.id }));
          }}
        />
      )}
    >
      {rounds.isError ? <Alert tone="error">{problemMessage(t, rounds.error)}</Alert> : null}
      {rounds.data && items.length === 0 ? <p>{t('programmes.targeting.rounds.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="record-list" data-testid="round-list">
          {items.map((round) => (
            <li key={round.id} className="record-card" data-testid={`round-${round.id}`}>
              <h3 className="record-card__title">
                <Link to={roundPath(programme.id, round.id)}>
                  {t('programmes.targeting.rounds.name', { id: round.id, kind: t(`programmes.targeting.kinds.${round.kind}`) })}
                </Link>{' '}
                <RoundStatusBadge status={round.status} />
              </h3>
              <p className="record-card__line">{roundSummary(t, round, i18n.resolvedLanguage, regionName)}</p>
              {round.note ? <p className="record-card__line muted">{round.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {rounds.data ? (
        <Pagination total={rounds.data.total} limit={ROUNDS_PAGE_SIZE} offset={offset} onChange={setOffset} label={t('programmes.targeting.rounds.title')} />
      ) : null}
    </SectionCard>
  );
}

function FreezeForm({
  programme,
  narrowing,
  RegionPicker,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeView;
  narrowing: Narrowing;
  RegionPicker: RegionPickerSlot;
  onSaved: (round: TargetingRoundView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const freeze = useFreezeRound(programme.id);
  const today = todayIso();
  const form = useForm<FreezeDraft, FreezeField, TargetingRoundInput, TargetingRoundView>({
    initial: (): FreezeDraft => ({
      kind: narrowing.kind,
      region: narrowing.region,
      sector: narrowing.sector,
      opens_on: today < programme.starts_on ? programme.starts_on : today,
      closes_on: programme.ends_on,
      quota: '',
      note: '',
    }),
    validate: validateFreeze,
    send: (input, key) => freeze.mutateAsync({ body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => freezeFieldOf(serverField(fieldError.field).base),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved,
  });
  const { field, set, draft, errorsFor } = form;
  const regionName = useRegionNames(draft.region ? [draft.region] : []);
  const narrowed = narrowingInWords(t, draft, regionName);
  return (
    <FormCard
      title={t('programmes.targeting.freeze.title')}
      intro={<p className="muted">{t('programmes.targeting.freeze.intro')}</p>}
      form={form}
      labels={{ submit: t('programmes.targeting.freeze.submit'), saving: t('programmes.targeting.freeze.saving'), cancel: t('programmes.targeting.freeze.cancel') }}
      onCancel={onCancel}
      testId="freeze-form"
    >
      <SelectField
        label={t('programmes.targeting.kind')}
        options={KINDS.map((k) => ({ value: k, label: t(`programmes.enrolments.${k}`) }))}
        {...field('kind')}
        onChange={(e) => set('kind', e.target.value === 'group' ? 'group' : 'enterprise')}
      />
      <SelectField
        label={t('programmes.targeting.narrow.sector')}
        emptyLabel={t('programmes.targeting.narrow.anySector')}
        options={sectorOptions(t)}
        {...field('sector')}
      />
      <RegionField
        RegionPicker={RegionPicker}
        label={t('programmes.targeting.narrow.region')}
        hint={t('programmes.targeting.narrow.regionHint')}
        errors={errorsFor('region')}
        value={draft.region}
        onChange={(code) => set('region', code)}
        testId="freeze-region"
      />
      <FormField
        inputMode="numeric"
        autoComplete="off"
        label={t('programmes.targeting.freeze.quota')}
        hint={t('programmes.targeting.freeze.quotaHint')}
        {...field('quota')}
      />
      <FormField type="date" label={t('common.required', { label: t('programmes.targeting.freeze.opensOn') })} {...field('opens_on')} />
      <FormField type="date" label={t('common.required', { label: t('programmes.targeting.freeze.closesOn') })} {...field('closes_on')} />
      <TextAreaField label={t('programmes.targeting.freeze.note')} {...field('note')} />
      <p className="muted" data-testid="freeze-question">
        {draft.quota.trim() === ''
          ? t('programmes.targeting.freeze.questionAll', { kind: t(`programmes.targeting.kinds.${draft.kind}`) })
          : t('programmes.targeting.freeze.question', { quota: draft.quota.trim(), kind: t(`programmes.targeting.kinds.${draft.kind}`) })}
        {narrowed ? ` ${narrowed}.` : ''}
      </p>
    </FormCard>
  );
}
