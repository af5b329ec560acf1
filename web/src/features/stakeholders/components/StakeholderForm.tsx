import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { isApiError } from '../../../lib/api-client';
import type { RegionPickerSlot } from '../../../lib/places';
import { fieldMessages, problemMessage } from '../../../lib/problem-messages';
import { useSubmission } from '../../../lib/use-submission';
import { useSaveStakeholder } from '../hooks/use-stakeholders';
import {
  draftFromStakeholder,
  emptyStakeholderDraft,
  HELICES,
  KINDS,
  stakeholderPatch,
  validateStakeholder,
  type Helix,
  type Kind,
  type Stakeholder,
  type StakeholderDraft,
  type StakeholderErrors,
} from '../types';

interface StakeholderFormProps {
  /** The stakeholder to edit; null adds a new one. */
  original: Stakeholder | null;
  RegionPicker: RegionPickerSlot;
  /** Saved: the list shows it already (the write put it in the cache). */
  onSaved: (created: boolean) => void;
  onCancel: () => void;
}

/** Add or edit a stakeholder (admin only). */
export function StakeholderForm({ original, RegionPicker, onSaved, onCancel }: StakeholderFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<StakeholderDraft>(() =>
    original ? draftFromStakeholder(original) : emptyStakeholderDraft(),
  );
  const [local, setLocal] = useState<StakeholderErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const { submitting, submit } = useSubmission();
  const save = useSaveStakeholder();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const set = <K extends keyof StakeholderDraft>(field: K, value: StakeholderDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const nameTaken = isApiError(failure) && failure.slug === 'already-exists';
  const errorsFor = (field: keyof StakeholderErrors): string[] => [
    ...(local[field] ?? []).map((key) => t(key)),
    ...(field === 'name' && nameTaken ? [t('stakeholders.form.nameTaken')] : fieldMessages(t, failure, field)),
  ];
  const serverNamesField =
    isApiError(failure) && failure.errors.some((e) => ['name', 'helix', 'kind', 'region_code', 'contact'].includes(e.field));
  const showGeneral = failure !== null && !nameTaken && !serverNamesField;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const { errors, input } = validateStakeholder(draft);
    setLocal(errors);
    if (!input) return;
    await submit(
      input,
      (key) =>
        save.mutateAsync(
          original
            ? { kind: 'update', original, patch: stakeholderPatch(original, input) }
            : { kind: 'create', body: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)), idempotencyKey: key },
        ),
      { onSuccess: () => onSaved(original === null), onError: setFailure },
    );
  }

  const title = original ? t('stakeholders.form.titleEdit', { name: original.name }) : t('stakeholders.form.titleNew');
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="stakeholder-form">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {showGeneral ? <Alert tone="error">{problemMessage(t, failure)}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <FormField
          id={`${id}-name`}
          label={t('common.required', { label: t('stakeholders.fields.name') })}
          errors={errorsFor('name')}
          inputProps={{ name: 'name', autoComplete: 'off', value: draft.name, onChange: (e) => set('name', e.target.value) }}
        />
        <SelectField
          id={`${id}-helix`}
          label={t('common.required', { label: t('stakeholders.fields.helix') })}
          errors={errorsFor('helix')}
          emptyLabel={t('stakeholders.form.chooseHelix')}
          options={HELICES.map((helix) => ({ value: helix, label: t(`stakeholders.helices.${helix}`) }))}
          selectProps={{ name: 'helix', value: draft.helix, onChange: (e) => set('helix', e.target.value as '' | Helix) }}
        />
        <SelectField
          id={`${id}-kind`}
          label={t('common.required', { label: t('stakeholders.fields.kind') })}
          errors={errorsFor('kind')}
          emptyLabel={t('stakeholders.form.chooseKind')}
          options={KINDS.map((kind) => ({ value: kind, label: t(`stakeholders.kinds.${kind}`) }))}
          selectProps={{ name: 'kind', value: draft.kind, onChange: (e) => set('kind', e.target.value as '' | Kind) }}
        />
        <div className="field">
          <RegionPicker
            value={draft.region_code}
            label={t('stakeholders.fields.region')}
            onChange={(code) => set('region_code', code)}
          />
          <p className="field__hint">{t('stakeholders.form.regionHint')}</p>
          {errorsFor('region_code').length > 0 ? (
            <ul className="field__errors">
              {errorsFor('region_code').map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <TextAreaField
          id={`${id}-contact`}
          label={t('stakeholders.fields.contact')}
          hint={t('stakeholders.form.contactHint')}
          errors={errorsFor('contact')}
          textareaProps={{ name: 'contact', value: draft.contact, onChange: (e) => set('contact', e.target.value) }}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting
              ? t('stakeholders.form.submitting')
              : original
                ? t('stakeholders.form.submitEdit')
                : t('stakeholders.form.submitNew')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('stakeholders.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
