import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { formatAmountInput, formatRupiah, parseRupiah } from '../../../lib/rupiah';
import type { EnterpriseForm } from '../hooks/use-enterprise-form';

/** An amount in rupiah, with the whole rupiah it was read as beside it. */
function AmountField({ form, id, field }: { form: EnterpriseForm; id: string; field: 'capital' | 'turnover' }) {
  const { t } = useTranslation();
  const { draft, set, errorsFor } = form;
  const parsed = draft[field].trim() ? parseRupiah(draft[field]) : null;
  return (
    <div>
      <FormField
        id={`${id}-${field}`}
        label={t(`registry.fields.${field}`)}
        hint={t('registry.form.amountHint')}
        errors={errorsFor(field)}
        name={field}
        inputMode="numeric"
        autoComplete="off"
        value={draft[field]}
        onChange={(e) => set(field, e.target.value)}
        onBlur={() => {
          if (parsed?.ok) set(field, formatAmountInput(parsed.value));
        }}
      />
      <p className="field__hint amount-preview" aria-live="polite" data-testid={`${field}-preview`}>
        {parsed?.ok ? t('registry.form.amountPreview', { amount: formatRupiah(parsed.value) }) : null}
      </p>
    </div>
  );
}

/** The figures: founding year, employees, capital and turnover, and the NIB. */
export function FiguresFieldset({ form, id }: { form: EnterpriseForm; id: string }) {
  const { t } = useTranslation();
  const { field } = form;
  return (
    <fieldset className="card form-section">
      <legend className="form-section__legend">{t('registry.form.figuresSection')}</legend>
      <div className="form-grid">
        <FormField
          label={t('registry.fields.founded_year')}
          hint={t('registry.form.yearHint')}
          inputMode="numeric"
          maxLength={4}
          {...field('founded_year')}
        />
        <FormField
          label={t('registry.fields.employees')}
          inputMode="numeric"
          {...field('employees')}
        />
        <AmountField form={form} id={id} field="capital" />
        <AmountField form={form} id={id} field="turnover" />
        <FormField
          label={t('registry.fields.nib')}
          hint={t('registry.form.nibHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          {...field('nib')}
        />
      </div>
    </fieldset>
  );
}
