import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/BackLink';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { Pending } from '../../../components/Pending';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import type { RegionPickerSlot } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { SECTORS } from '../../../lib/sectors';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import type { User } from '../../../lib/user';
import { useProgramme, useSaveProgramme, useStakeholders } from '../hooks/use-programmes';
import { useRegionNames } from '../hooks/use-region-names';
import { CATEGORIES, FACTORS, HELICES, PROGRAMMES_PATH, programmePath, SCALES, type Helix, type ProgrammeView } from '../types';
import { programmeFieldMessage } from '../types/errors';
import {
  draftFromProgramme,
  emptyProgrammeDraft,
  MAX_NAME,
  programmeFieldOf,
  toggled,
  validateProgramme,
  type PartnerDraft,
} from '../types/form';
import { ChoiceGroup } from './ChoiceGroup';

interface FormPageProps {
  user: User;
  /** The programme to change; null designs a new one. */
  id: number | null;
  RegionPicker: RegionPickerSlot;
}

/** The design form as a page of its own: a new programme, or the one at /programmes/:id/edit once loaded. */
export function ProgrammeFormPage({ user, id, RegionPicker }: FormPageProps) {
  const { t } = useTranslation();
  const programme = useProgramme(id ?? 0);
  useDocumentTitle(id === null ? t('programmes.form.titleNew') : t('programmes.page.edit'));
  if (id === null) return <ProgrammeForm user={user} original={null} RegionPicker={RegionPicker} />;
  if (!programme.data) {
    return <Pending problem={programme.isError ? problemMessage(t, programme.error) : null} loading={t('programmes.page.loading')} />;
  }
  return <ProgrammeForm user={user} original={programme.data} RegionPicker={RegionPicker} />;
}

interface FormProps {
  user: User;
  original: ProgrammeView | null;
  RegionPicker: RegionPickerSlot;
}

