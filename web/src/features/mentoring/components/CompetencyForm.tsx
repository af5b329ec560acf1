import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../components/CheckField';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { SECTORS } from '../../../lib/sectors';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useSaveCompetency } from '../hooks/use-competencies';
import type { Competency } from '../types';
import {
  competencyPatch,
  draftFromCompetency,
  emptyCompetencyDraft,
  MAX_CODE,
  validateCompetency,
  type CompetencyField,
  type CompetencyInput,
} from '../types/form';

const FIELDS: readonly CompetencyField[] = ['code', 'sector', 'name', 'name_en', 'description', 'retired'];

interface CompetencyFormProps {
  /** The competency to change; null adds one (to `sector`, the one the page shows). */
  original: Competency | null;
  sector: string | null;
  onSaved: (saved: Competency, created: boolean) => void;
  onCancel: () => void;
}

/** An admin adds a competency, or renames, describes or retires one; its code and sector stay. */
export function CompetencyForm({ original, sector, onSaved, onCancel }: CompetencyFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveCompetency();
  const creating = original === null;
  const form = useForm({
    initial: () => (original ? draftFromCompetency(original) : emptyCompetencyDraft(sector)),
    validate: (draft) => validateCompetency(draft, creating),
    send: (input: CompetencyInput, key) =>
      save.mutateAsync(original ? { kind: 'update', original, patch: competencyPatch(original, input) } : { kind: 'create', body: input, idempotencyKey: key }),
    readErrors: (error) =>
      isApiError(error) && error.slug === 'already-exists'
        ? { byField: { code: [t('mentoring.form.codeTaken')] }, general: [] }
        : readServerErrors(error, {
            fieldOf: (fieldError) => ((FIELDS as readonly string[]).includes(fieldError.field) ? fieldError.field : null),
            message: (fieldError) => fieldErrorMessage(t, fieldError),
            problem: (failure) => problemMessage(t, failure),
          }),
    onSaved: (saved) => onSaved(saved, creating),
  });
  const { draft, set, errorsFor, field } = form;

  return (
    <FormCard
      title={original ? t('mentoring.form.titleEdit', { name: original.name }) : t('mentoring.form.titleNew')}
      form={form}
      labels={{ submit: t('mentoring.form.submit'), saving: t('mentoring.form.saving'), cancel: t('mentoring.form.cancel') }}
      onCancel={onCancel}
      testId="competency-form"
    >
      {creating ? (
        <>
          <FormField
            label={t('common.required', { label: t('mentoring.fields.code') })}
            hint={t('mentoring.form.codeHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={MAX_CODE}
            {...field('code')}
          />
          <SelectField
            label={t('mentoring.fields.sector')}
            emptyLabel={t('mentoring.form.everySector')}
            options={SECTORS.map((code) => ({ value: code, label: t(`sectors.${code}`) }))}
            {...field('sector')}
          />
        </>
      ) : null}
      <FormField label={t('common.required', { label: t('mentoring.fields.name') })} hint={t('mentoring.form.nameHint')} autoComplete="off" {...field('name')} />
      <FormField label={t('mentoring.fields.nameEn')} autoComplete="off" {...field('name_en')} />
      <TextAreaField label={t('mentoring.fields.description')} {...field('description')} />
      {creating ? null : (
        <CheckField
          id={`${id}-retired`}
          label={t('mentoring.form.retired')}
          hint={t('mentoring.form.retiredHint')}
          errors={errorsFor('retired')}
          checked={draft.retired}
          onChange={(checked) => set('retired', checked)}
        />
      )}
    </FormCard>
  );
}
