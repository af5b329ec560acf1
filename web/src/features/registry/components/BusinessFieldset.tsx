import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { RegionField } from '../../../components/RegionField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import type { RegionPickerSlot } from '../../../lib/places';
import type { EnterpriseForm } from '../hooks/use-enterprise-form';
import { useStewards } from '../hooks/use-registry-queries';
import { useSectors } from '../hooks/use-sectors';
import { STATUSES } from '../types';
import { sectorLabel } from './labels';

interface BusinessFieldsetProps {
  form: EnterpriseForm;
  RegionPicker: RegionPickerSlot;
}

/** The business: its name, sector, products, where it is, its status and (for an admin) its steward. */
export function BusinessFieldset({ form, RegionPicker }: BusinessFieldsetProps) {
  const { t } = useTranslation();
  const { draft, set, errorsFor, field, canSetSteward } = form;
  const sectors = useSectors();
  const stewards = useStewards(canSetSteward);
  const required = (label: string) => t('common.required', { label });
  return (
    <fieldset className="card form-section">
      <legend className="form-section__legend">{t('registry.form.businessSection')}</legend>
      <FormField
        label={required(t('registry.fields.name'))}
        autoComplete="off"
        {...field('name')}
      />
      <SelectField
        label={required(t('registry.fields.sector'))}
        emptyLabel={t('registry.form.chooseSector')}
        options={sectors.map((code) => ({ value: code, label: sectorLabel(t, code) }))}
        {...field('sector')}
      />
      <TextAreaField
        label={t('registry.fields.products')}
        hint={t('registry.form.productsHint')}
        rows={2}
        {...field('products')}
      />
      <FormField
        label={t('registry.fields.business_centre')}
        hint={t('registry.form.businessCentreHint')}
        autoComplete="off"
        {...field('business_centre')}
      />
      <RegionField
        RegionPicker={RegionPicker}
        label={required(t('registry.fields.village'))}
        hint={t('registry.form.villageHint')}
        errors={errorsFor('village_code')}
        value={draft.village_code}
        onChange={(code) => set('village_code', code)}
        testId="village-field"
      />
      <SelectField
        label={t('registry.fields.status')}
        options={STATUSES.map((status) => ({ value: status, label: t(`enterpriseStatus.${status}`) }))}
        {...field('status')}
      />
      {canSetSteward ? (
        <SelectField
          label={t('registry.fields.steward_id')}
          emptyLabel={t('registry.form.noSteward')}
          options={(stewards.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          {...field('steward_id')}
        />
      ) : null}
    </fieldset>
  );
}
