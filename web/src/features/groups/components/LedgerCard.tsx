import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCard } from '../../../components/FormCard';
import { SectionCard } from '../../../components/SectionCard';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { actorName } from '../../../lib/actor';
import { formatDay, joinDetails, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useSubmission } from '../../../lib/use-submission';
import { useForm } from '../../../lib/use-form';
import { usePostEntry, useReverseEntry } from '../hooks/use-group-mutations';
import { useAssets, useLedger, useMembers } from '../hooks/use-group-queries';
import { canWrite, type GroupView, type Member } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import {
  canReverse,
  cashEffect,
  emptyEntryDraft,
  ENTRY_FIELDS,
  entryMark,
  entryMemberId,
  entryNeeds,
  FORM_ENTRY_KINDS,
  MAX_MEMO,
  signedRupiah,
  validateEntry,
  type CommonAsset,
  type EntryDraft,
  type EntryInput,
  type FormEntryKind,
  type LedgerEntry,
} from '../types/treasury';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { RecordList } from '../../../components/RecordList';

/** A phone shows ten rows a page, so that the whole tab stays a few screens long; wider screens twenty. */
const LEDGER_PAGE = 20;
const LEDGER_PAGE_PHONE = 10;
const WIDE_QUERY = '(min-width: 48rem)';

type Ids = ReadonlySet<number>;

