import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { ApiError, isApiError } from '../../../lib/api-client';
import { can } from '../../../lib/permissions';
import type { RegionPickerSlot } from '../../../lib/places';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { formatAmountInput, formatRupiah, parseRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSubmission } from '../../../lib/use-submission';
import type { Role } from '../../../lib/user';
import {
  createEnterprise,
  createPerson,
  updateEnterprise,
  verifyEnterprise,
} from '../api/registry';
import { useEnterpriseSaved } from '../hooks/use-registry-mutations';
import { useEnterprise, useStewards } from '../hooks/use-registry-queries';
import { useSectors } from '../hooks/use-sectors';
import { GENDERS, STATUSES, type Enterprise, type EnterpriseStatus, type Gender, type PersonInput } from '../types';
import {
  createBody,
  draftFieldOf,
  draftFromEnterprise,
  emptyDraft,
  patchBody,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type EnterpriseDraft,
  type OwnerDraft,
} from '../types/form';
import { enterprisePath, REGISTRY_PATH, safeBackPath } from '../types/paths';
import type { DetailNotice } from './EnterpriseDetail';
import { sectorLabel } from './labels';
import { OwnerPicker } from './OwnerPicker';

interface EnterpriseFormProps {
  role: Role;
  mode: 'create' | 'edit';
  RegionPicker: RegionPickerSlot;
  /** Milliseconds to wait after typing an owner's name before searching. */
  ownerSearchDelayMs?: number;
}

