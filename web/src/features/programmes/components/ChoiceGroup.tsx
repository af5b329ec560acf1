import { useId } from 'react';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';

interface ChoiceGroupProps<T extends string> {
  legend: string;
  hint?: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onToggle: (value: T, on: boolean) => void;
  errors: string[];
  testId?: string;
}

/** A multiple choice as ticks under one legend, its messages under them. */
export function ChoiceGroup<T extends string>({ legend, hint, options, chosen, onToggle, errors, testId }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <fieldset className={errors.length > 0 ? 'subfieldset field--invalid' : 'subfieldset'} data-testid={testId}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="choices">
        {options.map((option) => (
          <CheckField
            key={option.value}
            id={`${id}-${option.value}`}
            label={option.label}
            checked={chosen.includes(option.value)}
            onChange={(on) => onToggle(option.value, on)}
          />
        ))}
      </div>
      <FieldErrors messages={errors} live />
    </fieldset>
  );
}
