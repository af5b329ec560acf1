import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SectionCard } from '../../../components/SectionCard';
import { formatDay, formatNumber } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { NO_ERRORS, readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';
import { useForm } from '../../../lib/use-form';
import { useCreateOrder } from '../hooks/use-group-mutations';
import { useMembers, useOrders } from '../hooks/use-group-queries';
import { canWrite, type GroupView, type Member } from '../types';
import {
  capacityTotal,
  emptyOrderDraft,
  MAX_ORDER_TEXT,
  MAX_UNIT,
  memberOfSentCapacity,
  readCount,
  shortfallOf,
  validateOrder,
  type JointOrder,
  type OrderDraft,
  type OrderInput,
} from '../types/cooperation';
import { groupFieldMessage, groupProblemMessage, serverField } from '../types/errors';
import { orderPath, type WorkspaceNotice } from '../types/paths';
import { OrderStatusBadges } from './OrderPage';

const ORDERS_PAGE = 20;
const ORDER_FIELDS = ['customer', 'product', 'quantity', 'unit', 'unit_price', 'due_on', 'capacities'] as const;

/** Server errors about `capacities[i]` belong beside the box of the i-th member sent; the rest as usual. */
function orderErrors(t: TFunction, error: unknown, sent: OrderInput): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => {
      const field = serverField(fieldError.field);
      const member = field.base.startsWith('capacities_') && field.index !== null ? memberOfSentCapacity(sent, field.index) : null;
      if (member !== null) return `capacity-${member}`;
      return (ORDER_FIELDS as readonly string[]).includes(field.base) ? field.base : null;
    },
    message: (fieldError) => groupFieldMessage(t, fieldError, 'orders'),
    problem: (failure) => groupProblemMessage(t, failure),
  });
}

