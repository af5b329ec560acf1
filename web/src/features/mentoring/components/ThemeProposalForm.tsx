import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCard } from '../../../components/FormCard';
import { FormField } from '../../../components/FormField';
import { OptionsEditor } from '../../../components/OptionsEditor';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import { useForm } from '../../../lib/use-form';
import { useProposeTheme, useSectorCompetencies } from '../hooks/use-learning';
import { LEVELS } from '../types';
import type { Cycle } from '../types/cycles';
import { readLearningErrors } from '../types/errors';
import { targetChoices, type PlanTarget, type TargetChoice } from '../types/plan';
import {
  emptyProposalDraft,
  MAX_OPTIONS,
  PROPOSAL_FIELDS,
  proposalErrorKey,
  validateProposal,
  withOptionAdded,
  type ProposalField,
  type ProposalOption,
} from '../types/proposal';
import { TargetPicker } from './TargetPicker';

interface ThemeProposalFormProps {
  cycle: Cycle;
  /** The group's sector: its catalogue is offered to each theme. */
  sector: string;
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

interface OptionTargetsProps {
  id: string;
  number: number;
  option: ProposalOption;
  choices: readonly TargetChoice[];
  loading: boolean;
  onChange: (targets: PlanTarget[]) => void;
  errorsFor: (field: ProposalField) => string[];
  index: number;
}

/**
 * What the group would learn with one theme: folded under the theme's box (a phone shows the
 * themes one under the other), the chosen ones listed while folded, unfolded when the server
 * refused one of them.
 */
function OptionTargets({ id, number, option, choices, loading, onChange, errorsFor, index }: OptionTargetsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(option.targets.length > 0);
  const listErrors = errorsFor(`options[${index}].targets`);
  const lineErrors = (competencyId: number) => errorsFor(`options[${index}].target-${competencyId}`);
  const refused = listErrors.length > 0 || option.targets.some((target) => lineErrors(target.competency_id).length > 0);
  const shown = open || refused;
  const nameOf = (competencyId: number) => choices.find((c) => c.id === competencyId)?.name ?? String(competencyId);
  return (
    <div className="option-targets" data-testid={`option-${index}-targets`}>
      <button type="button" className="button button--link" aria-expanded={shown} aria-controls={`${id}-targets`} onClick={() => setOpen(!shown)}>
        {shown ? t('mentoring.proposal.hideTargets', { number }) : t('mentoring.proposal.showTargets', { number })}
      </button>
      {!shown && option.targets.length > 0 ? (
        <ul className="plain-list muted" data-testid={`option-${index}-chosen`}>
          {option.targets.map((target) => {
            const level = LEVELS.find((l) => l.level === target.level)!;
            return (
              <li key={target.competency_id}>
                {t('mentoring.cycle.targetLine', {
                  name: nameOf(target.competency_id),
                  level: t('mentoring.levelOption', { level: level.level, meaning: t(`mentoring.levelShort.${level.meaning}`) }),
                })}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div id={`${id}-targets`} hidden={!shown}>
        {shown ? (
          <TargetPicker
            id={`${id}-picker`}
            legend={t('mentoring.proposal.targets', { number })}
            hint={t('mentoring.proposal.targetsHint')}
            choices={choices}
            loading={loading}
            chosen={option.targets}
            onChange={onChange}
            lineErrors={lineErrors}
            errors={listErrors}
            testId={`option-${index}-picker`}
            lineTestId={`option-${index}-target`}
          />
        ) : null}
      </div>
    </div>
  );
}

/**
 * "Buat usulan tema": the themes the group will choose among, each with the competencies the group
 * would learn with it, put to it as a proposal in its deliberations and linked to the cycle; the
 * option the group agrees on becomes the theme, and its competencies the targets.
 */
export function ThemeProposalForm({ cycle, sector, onSaved, onCancel }: ThemeProposalFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const propose = useProposeTheme(cycle.group_id, cycle.id);
  const competencies = useSectorCompetencies(sector);
  const form = useForm({
    initial: () => emptyProposalDraft(t('mentoring.proposal.titleDefault', { title: cycle.title })),
    validate: validateProposal,
    send: (body, idempotencyKey) => propose.mutateAsync({ body, idempotencyKey }),
    readErrors: (error, _input, sent) =>
      isApiError(error) && error.slug === 'forbidden'
        ? { byField: {}, general: [t('mentoring.proposal.forbidden')] }
        : readLearningErrors(t, error, PROPOSAL_FIELDS, (field, named) =>
            field.base === 'title' || field.base === 'description' ? field.base : proposalErrorKey(named, sent),
          ),
    onSaved,
  });
  const { draft, setDraft, errorsFor, field } = form;
  const choices = targetChoices(competencies.data ?? [], sector, [], i18n.resolvedLanguage);
  const change = (index: number, update: Partial<ProposalOption>) =>
    setDraft((d) => ({ ...d, options: d.options.map((o, i) => (i === index ? { ...o, ...update } : o)) }));

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
      <OptionsEditor
        id={id}
        legend={t('common.required', { label: t('mentoring.proposal.options') })}
        hint={t('mentoring.proposal.optionsHint')}
        options={draft.options}
        keyOf={(option) => option.key}
        textOf={(option) => option.label}
        labels={{
          option: (number) => t('mentoring.proposal.option', { number }),
          remove: (number) => t('mentoring.proposal.removeOption', { number }),
          add: t('mentoring.proposal.addOption'),
        }}
        errorsOf={(index) => errorsFor(`options[${index}]`)}
        errors={errorsFor('options')}
        max={MAX_OPTIONS}
        onText={(index, label) => change(index, { label })}
        onRemove={(index) => setDraft((d) => ({ ...d, options: d.options.filter((_, i) => i !== index) }))}
        onAdd={() => setDraft((d) => ({ ...d, options: withOptionAdded(d.options) }))}
        item={(row, option, index) => (
          <div className="theme-option" data-testid={`option-${index}`}>
            {row}
            <OptionTargets
              id={`${id}-option-${option.key}`}
              number={index + 1}
              index={index}
              option={option}
              choices={choices}
              loading={competencies.isPending}
              onChange={(targets) => change(index, { targets })}
              errorsFor={errorsFor}
            />
          </div>
        )}
      />
      <TextAreaField label={t('mentoring.proposal.description')} {...field('description')} />
    </FormCard>
  );
}
