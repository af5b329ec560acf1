import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { SubmitRow } from '../../../components/SubmitRow';
import { useForm } from '../../../lib/use-form';
import { useTagAnswer } from '../hooks/use-surveys';
import type { SurveyCode, TagInput } from '../types';
import { validateTag, type OpenAnswer, type TagDraft } from '../types/coding';
import { readSurveyErrors } from '../types/errors';

export interface TagFormProps {
  surveyId: number;
  answer: OpenAnswer;
  codes: readonly SurveyCode[];
  /** The passage she selected in the answer ("" for none: the whole answer). */
  initialQuote: string;
  /** Closed: with the words of what was saved, or null when cancelled. */
  onDone: (message: string | null) => void;
}

/** Gives a passage of one answer a code from the codebook: the passage as selected (editable), the code. */
export function TagForm({ surveyId, answer, codes, initialQuote, onDone }: TagFormProps) {
  const { t } = useTranslation();
  const tag = useTagAnswer(surveyId);
  const form = useForm({
    initial: { quote: initialQuote, code_id: '' },
    validate: (draft: TagDraft) => validateTag(answer, draft),
    send: (body: TagInput, idempotencyKey) => tag.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) =>
      readSurveyErrors(t, error, (field) => (field.base === 'quote' || field.base === 'code_id' ? field.base : null)),
    onSaved: () => onDone(t('surveys.coding.tagged')),
  });
  const { set } = form;
  // A passage selected in the answer while the form is open becomes the quote.
  useEffect(() => {
    if (initialQuote !== '') set('quote', initialQuote);
  }, [initialQuote, set]);
  return (
    <form className="form coding-form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting} data-testid="tag-form">
      <h4>{t('surveys.coding.tagTitle')}</h4>
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <TextAreaField label={t('surveys.coding.quote')} hint={t('surveys.coding.quoteHint')} rows={2} {...form.field('quote')} />
      <SelectField
        label={t('common.required', { label: t('surveys.coding.code') })}
        emptyLabel={t('surveys.coding.chooseCode')}
        options={codes.map((code) => ({ value: String(code.id), label: code.label }))}
        {...form.field('code_id')}
      />
      <SubmitRow
        submitting={form.submitting}
        labels={{ submit: t('surveys.coding.save'), saving: t('surveys.coding.saving') }}
        cancel={{ label: t('surveys.coding.cancel'), onClick: () => onDone(null) }}
      />
    </form>
  );
}
