import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SubmitRow } from '../../../components/SubmitRow';
import { useForm } from '../../../lib/use-form';
import { useAddCode } from '../hooks/use-surveys';
import type { CodeInput, SurveyCode } from '../types';
import { MAX_LABEL, validateCode } from '../types/coding';
import { readSurveyErrors } from '../types/errors';

/** The survey's codebook, and a form to add a code when another value or benefit comes up. */
export function CodeForm({ surveyId, codes }: { surveyId: number; codes: readonly SurveyCode[] }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<string | null>(null);
  return (
    <SectionCard
      title={t('surveys.coding.codebook')}
      count={String(codes.length)}
      addLabel={t('surveys.coding.addCode')}
      addTone="secondary"
      canAdd
      onAdd={() => setAdded(null)}
      intro={<p className="muted">{t('surveys.coding.codebookIntro')}</p>}
      notice={added ? t('surveys.coding.codeAdded', { label: added }) : null}
      form={(close) => (
        <NewCodeForm
          surveyId={surveyId}
          onCancel={close}
          onSaved={(code) => {
            setAdded(code.label);
            close();
          }}
        />
      )}
      testId="codebook"
    >
      <ul className="tag-list" data-testid="codebook-codes">
        {codes.map((code) => (
          <li key={code.id} className="tag-list__item">
            <span>{code.label}</span> <code className="muted">{code.code}</code>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

function NewCodeForm({ surveyId, onCancel, onSaved }: { surveyId: number; onCancel: () => void; onSaved: (code: SurveyCode) => void }) {
  const { t } = useTranslation();
  const add = useAddCode(surveyId);
  const form = useForm({
    initial: { label: '', code: '' },
    validate: validateCode,
    send: (body: CodeInput, idempotencyKey) => add.mutateAsync({ body, idempotencyKey }),
    // A refused short code made from the label shows beside the short code's field all the same.
    readErrors: (error) => readSurveyErrors(t, error, (field) => (field.base === 'label' || field.base === 'code' ? field.base : null)),
    onSaved,
  });
  return (
    <form className="form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting} data-testid="code-form">
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <FormField
        label={t('common.required', { label: t('surveys.coding.newLabel') })}
        hint={t('surveys.coding.newLabelHint')}
        maxLength={MAX_LABEL}
        autoComplete="off"
        {...form.field('label')}
      />
      <FormField label={t('surveys.coding.newCode')} hint={t('surveys.coding.newCodeHint')} maxLength={40} autoComplete="off" {...form.field('code')} />
      <SubmitRow
        submitting={form.submitting}
        labels={{ submit: t('surveys.coding.addCode'), saving: t('surveys.coding.saving') }}
        cancel={{ label: t('surveys.coding.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
