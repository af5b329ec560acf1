import type { RegionPickerSlot, RegionPickerSlotProps } from '../lib/places';
import { FieldErrors } from './field-parts';

interface RegionFieldProps {
  /** The regions feature's picker, as the app layer passes it in. */
  RegionPicker: RegionPickerSlot;
  label: string;
  hint: string;
  errors: string[];
  value: string | null;
  onChange: RegionPickerSlotProps['onChange'];
  testId?: string;
}

/** A form's village or region: the region picker, its hint, and the messages about the choice (read out as they change). */
export function RegionField({ RegionPicker, label, hint, errors, value, onChange, testId }: RegionFieldProps) {
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'} data-testid={testId}>
      <RegionPicker value={value} label={label} onChange={onChange} />
      <p className="field__hint">{hint}</p>
      <FieldErrors messages={errors} live />
    </div>
  );
}