/** The members who can take a share load as the form opens; the form waits for them. */
function NewOrder({ group, onCancel }: { group: GroupView; onCancel: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(group.id, false, true);
  if (members.data) return <OrderForm group={group} members={members.data} onCancel={onCancel} />;
  if (members.isError) return <Alert tone="error">{groupProblemMessage(t, members.error)}</Alert>;
  return members.isFetching ? <p role="status">{t('groups.orders.loadingMembers')}</p> : null;
}

/** A new joint order: who ordered what, and what each active member can make in time. */
function OrderForm({ group, members, onCancel }: { group: GroupView; members: readonly Member[]; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateOrder(group.id);
  const [shortfall, setShortfall] = useState<string | null>(null);
  const language = i18n.resolvedLanguage;
  const form = useForm({
    initial: emptyOrderDraft,
    validate: (draft: OrderDraft) =>
      validateOrder(
        draft,
        members.map((member) => member.id),
      ),
    send: (body: OrderInput, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    // More than the members can make is no field's error: the form says by how much.
    readErrors: (error, input): ServerErrors => {
      const short = shortfallOf(error, input);
      if (!short) return orderErrors(t, error, input);
      setShortfall(
        t('groups.orders.shortfall', {
          can: formatNumber(short.can, language),
          ordered: formatNumber(short.ordered, language),
          short: formatNumber(short.short, language),
          unit: input.unit,
        }),
      );
      return NO_ERRORS;
    },
    onSaved: (created: JointOrder) =>
      void navigate(orderPath(group.id, created.id), { state: { notice: 'orderCreated' } satisfies WorkspaceNotice }),
  });
  const { draft, setDraft, field, errorsFor } = form;
  const setCapacity = (memberId: number, value: string) =>
    setDraft((d) => ({ ...d, capacities: { ...d.capacities, [memberId]: value } }));

  const ordered = readCount(draft.quantity);
  const total = capacityTotal(draft.capacities);
  const unit = draft.unit.trim();
  const short = ordered !== null && total < ordered;
  const numbers = { total: formatNumber(total, language), ordered: formatNumber(ordered ?? 0, language), unit };
  let totalLine = t('groups.orders.form.total', numbers);
  if (ordered !== null && ordered > 0) {
    totalLine = short
      ? t('groups.orders.form.totalShort', { ...numbers, short: formatNumber(ordered - total, language) })
      : t('groups.orders.form.totalEnough', numbers);
  }

  return (
    <FormCard
      title={t('groups.orders.form.title')}
      intro={
        shortfall ? (
          <Alert tone="error" testId="shortfall">
            <span className="alert__line">{shortfall}</span>
            <span className="alert__line">{t('groups.orders.shortfallHelp')}</span>
          </Alert>
        ) : null
      }
      // Each try asks again: the last shortfall goes as the order is sent once more.
      form={{
        ...form,
        onSubmit: (event) => {
          setShortfall(null);
          return form.onSubmit(event);
        },
      }}
      labels={{ submit: t('groups.orders.form.submit'), saving: t('groups.orders.form.submitting'), cancel: t('groups.orders.form.cancel') }}
      onCancel={onCancel}
      testId="order-form"
    >
      <FormField
        label={t('common.required', { label: t('groups.orders.form.customer') })}
        hint={t('groups.orders.form.customerHint')}
        maxLength={MAX_ORDER_TEXT}
        {...field('customer')}
      />
      <FormField
        label={t('common.required', { label: t('groups.orders.form.product') })}
        maxLength={MAX_ORDER_TEXT}
        {...field('product')}
      />
      <div className="form-pair">
        <FormField
          label={t('common.required', { label: t('groups.orders.form.quantity') })}
          inputMode="numeric"
          autoComplete="off"
          {...field('quantity')}
        />
        <FormField
          label={t('common.required', { label: t('groups.orders.form.unit') })}
          hint={t('groups.orders.form.unitHint')}
          maxLength={MAX_UNIT}
          {...field('unit')}
        />
      </div>
      <FormField
        label={t('common.required', { label: t('groups.orders.form.unitPrice') })}
        hint={t('groups.treasury.amountHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('unit_price')}
      />
      <FormField
        label={t('groups.orders.form.dueOn')}
        type="date"
        {...field('due_on')}
      />
      <fieldset className="choice-group capacities" aria-describedby={`${id}-capacities-hint`}>
        <legend className="field__label">{t('groups.orders.form.capacities')}</legend>
        <p id={`${id}-capacities-hint`} className="field__hint">
          {t('groups.orders.form.capacitiesHint')}
        </p>
        {members.length === 0 ? <p>{t('groups.orders.form.noMembers')}</p> : null}
        {members.map((member) => (
          <FormField
            key={member.id}
            id={`${id}-capacity-${member.id}`}
            label={member.person.name}
            errors={errorsFor(`capacity-${member.id}`)}
            inputMode="numeric"
            autoComplete="off"
            value={draft.capacities[member.id] ?? ''}
            onChange={(e) => setCapacity(member.id, e.target.value)}
          />
        ))}
        <p className={short ? 'capacities__total capacities__total--short' : 'capacities__total'} aria-live="polite" data-testid="capacity-total">
          {totalLine}
        </p>
        <FieldErrors messages={errorsFor('capacities')} />
      </fieldset>
    </FormCard>
  );
}

function OrderCard({ groupId, order }: { groupId: number; order: JointOrder }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return (
    <li className="record-card" data-testid={`order-${order.id}`}>
      <h3 className="record-card__title">
        <Link to={orderPath(groupId, order.id)}>{t('groups.orders.cardTitle', { product: order.product, customer: order.customer })}</Link>
      </h3>
      <p className="record-card__badges">
        <OrderStatusBadges order={order} />
        {order.due_on ? <span className="record-card__count">{t('groups.orders.due', { date: formatDay(order.due_on, language) })}</span> : null}
      </p>
      <p className="record-card__line">
        {t('groups.orders.valueLine', {
          quantity: formatNumber(order.quantity, language),
          unit: order.unit,
          price: formatRupiah(order.unit_price),
          value: formatRupiah(order.value),
        })}
      </p>
      <p className="record-card__line muted">
        {t('groups.orders.deliveredLine', {
          delivered: formatNumber(order.delivered, language),
          quantity: formatNumber(order.quantity, language),
          unit: order.unit,
          members: order.shares.filter((share) => share.quantity > 0).length,
        })}
      </p>
    </li>
  );
}

/** Pesanan bersama: orders too large for one member, split among members by what each can make. */
export function OrdersSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const orders = useOrders(group.id, ORDERS_PAGE, offset);
  const writable = canWrite(group, 'orders');
  const data = orders.data;

  return (
    <SectionCard
      title={t('groups.orders.title')}
      count={data ? t('groups.orders.total', { count: data.total }) : null}
      addLabel={t('groups.orders.add')}
      canAdd={writable}
      intro={<p className="muted">{t('groups.orders.intro')}</p>}
      busy={orders.isFetching}
      testId="orders"
      form={(close) => <NewOrder group={group} onCancel={close} />}
    >
      <RecordList
        query={orders}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.orders.loading')}
        empty={t('groups.orders.empty')}
        testId="order-list"
        paging={{ limit: ORDERS_PAGE, offset, onChange: setOffset }}
      >
        {(order) => <OrderCard key={order.id} groupId={group.id} order={order} />}
      </RecordList>
    </SectionCard>
  );
}
