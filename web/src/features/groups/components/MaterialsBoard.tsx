import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { formatDay, formatNumber, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useForm } from '../../../lib/use-form';
import { useCloseMaterial, usePostMaterial } from '../hooks/use-group-mutations';
import { useMaterialsBoard } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import {
  canClose,
  emptyMaterialDraft,
  MATERIAL_KINDS,
  MAX_MATERIAL,
  matchesByPost,
  validateMaterial,
  type MaterialDraft,
  type MaterialInput,
  type MaterialKind,
  type MaterialPost,
  type PostMatch,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { QueryStatus } from '../../../components/QueryStatus';
import { QuantityAndUnit } from './QuantityAndUnit';

/** An offer or request of her own: what, how much, at what price, until when. */
function MaterialForm({ group, kind, onSaved, onCancel }: { group: GroupView; kind: MaterialKind; onSaved: (post: MaterialPost) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const post = usePostMaterial(group.id);
  const id = useId();
  const today = todayIso();
  const form = useForm({
    initial: () => emptyMaterialDraft(today, kind),
    validate: (draft: MaterialDraft) => validateMaterial(draft, todayIso()),
    send: (body: MaterialInput, idempotencyKey) => post.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, ['kind', 'material', 'unit', 'quantity', 'price', 'until'], 'materials'),
    onSaved,
  });
  const { draft, set, field } = form;

  return (
    <FormCard
      title={t(`groups.materials.form.title.${draft.kind}`)}
      form={form}
      labels={{ submit: t('groups.materials.form.submit'), saving: t('groups.materials.saving'), cancel: t('groups.materials.cancel') }}
      onCancel={onCancel}
      testId="material-form"
    >
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
        label={t('common.required', { label: t('groups.materials.form.material') })}
        hint={t('groups.materials.form.materialHint')}
        maxLength={MAX_MATERIAL}
        {...field('material')}
      />
      <QuantityAndUnit field={field} />
      <FormField
        label={t('groups.materials.form.price')}
        hint={t('groups.materials.form.priceHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('price')}
      />
      <FormField
        label={t('common.required', { label: t('groups.materials.form.until') })}
        hint={t('groups.materials.form.untilHint')}
        type="date"
        min={today}
        {...field('until')}
      />
    </FormCard>
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

/** The board: open offers and requests between members, with their matches; each member posts her own. */
export function MaterialsBoard({ group }: { group: GroupView }) {
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
      <QueryStatus query={board} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.materials.loading')} />
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
  );
}