/** POST /people for a new owner of an existing enterprise; its field errors land on the owner's fields. */
async function createOwner(owner: PersonInput): Promise<number> {
  try {
    return (await createPerson(owner)).id;
  } catch (error) {
    if (!isApiError(error)) throw error;
    throw new ApiError({
      type: error.type,
      status: error.status,
      title: error.title,
      detail: error.detail,
      errors: error.errors.map((e) => ({ ...e, field: e.field ? `owner.${e.field}` : e.field })),
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
}

interface ServerErrors {
  byField: Partial<Record<DraftField, string[]>>;
  /** Problems that name no field of this form. */
  general: string[];
}

/** Create and edit an enterprise; the page loads the saved record first when editing. */
export function EnterpriseForm({ role, mode, RegionPicker, ownerSearchDelayMs }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const params = useParams();
  const enterpriseId = Number(params.id);
  const editing = mode === 'edit';
  const saved = useEnterprise(enterpriseId > 0 ? enterpriseId : null, editing);
  useDocumentTitle(editing ? t('registry.form.titleEdit', { name: saved.data?.name ?? '' }) : t('registry.form.titleNew'));

  if (editing && !saved.data) {
    return (
      <>
        <h1 tabIndex={-1}>{t('registry.form.titleEdit', { name: '' })}</h1>
        {saved.isError ? (
          <Alert tone="error">{problemMessage(t, saved.error)}</Alert>
        ) : (
          <p role="status">{t('registry.detail.loading')}</p>
        )}
      </>
    );
  }
  return (
    <FormBody
      key={saved.data?.id ?? 'new'}
      role={role}
      original={saved.data ?? null}
      RegionPicker={RegionPicker}
      ownerSearchDelayMs={ownerSearchDelayMs}
    />
  );
}

interface FormBodyProps {
  role: Role;
  original: Enterprise | null;
  RegionPicker: RegionPickerSlot;
  ownerSearchDelayMs: number | undefined;
}

function FormBody({ role, original, RegionPicker, ownerSearchDelayMs }: FormBodyProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const back = safeBackPath(search.get('back'));
  const renewal = search.get('renewal') === '1';
  const sectors = useSectors();
  const canSetSteward = can(role, 'stakeholders.write');
  const stewards = useStewards(canSetSteward);
  const enterpriseSaved = useEnterpriseSaved();

  const [draft, setDraft] = useState<EnterpriseDraft>(() => (original ? draftFromEnterprise(original) : emptyDraft()));
  const [local, setLocal] = useState<DraftErrors>({});
  const [server, setServer] = useState<ServerErrors>({ byField: {}, general: [] });
  const [failure, setFailure] = useState<unknown>(null);
  const { submitting, submit } = useSubmission();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed attempt, take the user to the first field to correct.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else document.querySelector<HTMLElement>('[data-form-alert]')?.focus();
  }, [attempt]);

  const set = <K extends keyof EnterpriseDraft>(field: K, value: EnterpriseDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const setOwner = <K extends keyof OwnerDraft>(field: K, value: OwnerDraft[K]) =>
    setDraft((d) => ({ ...d, new_owner: { ...d.new_owner, [field]: value } }));

  const errorsFor = (field: DraftField): string[] => [
    ...(local[field] ?? []).map((problem) => t(problem.key, problem.values ?? {})),
    ...(server.byField[field] ?? []),
  ];

  function readServerErrors(error: unknown): ServerErrors {
    const result: ServerErrors = { byField: {}, general: [] };
    if (!isApiError(error)) return result;
    for (const fieldError of error.errors) {
      const field = draftFieldOf(fieldError.field);
      // The owner's fields have their messages under their own names ("nik", "phone").
      const lookup = field?.startsWith('owner.') ? { ...fieldError, field: field.slice(6) } : fieldError;
      // A 409 names the field that is taken (the NIB); say so whatever code the server used.
      const message = fieldErrorMessage(t, error.slug === 'already-exists' ? { ...lookup, code: 'already_exists' } : lookup);
      if (field) (result.byField[field] ??= []).push(message);
      else result.general.push(message);
    }
    return result;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer({ byField: {}, general: [] });
    setFailure(null);
    const { errors, input } = validateDraft(draft, { currentYear: new Date().getFullYear(), canSetSteward });
    setLocal(errors);
    if (!input) {
      setAttempt((n) => n + 1);
      return;
    }
    // One key per submission: a retry of a create that timed out does not register the enterprise
    // twice. (An edit's new owner is a separate POST with its own key.)
    await submit(input, async (key): Promise<{ target: number; notice: DetailNotice['notice'] }> => {
      if (original) {
        const { owner, ...rest } = input;
        const patch = patchBody(original, owner ? { ...rest, owner_id: await createOwner(owner) } : rest);
        const changed = Object.keys(patch).length > 0;
        if (changed) await updateEnterprise(original.id, patch);
        if (renewal) await verifyEnterprise(original.id);
        return { target: original.id, notice: changed ? 'saved' : 'nothingChanged' };
      }
      const created = await createEnterprise(createBody(input), key);
      return { target: created.id, notice: 'created' };
    }, {
      onSuccess: ({ target, notice }) => {
        enterpriseSaved({ id: target });
        void navigate(back ?? enterprisePath(target), { state: { notice } satisfies DetailNotice });
      },
      onError: (error) => {
        setServer(readServerErrors(error));
        setFailure(error);
        setAttempt((n) => n + 1);
      },
    });
  }

  const fieldProblems = Object.keys(local).length + Object.keys(server.byField).length;
  const showGeneral =
    failure !== null && !(isApiError(failure) && Object.keys(server.byField).length > 0 && server.general.length === 0);

  const amountField = (field: 'capital' | 'turnover') => {
    const parsed = draft[field].trim() ? parseRupiah(draft[field]) : null;
    return (
      <div>
        <FormField
          id={`${id}-${field}`}
          label={t(`registry.fields.${field}`)}
          hint={t('registry.form.amountHint')}
          errors={errorsFor(field)}
          inputProps={{
            name: field,
            inputMode: 'numeric',
            autoComplete: 'off',
            value: draft[field],
            onChange: (e) => set(field, e.target.value),
            onBlur: () => {
              if (parsed?.ok) set(field, formatAmountInput(parsed.value));
            },
          }}
        />
        <p className="field__hint amount-preview" aria-live="polite" data-testid={`${field}-preview`}>
          {parsed?.ok ? t('registry.form.amountPreview', { amount: formatRupiah(parsed.value) }) : null}
        </p>
      </div>
    );
  };

  const required = (label: string) => t('common.required', { label });
  const title = original ? t('registry.form.titleEdit', { name: original.name }) : t('registry.form.titleNew');
  const cancelTo = back ?? (original ? enterprisePath(original.id) : REGISTRY_PATH);
  const villageErrors = errorsFor('village_code');

  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="muted">{t('registry.form.intro')}</p>
      {fieldProblems > 0 ? (
        <div tabIndex={-1} data-form-alert>
          <Alert tone="error">{t('registry.form.fixBelow')}</Alert>
        </div>
      ) : null}
      {showGeneral ? (
        <div tabIndex={-1} data-form-alert>
          <Alert tone="error">
            {server.general.length > 0 ? server.general.join(' ') : problemMessage(t, failure)}
          </Alert>
        </div>
      ) : null}

      <form ref={formRef} className="form form--wide" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <fieldset className="card form-section">
          <legend className="form-section__legend">{t('registry.form.ownerSection')}</legend>
          <div className="choice-group" role="radiogroup" aria-label={t('registry.form.ownerSection')}>
            {(['existing', 'new'] as const).map((ownerMode) => (
              <label key={ownerMode} className="choice">
                <input
                  type="radio"
                  name="owner_mode"
                  value={ownerMode}
                  checked={draft.owner_mode === ownerMode}
                  onChange={() => set('owner_mode', ownerMode)}
                />
                <span>{ownerMode === 'existing' ? t('registry.form.ownerExisting') : t('registry.form.ownerNew')}</span>
              </label>
            ))}
          </div>
          {draft.owner_mode === 'existing' ? (
            <OwnerPicker
              value={draft.owner}
              onChange={(owner) => set('owner', owner)}
              errors={errorsFor('owner_id')}
              {...(ownerSearchDelayMs !== undefined ? { searchDelayMs: ownerSearchDelayMs } : {})}
            />
          ) : (
            <div className="form-grid">
              <FormField
                id={`${id}-owner-name`}
                label={required(t('registry.form.ownerName'))}
                errors={errorsFor('owner.name')}
                inputProps={{
                  name: 'owner_name',
                  autoComplete: 'off',
                  maxLength: 120,
                  value: draft.new_owner.name,
                  onChange: (e) => setOwner('name', e.target.value),
                }}
              />
              <SelectField
                id={`${id}-owner-gender`}
                label={t('registry.fields.gender')}
                errors={errorsFor('owner.gender')}
                emptyLabel={t('registry.form.genderUnknown')}
                options={GENDERS.map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))}
                selectProps={{
                  name: 'owner_gender',
                  value: draft.new_owner.gender,
                  onChange: (e) => setOwner('gender', e.target.value as '' | Gender),
                }}
              />
              <FormField
                id={`${id}-owner-birth-year`}
                label={t('registry.fields.birth_year')}
                errors={errorsFor('owner.birth_year')}
                inputProps={{
                  name: 'owner_birth_year',
                  inputMode: 'numeric',
                  maxLength: 4,
                  value: draft.new_owner.birth_year,
                  onChange: (e) => setOwner('birth_year', e.target.value),
                }}
              />
              <FormField
                id={`${id}-owner-phone`}
                label={t('registry.fields.phone')}
                hint={t('registry.form.phoneHint')}
                errors={errorsFor('owner.phone')}
                inputProps={{
                  name: 'owner_phone',
                  type: 'tel',
                  autoComplete: 'off',
                  value: draft.new_owner.phone,
                  onChange: (e) => setOwner('phone', e.target.value),
                }}
              />
              <FormField
                id={`${id}-owner-nik`}
                label={t('registry.fields.nik')}
                hint={t('registry.form.nikHint')}
                errors={errorsFor('owner.nik')}
                inputProps={{
                  name: 'owner_nik',
                  inputMode: 'numeric',
                  autoComplete: 'off',
                  maxLength: 20,
                  value: draft.new_owner.nik,
                  onChange: (e) => setOwner('nik', e.target.value),
                }}
              />
              <div className={errorsFor('owner.nik_consent').length > 0 ? 'check field--invalid' : 'check'}>
                <input
                  id={`${id}-owner-consent`}
                  type="checkbox"
                  className="check__input"
                  name="owner_nik_consent"
                  checked={draft.new_owner.nik_consent}
                  onChange={(e) => setOwner('nik_consent', e.target.checked)}
                  aria-invalid={errorsFor('owner.nik_consent').length > 0 ? true : undefined}
                  aria-describedby={errorsFor('owner.nik_consent').length > 0 ? `${id}-owner-consent-error` : undefined}
                />
                <label htmlFor={`${id}-owner-consent`} className="check__label">
                  {t('registry.form.nikConsent')}
                </label>
                {errorsFor('owner.nik_consent').length > 0 ? (
                  <ul className="field__errors check__hint" id={`${id}-owner-consent-error`}>
                    {errorsFor('owner.nik_consent').map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          )}
        </fieldset>

        <fieldset className="card form-section">
          <legend className="form-section__legend">{t('registry.form.businessSection')}</legend>
          <FormField
            id={`${id}-name`}
            label={required(t('registry.fields.name'))}
            errors={errorsFor('name')}
            inputProps={{
              name: 'name',
              autoComplete: 'off',
              value: draft.name,
              onChange: (e) => set('name', e.target.value),
            }}
          />
          <SelectField
            id={`${id}-sector`}
            label={required(t('registry.fields.sector'))}
            errors={errorsFor('sector')}
            emptyLabel={t('registry.form.chooseSector')}
            options={sectors.map((code) => ({ value: code, label: sectorLabel(t, code) }))}
            selectProps={{ name: 'sector', value: draft.sector, onChange: (e) => set('sector', e.target.value) }}
          />
          <TextAreaField
            id={`${id}-products`}
            label={t('registry.fields.products')}
            hint={t('registry.form.productsHint')}
            errors={errorsFor('products')}
            textareaProps={{
              name: 'products',
              rows: 2,
              value: draft.products,
              onChange: (e) => set('products', e.target.value),
            }}
          />
          <FormField
            id={`${id}-centre`}
            label={t('registry.fields.business_centre')}
            hint={t('registry.form.businessCentreHint')}
            errors={errorsFor('business_centre')}
            inputProps={{
              name: 'business_centre',
              autoComplete: 'off',
              value: draft.business_centre,
              onChange: (e) => set('business_centre', e.target.value),
            }}
          />
          <div className={villageErrors.length > 0 ? 'field field--invalid' : 'field'} data-testid="village-field">
            <RegionPicker
              value={draft.village_code}
              label={required(t('registry.fields.village'))}
              onChange={(code) => set('village_code', code)}
            />
            <p className="field__hint">{t('registry.form.villageHint')}</p>
            {villageErrors.length > 0 ? (
              <ul className="field__errors" aria-live="polite">
                {villageErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <SelectField
            id={`${id}-status`}
            label={t('registry.fields.status')}
            errors={errorsFor('status')}
            options={STATUSES.map((status) => ({ value: status, label: t(`enterpriseStatus.${status}`) }))}
            selectProps={{
              name: 'status',
              value: draft.status,
              onChange: (e) => set('status', e.target.value as EnterpriseStatus),
            }}
          />
          {canSetSteward ? (
            <SelectField
              id={`${id}-steward`}
              label={t('registry.fields.steward_id')}
              errors={errorsFor('steward_id')}
              emptyLabel={t('registry.form.noSteward')}
              options={(stewards.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
              selectProps={{
                name: 'steward_id',
                value: draft.steward_id,
                onChange: (e) => set('steward_id', e.target.value),
              }}
            />
          ) : null}
        </fieldset>

        <fieldset className="card form-section">
          <legend className="form-section__legend">{t('registry.form.figuresSection')}</legend>
          <div className="form-grid">
            <FormField
              id={`${id}-founded`}
              label={t('registry.fields.founded_year')}
              hint={t('registry.form.yearHint')}
              errors={errorsFor('founded_year')}
              inputProps={{
                name: 'founded_year',
                inputMode: 'numeric',
                maxLength: 4,
                value: draft.founded_year,
                onChange: (e) => set('founded_year', e.target.value),
              }}
            />
            <FormField
              id={`${id}-employees`}
              label={t('registry.fields.employees')}
              errors={errorsFor('employees')}
              inputProps={{
                name: 'employees',
                inputMode: 'numeric',
                value: draft.employees,
                onChange: (e) => set('employees', e.target.value),
              }}
            />
            {amountField('capital')}
            {amountField('turnover')}
            <FormField
              id={`${id}-nib`}
              label={t('registry.fields.nib')}
              hint={t('registry.form.nibHint')}
              errors={errorsFor('nib')}
              inputProps={{
                name: 'nib',
                inputMode: 'numeric',
                autoComplete: 'off',
                maxLength: 20,
                value: draft.nib,
                onChange: (e) => set('nib', e.target.value),
              }}
            />
          </div>
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting
              ? t('registry.form.submitting')
              : original
                ? renewal
                  ? t('registry.form.submitAndVerify')
                  : t('registry.form.submitEdit')
                : t('registry.form.submitNew')}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t('registry.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