/** The set with `id` added, or taken out when it was in. */
function toggled(set: Ids, id: number): Ids {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
const NO_MEMBERS: readonly Member[] = [];
const NO_ASSETS: readonly CommonAsset[] = [];

interface EntryFormProps {
  group: GroupView;
  members: readonly Member[];
  assets: readonly CommonAsset[];
  onSaved: (entry: LedgerEntry) => void;
  onCancel: () => void;
}

/** "Catat transaksi": the common kinds, one amount in rupiah, and whose fee or which shop it is. */
function EntryForm({ group, members, assets, onSaved, onCancel }: EntryFormProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const post = usePostEntry(group.id);
  const form = useForm({
    initial: () => emptyEntryDraft(today),
    validate: (draft: EntryDraft) => validateEntry(draft, todayIso()),
    send: (body: EntryInput, idempotencyKey) => post.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, ENTRY_FIELDS, 'treasury'),
    onSaved,
  });
  const { draft, setDraft, field } = form;
  const needs = entryNeeds(draft.kind);
  const active = members.filter((member) => member.active);

  const setKind = (kind: FormEntryKind) =>
    setDraft((d) => {
      // A shop sale or purchase names the group shop unless the treasurer picks another asset.
      const shop = assets.find((asset) => asset.kind === 'shop');
      const asset = entryNeeds(kind).asset ? d.asset_id || (shop ? String(shop.id) : '') : '';
      return { ...d, kind, asset_id: asset, member_id: entryNeeds(kind).member ? d.member_id : '' };
    });

  return (
    <FormCard
      title={t('groups.treasury.entry.title')}
      form={form}
      labels={{ submit: t('groups.treasury.entry.submit'), saving: t('groups.treasury.saving'), cancel: t('groups.treasury.cancel') }}
      onCancel={onCancel}
      testId="entry-form"
    >
      <SelectField
        label={t('groups.treasury.entry.kind')}
        options={FORM_ENTRY_KINDS.map((kind) => ({ value: kind, label: t(`groups.treasury.kinds.${kind}`) }))}
        {...field('kind')}
        onChange={(e) => setKind(e.target.value as FormEntryKind)}
      />
      {needs.member ? (
        <SelectField
          label={t('common.required', { label: t('groups.treasury.entry.member') })}
          emptyLabel={t('groups.treasury.entry.chooseMember')}
          options={active.map((member) => ({ value: String(member.id), label: member.person.name }))}
          {...field('member_id')}
        />
      ) : null}
      <FormField
        label={t('common.required', { label: t('groups.treasury.entry.amount') })}
        hint={t('groups.treasury.amountHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('amount')}
      />
      {needs.asset ? (
        <SelectField
          label={t('groups.treasury.entry.asset')}
          hint={t('groups.treasury.entry.assetHint')}
          emptyLabel={t('groups.treasury.entry.noAsset')}
          options={assets.map((asset) => ({ value: String(asset.id), label: asset.name }))}
          {...field('asset_id')}
        />
      ) : null}
      <FormField
        label={t('common.required', { label: t('groups.treasury.entry.date') })}
        type="date"
        max={today}
        {...field('date')}
      />
      <FormField
        label={t('groups.treasury.entry.memo')}
        hint={t('groups.treasury.entry.memoHint')}
        maxLength={MAX_MEMO}
        {...field('memo')}
      />
    </FormCard>
  );
}

/** Money in green, money out red, an entry that did not touch the cash box plain. */
function amountClass(effect: number): string {
  if (effect > 0) return 'entry__amount entry__amount--in';
  if (effect < 0) return 'entry__amount entry__amount--out';
  return 'entry__amount';
}

/** Each line of the entry: the account, and the debit or credit. */
function EntryLines({ entry, memberNames }: { entry: LedgerEntry; memberNames: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  return (
    <table className="entry-lines">
      <caption className="visually-hidden">{t('groups.treasury.ledger.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('groups.treasury.ledger.account')}</th>
          <th scope="col" className="num">{t('groups.treasury.ledger.debit')}</th>
          <th scope="col" className="num">{t('groups.treasury.ledger.credit')}</th>
        </tr>
      </thead>
      <tbody>
        {entry.lines.map((line, index) => (
          <tr key={index}>
            <th scope="row">
              {t(`groups.treasury.accounts.${line.account}`)}
              {line.member_id !== null ? (
                <span className="cell-sub">{memberNames.get(line.member_id) ?? t('groups.treasury.ledger.memberNumber', { id: line.member_id })}</span>
              ) : null}
            </th>
            <td className="num">{line.debit > 0 ? formatRupiah(line.debit) : ''}</td>
            <td className="num">{line.credit > 0 ? formatRupiah(line.credit) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface EntryItemProps {
  group: GroupView;
  entry: LedgerEntry;
  memberNames: ReadonlyMap<number, string>;
  writable: boolean;
  open: boolean;
  onToggle: () => void;
  onReversed: (original: LedgerEntry, reversal: LedgerEntry) => void;
}

/**
 * One entry as a row: the day, what it was, how much in or out of the cash box. A tap opens its
 * lines, who posted it, whether it was corrected, and the correction.
 */
function EntryItem({ group, entry, memberNames, writable, open, onToggle, onReversed }: EntryItemProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const reversal = useSubmission();
  const reverse = useReverseEntry(group.id);
  const language = i18n.resolvedLanguage;
  const mark = entryMark(entry);
  const effect = cashEffect(entry);
  const memberId = entryMemberId(entry);
  const who = memberId === null ? null : (memberNames.get(memberId) ?? t('groups.treasury.ledger.memberNumber', { id: memberId }));
  const kind = t(`groups.treasury.kinds.${entry.kind}`);
  // A fee says whose in few words ("Iuran Painem"): the row has room for little more.
  const title = !who ? kind : entry.kind === 'fee_payment' ? t('groups.treasury.ledger.feeOf', { name: who }) : t('groups.treasury.ledger.kindFor', { kind, name: who });
  const className = ['ledger-row', mark === 'corrected' ? 'entry--corrected' : '', mark === 'correction' ? 'entry--correction' : '', open ? 'ledger-row--open' : '']
    .filter(Boolean)
    .join(' ');
  const note = joinDetails([formatDay(entry.date, language), mark === 'corrected' ? t('groups.treasury.ledger.corrected') : null, entry.memo || null]);
  return (
    <li className={className} data-testid={`entry-${entry.id}`}>
      <button type="button" className="ledger-row__summary" aria-expanded={open} aria-controls={`${id}-detail`} onClick={onToggle}>
        <span className="ledger-row__what">
          <span className="ledger-row__title">{title}</span>
          <span className="ledger-row__memo">{note}</span>
        </span>
        <span className={amountClass(effect)} data-testid={`entry-${entry.id}-amount`}>
          {effect === 0 ? formatRupiah(entry.amount) : signedRupiah(effect)}
        </span>
      </button>
      {open ? (
        <div id={`${id}-detail`} className="ledger-row__detail" data-testid={`entry-${entry.id}-detail`}>
          <p className="record-card__line muted">
            {[t('groups.treasury.ledger.number', { id: entry.id }), formatDay(entry.date, language, 'long')].join(' · ')}
          </p>
          <p className="record-card__line">{who ? t('groups.treasury.ledger.kindFor', { kind, name: who }) : kind}</p>
          {entry.memo ? <p className="record-card__line">{entry.memo}</p> : null}
          {mark === 'corrected' ? (
            <p className="record-card__badges">
              <Badge tone="warning">{t('groups.treasury.ledger.corrected')}</Badge>
              <span className="record-card__count">{t('groups.treasury.ledger.correctedBy', { id: entry.reversed_by })}</span>
            </p>
          ) : null}
          {mark === 'correction' && entry.reverses_id !== null ? (
            <p className="record-card__badges">
              <Badge tone="info">{t('groups.treasury.ledger.correction')}</Badge>
              <span className="record-card__count">{t('groups.treasury.ledger.corrects', { id: entry.reverses_id })}</span>
            </p>
          ) : null}
          <EntryLines entry={entry} memberNames={memberNames} />
          <p className="record-card__line muted entry__by">{t('groups.treasury.ledger.by', { name: actorName(t, entry.created_by) })}</p>
          {writable && canReverse(entry) ? (
            <ConfirmAction
              label={t('groups.treasury.reverse.button')}
              accessibleLabel={t('groups.treasury.reverse.buttonLabel', { id: entry.id })}
              question={t('groups.treasury.reverse.question', { amount: formatRupiah(entry.amount) })}
              confirmLabel={t('groups.treasury.reverse.confirm')}
              testId={`reverse-${entry.id}`}
              describeError={(error) => readGroupErrors(t, error, [], 'treasury').general.join(' ')}
              onConfirm={() => {
                const body = reason.trim() ? { memo: reason.trim() } : {};
                return reversal.submit(body, (key) => reverse.mutateAsync({ entryId: entry.id, body, idempotencyKey: key }), {
                  onSuccess: (saved) => onReversed(entry, saved),
                });
              }}
            >
              <FormField
                id={`${id}-reason`}
                label={t('groups.treasury.reverse.reason')}
                hint={t('groups.treasury.reverse.reasonHint')}
                maxLength={MAX_MEMO}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </ConfirmAction>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * Buku kas: every entry newest first as a compact row (a phone shows a page of them at a glance),
 * corrections marked; a row opens to its lines, and the treasurer records and corrects here.
 */
export function LedgerCard({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [opened, setOpened] = useState<Ids>(new Set());
  const pageSize = useMediaQuery(WIDE_QUERY) ? LEDGER_PAGE : LEDGER_PAGE_PHONE;
  const ledger = useLedger(group.id, pageSize, offset);
  // Names for the fees in the ledger; those who left are named too.
  const members = useMembers(group.id, true).data ?? NO_MEMBERS;
  const assets = useAssets(group.id).data?.items ?? NO_ASSETS;
  const data = ledger.data;
  const writable = canWrite(group, 'ledger');
  const memberNames = new Map(members.map((member) => [member.id, member.person.name]));

  return (
    <SectionCard
      title={t('groups.treasury.ledger.title')}
      count={data ? t('groups.treasury.ledger.total', { count: data.total }) : null}
      addLabel={t('groups.treasury.entry.add')}
      canAdd={writable}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t('groups.treasury.ledger.intro')}</p>}
      notice={notice}
      busy={ledger.isFetching}
      testId="ledger"
      form={(close) => (
        <EntryForm
          group={group}
          members={members}
          assets={assets}
          onCancel={close}
          onSaved={(entry) => {
            close();
            setOffset(0);
            setNotice(t('groups.treasury.entry.saved', { amount: formatRupiah(entry.amount) }));
          }}
        />
      )}
    >
      <RecordList
        query={ledger}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.treasury.ledger.loading')}
        empty={t('groups.treasury.ledger.empty')}
        testId="ledger-list"
        className="ledger-list"
        paging={{ limit: pageSize, offset, onChange: setOffset }}
      >
        {(entry) => (
          <EntryItem
            key={entry.id}
            group={group}
            entry={entry}
            memberNames={memberNames}
            writable={writable}
            open={opened.has(entry.id)}
            onToggle={() => setOpened((current) => toggled(current, entry.id))}
            onReversed={(original, reversal) => {
              setNotice(t('groups.treasury.reverse.done', { id: original.id, reversal: reversal.id }));
              setOffset(0);
            }}
          />
        )}
      </RecordList>
    </SectionCard>
  );
}
