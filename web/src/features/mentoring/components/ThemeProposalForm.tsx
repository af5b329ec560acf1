import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../../components/field-parts';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { useForm } from '../../../lib/use-form';
import { useProposeTheme } from '../hooks/use-learning';
import type { Cycle } from '../types/cycles';
import { readLearningErrors } from '../types/errors';
import { emptyProposalDraft, MAX_OPTIONS, optionBoxOfSent, PROPOSAL_FIELDS, validateProposal } from '../types/proposal';

interface ThemeProposalFormProps {
  cycle: Cycle;
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

/**
 * "Buat usulan tema": the themes the group will choose among, put to it as a proposal in its
 * deliberations and linked to the cycle; the option the group agrees on becomes the theme.
 */
export function ThemeProposalForm({ cycle, onSaved, onCancel }: ThemeProposalFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const propose = useProposeTheme(cycle.group_id, cycle.id);
  const form = useForm({
    initial: () => emptyProposalDraft(t('mentoring.proposal.titleDefault', { title: cycle.title })),
    validate: validateProposal,
    send: (body, idempotencyKey) => propose.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, _input, sent) =>
      isApiError(error) && error.slug === 'forbidden'
        ? { byField: {}, general: [t('mentoring.proposal.forbidden')] }
        : readLearningErrors(t, error, PROPOSAL_FIELDS, (field) => {
            if (field.base !== 'options' || field.index === null) return field.base;
            const box = optionBoxOfSent(sent.options, field.index);
            return box === null ? 'options' : `options[${box}]`;
          }),
    onSaved,
  });
  const { draft, set, setDraft, errorsFor, field } = form;
  const setOption = (index: number, value: string) => setDraft((d) => ({ ...d, options: d.options.map((o, i) => (i === index ? value : o)) }));

  return (
    <FormCard
      title={t('mentoring.proposal.title')}
      intro={<p className="muted">{t('mentoring.proposal.intro')}</p>}
      form={form}
      labels={{ submit: t('mentoring.proposal.submit'), saving: t('mentoring.proposal.saving'), cancel: t('mentoring.proposal.cancel') }}
      onCancel={onCancel}
      testId="theme-proposal-form"
    >
      <FormField label={t('common.required', { label: t('mentoring.proposal.titleField') })} autoComplete="off" {...field('title')} />
      <fieldset className="choice-group" aria-describedby={`${id}-options-hint`}>
        <legend className="field__label">{t('common.required', { label: t('mentoring.proposal.options') })}</legend>
        <p id={`${id}-options-hint`} className="field__hint">
          {t('mentoring.proposal.optionsHint')}
        </p>
        {draft.options.map((option, index) => {
          const number = index + 1;
          return (
            <div key={index} className="option-row">
              <FormField
                id={`${id}-option-${index}`}
                label={t('mentoring.proposal.option', { number })}
                errors={errorsFor(`options[${index}]`)}
                autoComplete="off"
                value={option}
                onChange={(event) => setOption(index, event.target.value)}
              />
              {draft.options.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary option-row__remove"
                  aria-label={t('mentoring.proposal.removeOption', { number })}
                  onClick={() => set('options', draft.options.filter((_, i) => i !== index))}
                >
                  {'×'}
                </button>
              ) : null}
            </div>
          );
        })}
        <FieldErrors messages={errorsFor('options')} />
        {draft.options.length < MAX_OPTIONS ? (
          <button type="button" className="button button--secondary" onClick={() => set('options', [...draft.options, ''])}>
            {t('mentoring.proposal.addOption')}
          </button>
        ) : null}
      </fieldset>
      <TextAreaField label={t('mentoring.proposal.description')} {...field('description')} />
    </FormCard>
  );
}
