import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { RegionField } from '../../../components/RegionField';
import { SelectField } from '../../../components/SelectField';
import { SubmitRow } from '../../../components/SubmitRow';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import type { RegionPickerSlot } from '../../../lib/places';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { readServerErrors } from '../../../lib/use-form-errors';
import { useSaveStakeholder } from '../hooks/use-stakeholders';
import {
  draftFromStakeholder,
  emptyStakeholderDraft,
  HELICES,
  KINDS,
  stakeholderPatch,
  validateStakeholder,
  type Stakeholder,
  type StakeholderField,
  type StakeholderInput,
} from '../types';

interface StakeholderFormProps {
  /** The stakeholder to edit; null adds a new one. */
  original: Stakeholder | null;
  RegionPicker: RegionPickerSlot;
  /** Saved: the list shows it already (the write put it in the cache). */
  onSaved: (created: boolean) => void;
  onCancel: () => void;
}

const FIELDS: readonly StakeholderField[] = ['name', 'helix', 'kind', 'region_code', 'contact'];

/** Add or edit a stakeholder (admin only). */
export function StakeholderForm({ original, RegionPicker, onSaved, onCancel }: StakeholderFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const save = useSaveStakeholder();
  const form = useForm({
    initial: () => (original ? draftFromStakeholder(original) : emptyStakeholderDraft()),
    validate: validateStakeholder,
    send: (input: StakeholderInput, key) =>
      save.mutateAsync(
        original
          ? { kind: 'update', original, patch: stakeholderPatch(original, input) }
          : { kind: 'create', body: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)), idempotencyKey: key },
      ),
    readErrors: (error) =>
      // A name already taken is said beside the name, whatever field the server named.
      isApiError(error) && error.slug === 'already-exists'
        ? { byField: { name: [t('stakeholders.form.nameTaken')] }, general: [] }
        : readServerErrors(error, {
            fieldOf: (fieldError) => ((FIELDS as readonly string[]).includes(fieldError.field) ? fieldError.field : null),
            message: (fieldError) => fieldErrorMessage(t, fieldError),
            problem: (failure) => problemMessage(t, failure),
          }),
    onSaved: () => onSaved(original === null),
  });
  const { draft, set, errorsFor, field, server, submitting } = form;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const title = original ? t('stakeholders.form.titleEdit', { name: original.name }) : t('stakeholders.form.titleNew');
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="stakeholder-form">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {server.general.length > 0 ? <Alert tone="error">{server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          label={t('common.required', { label: t('stakeholders.fields.name') })}
          autoComplete="off"
          {...field('name')}
        />
        <SelectField
          label={t('common.required', { label: t('stakeholders.fields.helix') })}
          emptyLabel={t('stakeholders.form.chooseHelix')}
          options={HELICES.map((helix) => ({ value: helix, label: t(`stakeholders.helices.${helix}`) }))}
          {...field('helix')}
        />
        <SelectField
          label={t('common.required', { label: t('stakeholders.fields.kind') })}
          emptyLabel={t('stakeholders.form.chooseKind')}
          options={KINDS.map((kind) => ({ value: kind, label: t(`stakeholders.kinds.${kind}`) }))}
          {...field('kind')}
        />
        <RegionField
          RegionPicker={RegionPicker}
          label={t('stakeholders.fields.region')}
          hint={t('stakeholders.form.regionHint')}
          errors={errorsFor('region_code')}
          value={draft.region_code}
          onChange={(code) => set('region_code', code)}
        />
        <TextAreaField
          label={t('stakeholders.fields.contact')}
          hint={t('stakeholders.form.contactHint')}
          {...field('contact')}
        />
        <SubmitRow
          submitting={submitting}
          labels={{
            submit: original ? t('stakeholders.form.submitEdit') : t('stakeholders.form.submitNew'),
            saving: t('stakeholders.form.submitting'),
          }}
          cancel={{ label: t('stakeholders.form.cancel'), onClick: onCancel }}
        />
      </form>
    </section>
  );
}
