import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SectionCard } from '../../../components/SectionCard';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { Pagination } from '../../../components/Pagination';
import { formatDay, formatNumber, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSubmission } from '../../../lib/use-submission';
import { useCloseMaterial, usePostMaterial, useRecordPurchase } from '../hooks/use-group-mutations';
import { useMaterialsBoard, usePurchases } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import {
  canClose,
  draftSaving,
  emptyMaterialDraft,
  emptyPurchaseDraft,
  MATERIAL_KINDS,
  MAX_MATERIAL,
  MAX_ORDER_TEXT,
  MAX_UNIT,
  matchesByPost,
  validateMaterial,
  validatePurchase,
  type CollectivePurchase,
  type MaterialDraft,
  type MaterialField,
  type MaterialKind,
  type MaterialPost,
  type PostMatch,
  type PurchaseDraft,
  type PurchaseField,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { ConfirmAction } from './ConfirmAction';

const PURCHASES_PAGE = 20;

/** An offer or request of her own: what, how much, at what price, until when. */
function MaterialForm({ group, kind, onSaved, onCancel }: { group: GroupView; kind: MaterialKind; onSaved: (post: MaterialPost) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const post = usePostMaterial(group.id);
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = todayIso();
  const [draft, setDraft] = useState<MaterialDraft>(() => emptyMaterialDraft(today, kind));
  const { submitting, submit } = useSubmission();
  const { setLocal, server, setServer, errorsFor, clear } = useFormErrors<MaterialField>();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof MaterialDraft>(field: K, value: MaterialDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const { errors, input } = validateMaterial(draft, todayIso());
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => post.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: onSaved,
      onError: (error) =>
        setServer(readGroupErrors(t, error, ['kind', 'material', 'unit', 'quantity', 'price', 'until'], 'materials')),
    });
  }

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid="material-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t(`groups.materials.form.title.${draft.kind}`)}
      </h3>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <fieldset className="choice-group">
          <legend className="field__label">{t('groups.materials.form.kind')}</legend>
          {MATERIAL_KINDS.map((option) => (
            <label key={option} className="choice">
              <input type="radio" name={`${id}-kind`} checked={draft.kind === option} onChange={() => set('kind', option)} />
              <span>{t(`groups.materials.kinds.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        <FormField
          id={`${id}-material`}
          label={t('common.required', { label: t('groups.materials.form.material') })}
          hint={t('groups.materials.form.materialHint')}
          errors={errorsFor('material')}
          inputProps={{ name: 'material', maxLength: MAX_MATERIAL, value: draft.material, onChange: (e) => set('material', e.target.value) }}
        />
        <div className="form-pair">
          <FormField
            id={`${id}-quantity`}
            label={t('common.required', { label: t('groups.materials.form.quantity') })}
            errors={errorsFor('quantity')}
            inputProps={{ name: 'quantity', inputMode: 'numeric', autoComplete: 'off', value: draft.quantity, onChange: (e) => set('quantity', e.target.value) }}
          />
          <FormField
            id={`${id}-unit`}
            label={t('common.required', { label: t('groups.materials.form.unit') })}
            errors={errorsFor('unit')}
            inputProps={{ name: 'unit', maxLength: MAX_UNIT, value: draft.unit, onChange: (e) => set('unit', e.target.value) }}
          />
        </div>
        <FormField
          id={`${id}-price`}
          label={t('groups.materials.form.price')}
          hint={t('groups.materials.form.priceHint')}
          errors={errorsFor('price')}
          inputProps={{ name: 'price', inputMode: 'numeric', autoComplete: 'off', value: draft.price, onChange: (e) => set('price', e.target.value) }}
        />
        <FormField
          id={`${id}-until`}
          label={t('common.required', { label: t('groups.materials.form.until') })}
          hint={t('groups.materials.form.untilHint')}
          errors={errorsFor('until')}
          inputProps={{ type: 'date', name: 'until', min: today, value: draft.until, onChange: (e) => set('until', e.target.value) }}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.materials.saving') : t('groups.materials.form.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('groups.materials.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface MaterialItemProps {
  group: GroupView;
  post: MaterialPost;
  matches: readonly PostMatch[];
  onClosed: (post: MaterialPost) => void;
}

function MaterialItem({ group, post, matches, onClosed }: MaterialItemProps) {
  const { t, i18n } = useTranslation();
  const close = useCloseMaterial(group.id);
  const language = i18n.resolvedLanguage;
  const own = group.member_id !== null && post.member.id === group.member_id;
  const matched = matches.length > 0;
  return (
    <li className={matched ? 'record-card record-card--match' : 'record-card'} data-testid={`material-${post.id}`}>
      <h4 className="record-card__title">
        {t('groups.materials.amount', { material: post.material, quantity: formatNumber(post.quantity, language), unit: post.unit })}
      </h4>
      <p className="record-card__badges">
        {matched ? <Badge tone="success">{t('groups.materials.matched')}</Badge> : null}
        <span className="record-card__count">{post.member.name}</span>
        {own ? <Badge tone="info">{t('groups.badges.you')}</Badge> : null}
      </p>
      {post.price !== null ? (
        <p className="record-card__line">{t('groups.materials.price', { price: formatRupiah(post.price), unit: post.unit })}</p>
      ) : null}
      <p className="record-card__line muted">{t('groups.materials.until', { date: formatDay(post.until, language) })}</p>
      {matches.map((match) => (
        <p key={match.other.id} className="match-line" data-testid={`match-${post.id}-${match.other.id}`}>
          {t(`groups.materials.matchWith.${post.kind}`, {
            name: match.other.member.name,
            quantity: formatNumber(match.quantity, language),
            unit: post.unit,
          })}
        </p>
      ))}
      {canClose(post, group.member_id, canWrite(group, 'materials')) ? (
        <ConfirmAction
          label={t('groups.materials.close.button')}
          accessibleLabel={t('groups.materials.close.buttonLabel', { material: post.material, name: post.member.name })}
          question={t(`groups.materials.close.question.${post.kind}`)}
          confirmLabel={t('groups.materials.close.confirm')}
          testId={`close-${post.id}`}
          describeError={(error) => readGroupErrors(t, error, [], 'materials').general.join(' ')}
          onConfirm={async () => onClosed(await close.mutateAsync(post.id))}
        />
      ) : null}
    </li>
  );
}

/** A collective purchase: the group's price per unit beside what members paid alone, and the saving. */
function PurchaseForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: (purchase: CollectivePurchase) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPurchase(group.id);
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = todayIso();
  const [draft, setDraft] = useState<PurchaseDraft>(() => emptyPurchaseDraft(today));
  const { submitting, submit } = useSubmission();
  const { setLocal, server, setServer, errorsFor, clear } = useFormErrors<PurchaseField>();
  const saving = draftSaving(draft);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof PurchaseDraft>(field: K, value: PurchaseDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const { errors, input } = validatePurchase(draft, todayIso());
    setLocal(errors);
    if (!input) return;
    await submit(input, (key) => record.mutateAsync({ body: input, idempotencyKey: key }), {
      onSuccess: onSaved,
      onError: (error) =>
        setServer(
          readGroupErrors(t, error, ['supplier', 'material', 'unit', 'quantity', 'group_price', 'alone_price', 'purchased_on'], 'materials'),
        ),
    });
  }

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid="purchase-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('groups.materials.purchase.formTitle')}
      </h3>
      <p className="muted">{t('groups.materials.purchase.formIntro')}</p>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          id={`${id}-supplier`}
          label={t('common.required', { label: t('groups.materials.purchase.supplier') })}
          hint={t('groups.materials.purchase.supplierHint')}
          errors={errorsFor('supplier')}
          inputProps={{ name: 'supplier', maxLength: MAX_ORDER_TEXT, value: draft.supplier, onChange: (e) => set('supplier', e.target.value) }}
        />
        <FormField
          id={`${id}-material`}
          label={t('common.required', { label: t('groups.materials.form.material') })}
          errors={errorsFor('material')}
          inputProps={{ name: 'material', maxLength: MAX_MATERIAL, value: draft.material, onChange: (e) => set('material', e.target.value) }}
        />
        <div className="form-pair">
          <FormField
            id={`${id}-quantity`}
            label={t('common.required', { label: t('groups.materials.form.quantity') })}
            errors={errorsFor('quantity')}
            inputProps={{ name: 'quantity', inputMode: 'numeric', autoComplete: 'off', value: draft.quantity, onChange: (e) => set('quantity', e.target.value) }}
          />
          <FormField
            id={`${id}-unit`}
            label={t('common.required', { label: t('groups.materials.form.unit') })}
            errors={errorsFor('unit')}
            inputProps={{ name: 'unit', maxLength: MAX_UNIT, value: draft.unit, onChange: (e) => set('unit', e.target.value) }}
          />
        </div>
        <FormField
          id={`${id}-group-price`}
          label={t('common.required', { label: t('groups.materials.purchase.groupPrice') })}
          hint={t('groups.materials.purchase.perUnit')}
          errors={errorsFor('group_price')}
          inputProps={{ name: 'group_price', inputMode: 'numeric', autoComplete: 'off', value: draft.group_price, onChange: (e) => set('group_price', e.target.value) }}
        />
        <FormField
          id={`${id}-alone-price`}
          label={t('common.required', { label: t('groups.materials.purchase.alonePrice') })}
          hint={t('groups.materials.purchase.alonePriceHint')}
          errors={errorsFor('alone_price')}
          inputProps={{ name: 'alone_price', inputMode: 'numeric', autoComplete: 'off', value: draft.alone_price, onChange: (e) => set('alone_price', e.target.value) }}
        />
        <FormField
          id={`${id}-date`}
          label={t('groups.materials.purchase.purchasedOn')}
          errors={errorsFor('purchased_on')}
          inputProps={{ type: 'date', name: 'purchased_on', max: today, value: draft.purchased_on, onChange: (e) => set('purchased_on', e.target.value) }}
        />
        {saving !== null ? (
          <p className={saving >= 0 ? 'saving-line' : 'saving-line saving-line--loss'} aria-live="polite" data-testid="draft-saving">
            {saving >= 0
              ? t('groups.materials.purchase.savingDraft', { amount: formatRupiah(saving) })
              : t('groups.materials.purchase.lossDraft', { amount: formatRupiah(-saving) })}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('groups.materials.saving') : t('groups.materials.purchase.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('groups.materials.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PurchaseItem({ purchase }: { purchase: CollectivePurchase }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const top = Math.max(purchase.group_price, purchase.alone_price, 1);
  return (
    <li className="record-card" data-testid={`purchase-${purchase.id}`}>
      <h4 className="record-card__title">
        {t('groups.materials.amount', { material: purchase.material, quantity: formatNumber(purchase.quantity, language), unit: purchase.unit })}
      </h4>
      <p className="record-card__line muted">
        {[purchase.supplier, formatDay(purchase.purchased_on, language)].join(' · ')}
      </p>
      <dl className="prices">
        <div className="prices__row">
          <dt>{t('groups.materials.purchase.groupPrice')}</dt>
          <dd>
            {t('groups.materials.price', { price: formatRupiah(purchase.group_price), unit: purchase.unit })}
            <span className="prices__bar prices__bar--group" aria-hidden="true" style={{ width: `${(purchase.group_price / top) * 100}%` }} />
          </dd>
        </div>
        <div className="prices__row">
          <dt>{t('groups.materials.purchase.alonePrice')}</dt>
          <dd>
            {t('groups.materials.price', { price: formatRupiah(purchase.alone_price), unit: purchase.unit })}
            <span className="prices__bar prices__bar--alone" aria-hidden="true" style={{ width: `${(purchase.alone_price / top) * 100}%` }} />
          </dd>
        </div>
      </dl>
      <p className="record-card__line">{t('groups.materials.purchase.paid', { amount: formatRupiah(purchase.paid) })}</p>
      <p className="record-card__badges" data-testid={`purchase-${purchase.id}-saving`}>
        {purchase.saving >= 0 ? (
          <Badge tone="success">{t('groups.materials.purchase.saving', { amount: formatRupiah(purchase.saving) })}</Badge>
        ) : (
          <Badge tone="warning">{t('groups.materials.purchase.loss', { amount: formatRupiah(-purchase.saving) })}</Badge>
        )}
      </p>
    </li>
  );
}

/** Beli bersama: collective purchases with their saving; the leader or treasurer records one. */
function PurchasesCard({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const purchases = usePurchases(group.id, PURCHASES_PAGE, offset);
  const writable = canWrite(group, 'materials');
  const data = purchases.data;
  const totalSaving = data ? data.items.reduce((sum, p) => sum + p.saving, 0) : 0;

  return (
    <SectionCard
      title={t('groups.materials.purchase.title')}
      addLabel={t('groups.materials.purchase.add')}
      canAdd={writable}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t('groups.materials.purchase.intro')}</p>}
      notice={notice}
      busy={purchases.isFetching}
      testId="purchases"
      form={(close) => (
        <PurchaseForm
          group={group}
          onCancel={close}
          onSaved={(purchase) => {
            close();
            setOffset(0);
            setNotice(t('groups.materials.purchase.saved', { amount: formatRupiah(purchase.saving) }));
          }}
        />
      )}
    >
      {purchases.isError ? <Alert tone="error">{groupProblemMessage(t, purchases.error)}</Alert> : null}
      {purchases.isFetching && !data ? <p role="status">{t('groups.materials.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('groups.materials.purchase.empty')}</p> : null}
      {data && data.items.length > 0 && totalSaving > 0 ? (
        <p className="lead">{t('groups.materials.purchase.totalSaving', { amount: formatRupiah(totalSaving) })}</p>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="record-list" data-testid="purchase-list">
          {data.items.map((purchase) => (
            <PurchaseItem key={purchase.id} purchase={purchase} />
          ))}
        </ul>
      ) : null}
      {data ? <Pagination total={data.total} limit={PURCHASES_PAGE} offset={offset} onChange={setOffset} /> : null}
    </SectionCard>
  );
}

/** Bahan baku: open offers and requests between members with their matches, and buying together. */
export function MaterialsSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const id = useId();
  const [posting, setPosting] = useState<MaterialKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const board = useMaterialsBoard(group.id);
  const data = board.data;
  const matches = data ? matchesByPost(data) : new Map<number, PostMatch[]>();
  // Every member posts her own offers and requests; an account that is no member has nothing to offer.
  const canPost = group.member_id !== null && group.status !== 'dissolved';

  const list = (kind: MaterialKind) => {
    const posts = (data?.items ?? []).filter((post) => post.kind === kind);
    return (
      <div className="materials__column" data-testid={`materials-${kind}`}>
        <h3>{t(`groups.materials.lists.${kind}`)}</h3>
        {posts.length === 0 ? (
          <p className="muted">{t(`groups.materials.empty.${kind}`)}</p>
        ) : (
          <ul className="record-list">
            {posts.map((post) => (
              <MaterialItem
                key={post.id}
                group={group}
                post={post}
                matches={matches.get(post.id) ?? []}
                onClosed={(closed) => {
                  setNotice(t('groups.materials.close.done', { material: closed.material }));
                }}
              />
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <>
      <section className="card" aria-labelledby={`${id}-title`} aria-busy={board.isFetching} data-testid="materials">
        <h2 id={`${id}-title`}>{t('groups.materials.title')}</h2>
        <p className="muted">{t('groups.materials.intro')}</p>
        {canPost && posting === null ? (
          <div className="button-row">
            {MATERIAL_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setNotice(null);
                  setPosting(kind);
                }}
              >
                {t(`groups.materials.post.${kind}`)}
              </button>
            ))}
          </div>
        ) : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {canPost && posting !== null ? (
          <MaterialForm
            group={group}
            kind={posting}
            onCancel={() => setPosting(null)}
            onSaved={(post) => {
              setPosting(null);
              setNotice(t(`groups.materials.saved.${post.kind}`, { material: post.material }));
            }}
          />
        ) : null}
        {board.isError ? <Alert tone="error">{groupProblemMessage(t, board.error)}</Alert> : null}
        {board.isFetching && !data ? <p role="status">{t('groups.materials.loading')}</p> : null}
        {data && data.matches.length > 0 ? (
          <Alert tone="info" testId="match-summary">
            {t('groups.materials.matchSummary', { count: data.matches.length })}
          </Alert>
        ) : null}
        {data ? (
          <div className="materials">
            {list('offer')}
            {list('request')}
          </div>
        ) : null}
      </section>
      <PurchasesCard group={group} />
    </>
  );
}
