import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { formatDay, formatNumber, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useForm } from '../../../lib/use-form';
import { useRecordPurchase } from '../hooks/use-group-mutations';
import { usePurchases } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import {
  draftSaving,
  emptyPurchaseDraft,
  MAX_MATERIAL,
  MAX_ORDER_TEXT,
  validatePurchase,
  type CollectivePurchase,
  type PurchaseDraft,
  type PurchaseInput,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { QuantityAndUnit } from './QuantityAndUnit';

const PURCHASES_PAGE = 20;

/** A collective purchase: the group's price per unit beside what members paid alone, and the saving. */
function PurchaseForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: (purchase: CollectivePurchase) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPurchase(group.id);
  const today = todayIso();
  const form = useForm({
    initial: () => emptyPurchaseDraft(today),
    validate: (draft: PurchaseDraft) => validatePurchase(draft, todayIso()),
    send: (body: PurchaseInput, idempotencyKey) => record.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) =>
      readGroupErrors(t, error, ['supplier', 'material', 'unit', 'quantity', 'group_price', 'alone_price', 'purchased_on'], 'materials'),
    onSaved,
  });
  const { draft, field } = form;
  const saving = draftSaving(draft);

  return (
    <FormCard
      title={t('groups.materials.purchase.formTitle')}
      intro={<p className="muted">{t('groups.materials.purchase.formIntro')}</p>}
      form={form}
      labels={{ submit: t('groups.materials.purchase.submit'), saving: t('groups.materials.saving'), cancel: t('groups.materials.cancel') }}
      onCancel={onCancel}
      testId="purchase-form"
    >
      <FormField
        label={t('common.required', { label: t('groups.materials.purchase.supplier') })}
        hint={t('groups.materials.purchase.supplierHint')}
        maxLength={MAX_ORDER_TEXT}
        {...field('supplier')}
      />
      <FormField
        label={t('common.required', { label: t('groups.materials.form.material') })}
        maxLength={MAX_MATERIAL}
        {...field('material')}
      />
      <QuantityAndUnit field={field} />
      <FormField
        label={t('common.required', { label: t('groups.materials.purchase.groupPrice') })}
        hint={t('groups.materials.purchase.perUnit')}
        inputMode="numeric"
        autoComplete="off"
        {...field('group_price')}
      />
      <FormField
        label={t('common.required', { label: t('groups.materials.purchase.alonePrice') })}
        hint={t('groups.materials.purchase.alonePriceHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('alone_price')}
      />
      <FormField
        label={t('groups.materials.purchase.purchasedOn')}
        type="date"
        max={today}
        {...field('purchased_on')}
      />
      {saving !== null ? (
        <p className={saving >= 0 ? 'saving-line' : 'saving-line saving-line--loss'} aria-live="polite" data-testid="draft-saving">
          {saving >= 0
            ? t('groups.materials.purchase.savingDraft', { amount: formatRupiah(saving) })
            : t('groups.materials.purchase.lossDraft', { amount: formatRupiah(-saving) })}
        </p>
      ) : null}
    </FormCard>
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
export function PurchasesCard({ group }: { group: GroupView }) {
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
      {data && data.items.length > 0 && totalSaving > 0 ? (
        <p className="lead">{t('groups.materials.purchase.totalSaving', { amount: formatRupiah(totalSaving) })}</p>
      ) : null}
      <RecordList
        query={purchases}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.materials.loading')}
        empty={t('groups.materials.purchase.empty')}
        testId="purchase-list"
        paging={{ limit: PURCHASES_PAGE, offset, onChange: setOffset }}
      >
        {(purchase) => <PurchaseItem key={purchase.id} purchase={purchase} />}
      </RecordList>
    </SectionCard>
  );
}
