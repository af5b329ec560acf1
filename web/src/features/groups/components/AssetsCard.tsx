import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { formatDay, todayIso } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { useForm } from '../../../lib/use-form';
import { useAddAsset } from '../hooks/use-group-mutations';
import { useAssets } from '../hooks/use-group-queries';
import { canWrite, type GroupView } from '../types';
import { groupProblemMessage, readGroupErrors } from '../types/errors';
import {
  ASSET_KINDS,
  ASSET_SOURCES,
  emptyAssetDraft,
  MAX_ASSET_NAME,
  validateAsset,
  type AssetDraft,
  type AssetInput,
  type CommonAsset,
} from '../types/treasury';

/** A new common asset: its value moves from cash into common assets in the ledger. */
function AssetForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: (asset: CommonAsset) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const addAsset = useAddAsset(group.id);
  const form = useForm({
    initial: () => emptyAssetDraft(today),
    validate: (draft: AssetDraft) => validateAsset(draft, todayIso()),
    send: (body: AssetInput, idempotencyKey) => addAsset.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, ['name', 'kind', 'source', 'value', 'acquired_on'], 'treasury'),
    onSaved,
  });
  const { field } = form;

  return (
    <FormCard
      title={t('groups.treasury.assets.formTitle')}
      intro={<p className="muted">{t('groups.treasury.assets.formIntro')}</p>}
      form={form}
      labels={{ submit: t('groups.treasury.assets.submit'), saving: t('groups.treasury.saving'), cancel: t('groups.treasury.cancel') }}
      onCancel={onCancel}
      testId="asset-form"
    >
      <FormField
        label={t('common.required', { label: t('groups.treasury.assets.name') })}
        hint={t('groups.treasury.assets.nameHint')}
        maxLength={MAX_ASSET_NAME}
        {...field('name')}
      />
      <SelectField
        label={t('groups.treasury.assets.kind')}
        options={ASSET_KINDS.map((kind) => ({ value: kind, label: t(`groups.treasury.assetKinds.${kind}`) }))}
        {...field('kind')}
      />
      <SelectField
        label={t('groups.treasury.assets.source')}
        options={ASSET_SOURCES.map((source) => ({ value: source, label: t(`groups.treasury.assetSources.${source}`) }))}
        {...field('source')}
      />
      <FormField
        label={t('common.required', { label: t('groups.treasury.assets.value') })}
        hint={t('groups.treasury.amountHint')}
        inputMode="numeric"
        autoComplete="off"
        {...field('value')}
      />
      <FormField
        label={t('groups.treasury.assets.acquiredOn')}
        type="date"
        max={today}
        {...field('acquired_on')}
      />
    </FormCard>
  );
}

/** Aset bersama: the shop and equipment the group owns, with what the shop sold and bought. */
export function AssetsCard({ group }: { group: GroupView }) {
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
