import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import type { BoundField } from '../../../lib/use-form';
import { MAX_UNIT } from '../types/cooperation';

interface QuantityAndUnitProps {
  /** The form's binding of its quantity and unit. */
  field: (name: 'quantity' | 'unit') => BoundField;
}

/** How much of a material, side by side with its unit ("50" "kg"): a post's and a purchase's. */
export function QuantityAndUnit({ field }: QuantityAndUnitProps) {
  const { t } = useTranslation();
  return (
    <div className="form-pair">
      <FormField
        label={t('common.required', { label: t('groups.materials.form.quantity') })}
        inputMode="numeric"
        autoComplete="off"
        {...field('quantity')}
      />
      <FormField
        label={t('common.required', { label: t('groups.materials.form.unit') })}
        maxLength={MAX_UNIT}
        {...field('unit')}
      />
    </div>
  );
}