function ProgrammeForm({ user, original, RegionPicker }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const save = useSaveProgramme();
  const stakeholders = useStakeholders();
  const creating = original === null;
  const admin = user.role === 'admin';
  const ownStakeholder = user.scope?.kind === 'stakeholder' ? user.scope.id : null;
  const form = useForm({
    initial: () => (original ? draftFromProgramme(original) : emptyProgrammeDraft(admin ? null : ownStakeholder)),
    validate: (draft) => validateProgramme(draft, creating),
    send: (input, key) => save.mutateAsync({ id: original?.id ?? null, body: input, idempotencyKey: key }),
    readErrors: (error) =>
      readServerErrors(error, {
        fieldOf: (fieldError) => programmeFieldOf(fieldError.field),
        message: (fieldError) => programmeFieldMessage(t, fieldError),
        problem: (failure) => problemMessage(t, failure),
      }),
    onSaved: (saved) => void navigate(programmePath(saved.id)),
  });
  const { draft, set, field, errorsFor } = form;
  const [staged, setStaged] = useState<string | null>(null);
  const regionName = useRegionNames(draft.region_codes);
  const options = (stakeholders.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  const ownerName = stakeholders.data?.items.find((s) => s.id === (original?.owner.id ?? ownStakeholder))?.name ?? original?.owner.name ?? '';
  const cancel = () => void navigate(original ? programmePath(original.id) : PROGRAMMES_PATH);

  const setPartner = (index: number, change: Partial<PartnerDraft>) =>
    set(
      'partners',
      draft.partners.map((p, i) => (i === index ? { ...p, ...change } : p)),
    );

  return (
    <>
      <BackLink to={original ? programmePath(original.id) : PROGRAMMES_PATH}>{original ? original.name : t('programmes.page.back')}</BackLink>
      <h1 tabIndex={-1}>{original ? t('programmes.form.titleEdit', { name: original.name }) : t('programmes.form.titleNew')}</h1>
      <FormCard
        title={t('programmes.form.basics')}
        intro={<p className="muted">{t('programmes.form.intro')}</p>}
        form={form}
        labels={{ submit: t('programmes.form.submit'), saving: t('programmes.form.saving'), cancel: t('programmes.form.cancel') }}
        onCancel={cancel}
        testId="programme-form"
      >
        <FormField label={t('common.required', { label: t('programmes.form.name') })} maxLength={MAX_NAME} autoComplete="off" {...field('name')} />
        {creating && admin ? (
          <SelectField
            label={t('common.required', { label: t('programmes.form.owner') })}
            emptyLabel={t('programmes.form.chooseOwner')}
            options={options}
            {...field('owner_id')}
          />
        ) : (
          <p data-testid="programme-owner">{t('programmes.form.ownerFixed', { name: ownerName })}</p>
        )}
        <TextAreaField label={t('programmes.form.description')} {...field('description')} />
        <fieldset className="subfieldset">
          <legend className="field__label">{t('programmes.form.period')}</legend>
          <FormField type="date" label={t('common.required', { label: t('programmes.form.startsOn') })} {...field('starts_on')} />
          <FormField type="date" label={t('common.required', { label: t('programmes.form.endsOn') })} {...field('ends_on')} />
        </fieldset>
        <ChoiceGroup
          legend={t('common.required', { label: t('programmes.form.factors') })}
          hint={t('programmes.form.factorsHint')}
          options={FACTORS.map((f) => ({ value: f, label: t(`programmes.factors.${f}`) }))}
          chosen={draft.factors}
          onToggle={(value, on) => set('factors', toggled(FACTORS, draft.factors, value, on))}
          errors={errorsFor('factors')}
          testId="programme-factors"
        />

        <fieldset className={errorsFor('partners').length > 0 ? 'subfieldset field--invalid' : 'subfieldset'} data-testid="programme-partners">
          <legend className="field__label">{t('programmes.form.partners')}</legend>
          <p className="field__hint">{t('programmes.form.partnersHint')}</p>
          {draft.partners.map((partner, index) => {
            const number = index + 1;
            return (
              <fieldset key={index} className="subfieldset" data-testid={`partner-${number}`}>
                <legend>{t('programmes.form.partner', { number })}</legend>
                <SelectField
                  id={`${id}-partner-${index}`}
                  label={t('programmes.form.partner', { number })}
                  emptyLabel={t('programmes.form.choosePartner')}
                  options={options}
                  value={partner.stakeholder_id}
                  onChange={(e) => setPartner(index, { stakeholder_id: e.target.value })}
                />
                <SelectField
                  id={`${id}-helix-${index}`}
                  label={t('programmes.form.helix')}
                  emptyLabel={t('programmes.form.ownHelix')}
                  options={HELICES.map((h) => ({ value: h, label: t(`stakeholders.helices.${h}`) }))}
                  value={partner.helix}
                  onChange={(e) => setPartner(index, { helix: e.target.value as Helix | '' })}
                />
                <FormField
                  id={`${id}-contribution-${index}`}
                  label={t('programmes.form.contribution')}
                  hint={t('programmes.form.contributionHint')}
                  value={partner.contribution}
                  onChange={(e) => setPartner(index, { contribution: e.target.value })}
                />
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => set('partners', draft.partners.filter((_, i) => i !== index))}
                >
                  {t('programmes.form.removePartner', { number })}
                </button>
              </fieldset>
            );
          })}
          <div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('partners', [...draft.partners, { stakeholder_id: '', helix: '', contribution: '' }])}
            >
              {t('programmes.form.addPartner')}
            </button>
          </div>
          <FieldErrors messages={errorsFor('partners')} live />
        </fieldset>

        <fieldset className="subfieldset" data-testid="programme-criteria">
          <legend className="field__label">{t('programmes.form.criteria')}</legend>
          <p className="field__hint">{t('programmes.form.criteriaHint')}</p>
          <div className={errorsFor('criteria_region_codes').length > 0 ? 'field field--invalid' : 'field'}>
            <RegionPicker value={staged} label={t('programmes.form.regions')} onChange={(code) => setStaged(code)} />
            <p className="field__hint">{t('programmes.form.regionsHint')}</p>
            <div>
              <button
                type="button"
                className="button button--secondary"
                disabled={staged === null || draft.region_codes.includes(staged)}
                onClick={() => {
                  if (staged !== null) set('region_codes', [...draft.region_codes, staged]);
                  setStaged(null);
                }}
              >
                {t('programmes.form.addRegion')}
              </button>
            </div>
            {draft.region_codes.length === 0 ? (
              <p className="muted">{t('programmes.form.noRegions')}</p>
            ) : (
              <ul data-testid="criteria-regions">
                {draft.region_codes.map((code) => (
                  <li key={code}>
                    {regionName(code)}{' '}
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => set('region_codes', draft.region_codes.filter((c) => c !== code))}
                    >
                      {t('programmes.form.removeRegion', { name: regionName(code) })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <FieldErrors messages={errorsFor('criteria_region_codes')} live />
          </div>
          <ChoiceGroup
            legend={t('programmes.form.sectors')}
            options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
            chosen={draft.sectors}
            onToggle={(value, on) => set('sectors', toggled(SECTORS, draft.sectors, value, on))}
            errors={errorsFor('criteria_sectors')}
            testId="criteria-sectors"
          />
          <ChoiceGroup
            legend={t('programmes.form.scales')}
            options={SCALES.map((s) => ({ value: s, label: t(`scales.${s}`) }))}
            chosen={draft.scales}
            onToggle={(value, on) => set('scales', toggled(SCALES, draft.scales, value, on))}
            errors={errorsFor('criteria_scales')}
          />
          <FormField
            id={`${id}-founded`}
            name="founded_within_years"
            inputMode="numeric"
            label={t('programmes.form.foundedWithin')}
            hint={t('programmes.form.foundedWithinHint')}
            value={draft.founded_within_years}
            errors={errorsFor('criteria_founded_within_years')}
            onChange={(e) => set('founded_within_years', e.target.value)}
          />
          <CheckField
            id={`${id}-homogeneous`}
            label={t('programmes.form.homogeneous')}
            checked={draft.homogeneous}
            errors={errorsFor('criteria_homogeneous')}
            onChange={(on) => set('homogeneous', on)}
          />
          <ChoiceGroup
            legend={t('programmes.form.categories')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`programmes.categories.${c}`) }))}
            chosen={draft.categories}
            onToggle={(value, on) => set('categories', toggled(CATEGORIES, draft.categories, value, on))}
            errors={errorsFor('criteria_categories')}
          />
        </fieldset>

        <fieldset className="subfieldset">
          <legend className="field__label">{t('programmes.form.sop')}</legend>
          <FormField inputMode="numeric" label={t('programmes.form.meetings')} {...field('sop_meetings_per_month')} />
          <FormField inputMode="numeric" label={t('programmes.form.reports')} {...field('sop_reports_per_year')} />
        </fieldset>
        <FormField
          inputMode="numeric"
          label={t('common.required', { label: t('programmes.form.budget') })}
          hint={t('programmes.form.budgetHint')}
          autoComplete="off"
          {...field('budget')}
        />
        <TextAreaField label={t('programmes.form.exitStrategy')} hint={t('programmes.form.exitStrategyHint')} {...field('exit_strategy')} />
        <FormField label={t('programmes.form.followUps')} hint={t('programmes.form.followUpsHint')} autoComplete="off" {...field('follow_up_months')} />
        {errorsFor('status').length > 0 ? <FieldErrors messages={errorsFor('status')} live /> : null}
      </FormCard>
    </>
  );
}
