import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../../components/field-parts';
import { FormField } from '../../../components/FormField';
import { SelectField, type SelectOption } from '../../../components/SelectField';
import type { BoundField } from '../../../lib/use-form';
import { MENTOR_ORIGINS, type MentorOrigin } from '../types/cycles';

interface MentorFieldsProps {
  /** The form's id: it names the origin's radio buttons. */
  id: string;
  origin: MentorOrigin;
  onOrigin: (origin: MentorOrigin) => void;
  originErrors: string[];
  /** The members who can mentor. */
  memberOptions: readonly SelectOption[];
  /** The community mentor's select. */
  member: BoundField;
  /** The outside consultant's registry number. */
  person: BoundField;
}

/** Who guides: the origin as two described choices, then a member to pick or a consultant's number to type. */
export function MentorFields({ id, origin, onOrigin, originErrors, memberOptions, member, person }: MentorFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="choice-group">
        <legend className="field__label">{t('mentoring.plan.origin')}</legend>
        {MENTOR_ORIGINS.map((choice) => (
          <label key={choice} className="choice choice--described">
            <input type="radio" name={`${id}-origin`} checked={origin === choice} onChange={() => onOrigin(choice)} />
            <span>
              <span className="choice__title">{t(`mentoring.origins.${choice}`)}</span>
              <span className="choice__hint">{t(`mentoring.plan.originHints.${choice}`)}</span>
            </span>
          </label>
        ))}
        <FieldErrors messages={originErrors} />
      </fieldset>
      {origin === 'community' ? (
        <SelectField
          label={t('common.required', { label: t('mentoring.plan.mentor') })}
          emptyLabel={t('mentoring.plan.chooseMentor')}
          options={memberOptions}
          {...member}
        />
      ) : (
        <FormField
          label={t('common.required', { label: t('mentoring.plan.mentorPerson') })}
          hint={t('mentoring.plan.mentorPersonHint')}
          inputMode="numeric"
          autoComplete="off"
          {...person}
        />
      )}
    </>
  );
}
