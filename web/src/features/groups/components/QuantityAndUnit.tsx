import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { MAX_UNIT } from '../types/cooperation';

type QuantityField = 'quantity' | 'unit';

interface QuantityAndUnitProps {
  /** The form's id prefix. */
  id: string;
  draft: Record<QuantityField, string>;
  set: (field: QuantityField, value: string) => void;
  errorsFor: (field: QuantityField) => string[];
}

/** How much of a material, side by side with its unit ("50" "kg"): a post's and a purchase's. */
export function QuantityAndUnit({ id, draft, set, errorsFor }: QuantityAndUnitProps) {
  const { t } = useTranslation();
  return (
    <div className="form-pair">
      <FormField
        id={`${id}-quantity`}
        label={t('common.required', { label: t('groups.materials.form.quantity') })}
        errors={errorsFor('quantity')}
        name="quantity"
        inputMode="numeric"
        autoComplete="off"
        value={draft.quantity}
        onChange={(e) => set('quantity', e.target.value)}
      />
      <FormField
        id={`${id}-unit`}
        label={t('common.required', { label: t('groups.materials.form.unit') })}
        errors={errorsFor('unit')}
        name="unit"
        maxLength={MAX_UNIT}
        value={draft.unit}
        onChange={(e) => set('unit', e.target.value)}
      />
    </div>
  );
}
