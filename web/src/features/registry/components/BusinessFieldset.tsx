import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import type { RegionPickerSlot } from '../../../lib/places';
import type { EnterpriseForm } from '../hooks/use-enterprise-form';
import { useStewards } from '../hooks/use-registry-queries';
import { useSectors } from '../hooks/use-sectors';
import { STATUSES, type EnterpriseStatus } from '../types';
import { sectorLabel } from './labels';

interface BusinessFieldsetProps {
  form: EnterpriseForm;
  /** The form's id prefix. */
  id: string;
  RegionPicker: RegionPickerSlot;
}

/** The business: its name, sector, products, where it is, its status and (for an admin) its steward. */
export function BusinessFieldset({ form, id, RegionPicker }: BusinessFieldsetProps) {
  const { t } = useTranslation();
  const { draft, set, errorsFor, canSetSteward } = form;
  const sectors = useSectors();
  const stewards = useStewards(canSetSteward);
  const required = (label: string) => t('common.required', { label });
  const villageErrors = errorsFor('village_code');
  return (
    <fieldset className="card form-section">
      <legend className="form-section__legend">{t('registry.form.businessSection')}</legend>
      <FormField
        id={`${id}-name`}
        label={required(t('registry.fields.name'))}
        errors={errorsFor('name')}
        name="name"
        autoComplete="off"
        value={draft.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <SelectField
        id={`${id}-sector`}
        label={required(t('registry.fields.sector'))}
        errors={errorsFor('sector')}
        emptyLabel={t('registry.form.chooseSector')}
        options={sectors.map((code) => ({ value: code, label: sectorLabel(t, code) }))}
        name="sector"
        value={draft.sector}
        onChange={(e) => set('sector', e.target.value)}
      />
      <TextAreaField
        id={`${id}-products`}
        label={t('registry.fields.products')}
        hint={t('registry.form.productsHint')}
        errors={errorsFor('products')}
        name="products"
        rows={2}
        value={draft.products}
        onChange={(e) => set('products', e.target.value)}
      />
      <FormField
        id={`${id}-centre`}
        label={t('registry.fields.business_centre')}
        hint={t('registry.form.businessCentreHint')}
        errors={errorsFor('business_centre')}
        name="business_centre"
        autoComplete="off"
        value={draft.business_centre}
        onChange={(e) => set('business_centre', e.target.value)}
      />
      <div className={villageErrors.length > 0 ? 'field field--invalid' : 'field'} data-testid="village-field">
        <RegionPicker
          value={draft.village_code}
          label={required(t('registry.fields.village'))}
          onChange={(code) => set('village_code', code)}
        />
        <p className="field__hint">{t('registry.form.villageHint')}</p>
        {villageErrors.length > 0 ? (
          <ul className="field__errors" aria-live="polite">
            {villageErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <SelectField
        id={`${id}-status`}
        label={t('registry.fields.status')}
        errors={errorsFor('status')}
        options={STATUSES.map((status) => ({ value: status, label: t(`enterpriseStatus.${status}`) }))}
        name="status"
        value={draft.status}
        onChange={(e) => set('status', e.target.value as EnterpriseStatus)}
      />
      {canSetSteward ? (
        <SelectField
          id={`${id}-steward`}
          label={t('registry.fields.steward_id')}
          errors={errorsFor('steward_id')}
          emptyLabel={t('registry.form.noSteward')}
          options={(stewards.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          name="steward_id"
          value={draft.steward_id}
          onChange={(e) => set('steward_id', e.target.value)}
        />
      ) : null}
    </fieldset>
  );
}
