import { Fragment, type ReactNode } from 'react';
import { FieldErrors } from './field-parts';
import { FormField } from './FormField';

interface OptionsEditorProps<T> {
  /** The form's id: the hint's, each box's and the errors' ids are made from it. */
  id: string;
  legend: string;
  hint: string;
  options: readonly T[];
  /** What tells an option apart while others are added and removed; its box's id ends with it. */
  keyOf: (option: T, index: number) => string | number;
  textOf: (option: T) => string;
  /** The words of a box and of its remove button (by the option's number, from 1), and of Add. */
  labels: { option: (number: number) => string; remove: (number: number) => string; add: string };
  /** An option's own messages, by its index. */
  errorsOf: (index: number) => string[];
  /** The messages about the options as a whole, under the last box. */
  errors: string[];
  /** The id of those messages, where something names them. */
  errorsId?: string;
  /** How many options there may be: Add goes at that many. */
  max: number;
  onText: (index: number, text: string) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  /** What an option's row goes in, with what belongs to the option beside the box (e.g. a theme's competencies); the row alone by default. */
  item?: (row: ReactNode, option: T, index: number) => ReactNode;
}

/**
 * The options a proposal puts to a group: a box each, numbered, removable while there is another,
 * and Add until there are `max`.
 */
export function OptionsEditor<T>({
  id,
  legend,
  hint,
  options,
  keyOf,
  textOf,
  labels,
  errorsOf,
  errors,
  errorsId,
  max,
  onText,
  onRemove,
  onAdd,
  item = (row) => row,
}: OptionsEditorProps<T>) {
  return (
    <fieldset className="choice-group" aria-describedby={`${id}-options-hint`}>
      <legend className="field__label">{legend}</legend>
      <p id={`${id}-options-hint`} className="field__hint">
        {hint}
      </p>
      {options.map((option, index) => {
        const number = index + 1;
        const row = (
          <div className="option-row">
            <FormField
              id={`${id}-option-${keyOf(option, index)}`}
              label={labels.option(number)}
              errors={errorsOf(index)}
              autoComplete="off"
              value={textOf(option)}
              onChange={(event) => onText(index, event.target.value)}
            />
            {options.length > 1 ? (
              <button
                type="button"
                className="button button--secondary option-row__remove"
                aria-label={labels.remove(number)}
                onClick={() => onRemove(index)}
              >
                {'×'}
              </button>
            ) : null}
          </div>
        );
        return <Fragment key={keyOf(option, index)}>{item(row, option, index)}</Fragment>;
      })}
      <FieldErrors id={errorsId} messages={errors} />
      {options.length < max ? (
        <button type="button" className="button button--secondary" onClick={onAdd}>
          {labels.add}
        </button>
      ) : null}
    </fieldset>
  );
}
