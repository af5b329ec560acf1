import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { FieldErrors } from '../../../components/field-parts';
import { SelectField } from '../../../components/SelectField';
import { LEVELS } from '../types';
import type { Level } from '../types/cycles';
import { setTargetLevel, toggleTarget, type PlanTarget, type TargetChoice } from '../types/plan';

interface TargetPickerProps {
  /** The prefix of its controls' ids (unique on the page). */
  id: string;
  legend: string;
  hint: string;
  choices: readonly TargetChoice[];
  /** The catalogue is still on its way. */
  loading: boolean;
  chosen: readonly PlanTarget[];
  onChange: (targets: PlanTarget[]) => void;
  /** Messages about one competency's line (a refusal of that item). */
  lineErrors: (competencyId: number) => string[];
  /** Messages about the list as a whole. */
  errors: string[];
  testId: string;
  /** Each line's test id is this and the competency's id: "plan-target-8". */
  lineTestId: string;
}

/**
 * The competencies to learn and the level each is learnt to: a box to tick per competency of the
 * catalogue, and once ticked, the level (2, on her own, unless chosen otherwise). A cycle's plan
 * and each option of a theme proposal pick them alike.
 */
export function TargetPicker({ id, legend, hint, choices, loading, chosen, onChange, lineErrors, errors, testId, lineTestId }: TargetPickerProps) {
  const { t } = useTranslation();
  const levels = LEVELS.map(({ level, meaning }) => ({
    value: String(level),
    label: t('mentoring.levelOption', { level, meaning: t(`mentoring.levelShort.${meaning}`) }),
  }));
  return (
    <fieldset className="choice-group" aria-describedby={`${id}-hint`} data-testid={testId}>
      <legend className="field__label">{legend}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {loading && choices.length === 0 ? <p role="status">{t('mentoring.plan.competenciesLoading')}</p> : null}
      {choices.map((choice) => {
        const target = chosen.find((c) => c.competency_id === choice.id);
        return (
          <div key={choice.id} className="plan-pick" data-testid={`${lineTestId}-${choice.id}`}>
            <CheckField
              id={`${id}-target-${choice.id}`}
              label={choice.name}
              errors={lineErrors(choice.id)}
              checked={target !== undefined}
              onChange={() => onChange(toggleTarget(chosen, choice.id))}
            />
            {target ? (
              <SelectField
                id={`${id}-level-${choice.id}`}
                label={t('mentoring.plan.levelFor', { name: choice.name })}
                options={levels}
                value={String(target.level)}
                onChange={(event) => onChange(setTargetLevel(chosen, choice.id, Number(event.target.value) as Level))}
              />
            ) : null}
          </div>
        );
      })}
      <FieldErrors messages={errors} />
    </fieldset>
  );
}
