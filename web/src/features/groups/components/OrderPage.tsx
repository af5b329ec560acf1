import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { ProgressBar } from '../../../components/ProgressBar';
import { BackLink } from '../../../components/BackLink';
import { Pending } from '../../../components/Pending';
import { SubmitRow } from '../../../components/SubmitRow';
import { formatDay, formatNumber } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCancelOrder, useUpdateShare } from '../hooks/use-group-mutations';
import { useOrder } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import {
  shareDraftOf,
  validateShare,
  type JointOrder,
  type OrderShare,
  type OrderStatus,
  type ShareDraft,
  type ShareField,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { groupPath } from '../types/paths';
import { ConfirmAction } from '../../../components/ConfirmAction';

const STATUS_TONES = { open: 'info', fulfilled: 'success', cancelled: 'neutral' } as const satisfies Record<OrderStatus, string>;

/** An order's status, and "past due" beside it when its day has passed with the order still open. */
export function OrderStatusBadges({ order }: { order: Pick<JointOrder, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge tone={STATUS_TONES[order.status]}>{t(`groups.orders.statuses.${order.status}`)}</Badge>
      {order.overdue ? (
        <Badge tone="danger" testId="order-overdue">
          {t('groups.orders.overdue')}
        </Badge>
      ) : null}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

// Members' parts in turn-taking shades of the brand colours, so neighbours in the bar stay apart.
const SHARE_SHADES = ['#0f5f4f', '#1d4f91', '#8a3c00', '#5b3f8c', '#2f6f2f', '#7a2e4f'];

/** The order as one bar cut into each member's part: who makes how much, at a glance. */
function SplitBar({ order }: { order: JointOrder }) {
  return (
    <div className="split-bar" aria-hidden="true" data-testid="split-bar">
      {order.shares.map((share, index) =>
        share.quantity > 0 ? (
          <span
            key={share.member.id}
            className="split-bar__part"
            style={{ width: `${(share.quantity / order.quantity) * 100}%`, background: SHARE_SHADES[index % SHARE_SHADES.length] }}
          />
        ) : null,
      )}
    </div>
  );
}

interface ShareItemProps {
  group: GroupView;
  order: JointOrder;
  share: OrderShare;
  index: number;
  writable: boolean;
  onSaved: (order: JointOrder, name: string) => void;
}

/** One member's part: how many, what she earns, delivered and paid so far; recorded here by those who keep orders. */
function ShareItem({ group, order, share, index, writable, onSaved }: ShareItemProps) {
  const { t, i18n } = useTranslation();
  const update = useUpdateShare(group.id, order.id);
  const id = useId();
  const language = i18n.resolvedLanguage;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ShareDraft>(() => shareDraftOf(share));
  const [saving, setSaving] = useState(false);
  const { setLocal, server, setServer, errorsFor, clear } = useFormErrors<ShareField>();
  const number = (value: number) => formatNumber(value, language);
  const deliveredPercent = share.quantity === 0 ? 0 : (share.delivered / share.quantity) * 100;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const { errors, input } = validateShare(draft, share);
    setLocal(errors);
    if (!input) return;
    if (input.delivered === undefined && input.paid_out === undefined) {
      setEditing(false);
      return;
    }
    setSaving(true);
    try {
      const saved = await update.mutateAsync({ memberId: share.member.id, body: input });
      setEditing(false);
      onSaved(saved, share.member.name);
    } catch (error) {
      setServer(readGroupErrors(t, error, ['delivered', 'paid_out'], 'orders'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="record-card share" data-testid={`share-${share.member.id}`}>
      <h4 className="share__name">
        {share.quantity > 0 ? (
          <span className="share__swatch" style={{ background: SHARE_SHADES[index % SHARE_SHADES.length] }} aria-hidden="true" />
        ) : null}
        {share.member.name}
      </h4>
      <p className="share__part" data-testid={`share-${share.member.id}-part`}>
        {t('groups.order.part', { quantity: number(share.quantity), unit: order.unit, capacity: number(share.capacity) })}
      </p>
      <p className="share__payout" data-testid={`share-${share.member.id}-payout`}>
        {t('groups.order.payout', { amount: formatRupiah(share.payout) })}
      </p>
      {share.quantity > 0 ? (
        <ProgressBar
          percent={deliveredPercent}
          label={t('groups.order.deliveredLabel', { name: share.member.name })}
          valueText={t('groups.order.delivered', { delivered: number(share.delivered), quantity: number(share.quantity), unit: order.unit })}
        />
      ) : null}
      {share.quantity > 0 ? (
        <p className="record-card__line muted">
          {t('groups.order.paid', { paid: formatRupiah(share.paid_out), payout: formatRupiah(share.payout) })}
        </p>
      ) : null}
      {writable && share.quantity > 0 && !editing ? (
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('groups.order.recordLabel', { name: share.member.name })}
          onClick={() => {
            setDraft(shareDraftOf(share));
            clear();
            setEditing(true);
          }}
        >
          {t('groups.order.record')}
        </button>
      ) : null}
      {writable && editing ? (
        <form className="form share__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={saving}>
          {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
          <FormField
            id={`${id}-delivered`}
            label={t('groups.order.deliveredField', { unit: order.unit })}
            hint={t('groups.order.deliveredHint', { quantity: number(share.quantity), unit: order.unit })}
            errors={errorsFor('delivered')}
            name="delivered"
            inputMode="numeric"
            autoComplete="off"
            value={draft.delivered}
            onChange={(e) => setDraft((d) => ({ ...d, delivered: e.target.value }))}
          />
          <FormField
            id={`${id}-paid`}
            label={t('groups.order.paidField')}
            hint={t('groups.order.paidHint', { payout: formatRupiah(share.payout) })}
            errors={errorsFor('paid_out')}
            name="paid_out"
            inputMode="numeric"
            autoComplete="off"
            value={draft.paid_out}
            onChange={(e) => setDraft((d) => ({ ...d, paid_out: e.target.value }))}
          />
          <SubmitRow
            submitting={saving}
            labels={{ submit: t('groups.order.save'), saving: t('groups.order.saving') }}
            cancel={{ label: t('groups.order.cancelEdit'), onClick: () => setEditing(false) }}
          />
        </form>
      ) : null}
    </li>
  );
}

interface OrderPageProps {
  group: GroupView;
  orderId: number;
  created: boolean;
}

/** One joint order: what, for whom, the split per member with payouts, delivery and payment, and cancelling it. */
export function OrderPage({ group, orderId, created }: OrderPageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const resource = useOrder(group.id, orderId);
  const cancel = useCancelOrder(group.id, orderId);
  const [notice, setNotice] = useState<string | null>(null);
  const order = resource.data;
  const writable = canWrite(group, 'orders');
  const back = <BackLink to={groupPath(group.id, 'orders')}>{t('groups.order.back')}</BackLink>;

  if (!order) {
    return (
      <>
        {back}
        <Pending problem={resource.isError ? groupProblemMessage(t, resource.error) : null} loading={t('groups.order.loading')} />
      </>
    );
  }

  const number = (value: number) => formatNumber(value, language);
  const open = order.status === 'open';
  return (
    <>
      {back}
      <section className="card" aria-labelledby={`${id}-title`} data-testid="order">
        <h2 id={`${id}-title`}>{t('groups.orders.cardTitle', { product: order.product, customer: order.customer })}</h2>
        {created ? <Alert tone="success">{t('groups.order.created')}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <p className="record-card__badges">
          <OrderStatusBadges order={order} />
        </p>
        <dl className="details">
          <Row label={t('groups.order.customer')}>{order.customer}</Row>
          <Row label={t('groups.order.quantity')}>{`${number(order.quantity)} ${order.unit}`}</Row>
          <Row label={t('groups.order.unitPrice')}>{formatRupiah(order.unit_price)}</Row>
          <Row label={t('groups.order.value')}>{formatRupiah(order.value)}</Row>
          {order.due_on ? <Row label={t('groups.order.dueOn')}>{formatDay(order.due_on, language, 'long')}</Row> : null}
        </dl>
        <ProgressBar
          percent={order.quantity === 0 ? 0 : (order.delivered / order.quantity) * 100}
          label={t('groups.order.deliveredTotal')}
          valueText={t('groups.order.delivered', { delivered: number(order.delivered), quantity: number(order.quantity), unit: order.unit })}
        />
        {writable && open ? (
          <ConfirmAction
            label={t('groups.order.cancel.button')}
            question={t('groups.order.cancel.question')}
            confirmLabel={t('groups.order.cancel.confirm')}
            testId="cancel-order"
            describeError={(error) => readGroupErrors(t, error, [], 'orders').general.join(' ')}
            onConfirm={async () => {
              await cancel.mutateAsync();
              setNotice(t('groups.order.cancel.done'));
            }}
          />
        ) : null}
      </section>
      <section className="card" aria-labelledby={`${id}-split`} data-testid="order-split">
        <h3 id={`${id}-split`}>{t('groups.order.split')}</h3>
        <p className="muted">{t('groups.order.splitIntro')}</p>
        <SplitBar order={order} />
        <ul className="record-list shares">
          {order.shares.map((share, index) => (
            <ShareItem
              key={share.member.id}
              group={group}
              order={order}
              share={share}
              index={index}
              writable={writable && open}
              onSaved={(saved, name) => {
                setNotice(
                  saved.status === 'fulfilled' ? t('groups.order.fulfilled') : t('groups.order.shareSaved', { name }),
                );
              }}
            />
          ))}
        </ul>
      </section>
    </>
  );
}
