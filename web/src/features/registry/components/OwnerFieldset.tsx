import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import type { EnterpriseForm } from '../hooks/use-enterprise-form';
import { GENDERS, type Gender } from '../types';
import { OwnerPicker } from './OwnerPicker';

interface OwnerFieldsetProps {
  form: EnterpriseForm;
  /** The form's id prefix. */
  id: string;
  /** Milliseconds to wait after typing an owner's name before searching. */
  ownerSearchDelayMs: number | undefined;
}

/** The owner: a person already registered, found by name, or a new one written in place. */
export function OwnerFieldset({ form, id, ownerSearchDelayMs }: OwnerFieldsetProps) {
  const { t } = useTranslation();
  const { draft, set, setOwner, errorsFor } = form;
  const required = (label: string) => t('common.required', { label });
  return (
    <fieldset className="card form-section">
      <legend className="form-section__legend">{t('registry.form.ownerSection')}</legend>
      <div className="choice-group" role="radiogroup" aria-label={t('registry.form.ownerSection')}>
        {(['existing', 'new'] as const).map((ownerMode) => (
          <label key={ownerMode} className="choice">
            <input
              type="radio"
              name="owner_mode"
              value={ownerMode}
              checked={draft.owner_mode === ownerMode}
              onChange={() => set('owner_mode', ownerMode)}
            />
            <span>{ownerMode === 'existing' ? t('registry.form.ownerExisting') : t('registry.form.ownerNew')}</span>
          </label>
        ))}
      </div>
      {draft.owner_mode === 'existing' ? (
        <OwnerPicker
          value={draft.owner}
          onChange={(owner) => set('owner', owner)}
          errors={errorsFor('owner_id')}
          {...(ownerSearchDelayMs !== undefined ? { searchDelayMs: ownerSearchDelayMs } : {})}
        />
      ) : (
        <div className="form-grid">
          <FormField
            id={`${id}-owner-name`}
            label={required(t('registry.form.ownerName'))}
            errors={errorsFor('owner.name')}
            name="owner_name"
            autoComplete="off"
            maxLength={120}
            value={draft.new_owner.name}
            onChange={(e) => setOwner('name', e.target.value)}
          />
          <SelectField
            id={`${id}-owner-gender`}
            label={t('registry.fields.gender')}
            errors={errorsFor('owner.gender')}
            emptyLabel={t('registry.form.genderUnknown')}
            options={GENDERS.map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))}
            name="owner_gender"
            value={draft.new_owner.gender}
            onChange={(e) => setOwner('gender', e.target.value as '' | Gender)}
          />
          <FormField
            id={`${id}-owner-birth-year`}
            label={t('registry.fields.birth_year')}
            errors={errorsFor('owner.birth_year')}
            name="owner_birth_year"
            inputMode="numeric"
            maxLength={4}
            value={draft.new_owner.birth_year}
            onChange={(e) => setOwner('birth_year', e.target.value)}
          />
          <FormField
            id={`${id}-owner-phone`}
            label={t('registry.fields.phone')}
            hint={t('registry.form.phoneHint')}
            errors={errorsFor('owner.phone')}
            name="owner_phone"
            type="tel"
            autoComplete="off"
            value={draft.new_owner.phone}
            onChange={(e) => setOwner('phone', e.target.value)}
          />
          <FormField
            id={`${id}-owner-nik`}
            label={t('registry.fields.nik')}
            hint={t('registry.form.nikHint')}
            errors={errorsFor('owner.nik')}
            name="owner_nik"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={draft.new_owner.nik}
            onChange={(e) => setOwner('nik', e.target.value)}
          />
          <CheckField
            id={`${id}-owner-consent`}
            label={t('registry.form.nikConsent')}
            errors={errorsFor('owner.nik_consent')}
            name="owner_nik_consent"
            checked={draft.new_owner.nik_consent}
            onChange={(checked) => setOwner('nik_consent', checked)}
          />
        </div>
      )}
    </fieldset>
  );
}
