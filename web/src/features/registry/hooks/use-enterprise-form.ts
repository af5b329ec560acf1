// The enterprise form's state, checks and submit: a new enterprise, or the changes to a saved one
// (with a new owner created first, and a renewal verified after saving).
import type { TFunction } from 'i18next';
import { type RefObject, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, isApiError } from '../../../lib/api-client';
import { can } from '../../../lib/permissions';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { useForm } from '../../../lib/use-form';
import { useFocusAfterRefusal } from '../../../lib/use-focus-after-refusal';
import { readServerErrors, type ServerErrors } from '../../../lib/use-form-errors';
import type { Role } from '../../../lib/user';
import { createEnterprise, createPerson, updateEnterprise, verifyEnterprise } from '../api/registry';
import type { DetailNotice } from '../components/EnterpriseDetail';
import type { Enterprise, EnterpriseInput, PersonInput } from '../types';
import {
  createBody,
  draftFieldOf,
  draftFromEnterprise,
  emptyDraft,
  patchBody,
  validateDraft,
  type EnterpriseDraft,
  type OwnerDraft,
} from '../types/form';
import { enterprisePath, safeBackPath } from '../types/paths';
import { useEnterpriseSaved } from './use-registry-mutations';

type SavedNotice = NonNullable<DetailNotice['notice']>;

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

/**
 * Saves the checked input: a create sends the submission's key (a retried create that timed out
 * does not register the enterprise twice); an edit sends only what changed, after creating a new
 * owner (a separate POST with its own key), and verifies a renewal.
 */
export async function saveEnterprise(
  original: Enterprise | null,
  input: EnterpriseInput,
  idempotencyKey: string,
  renewal: boolean,
): Promise<{ target: number; saved: Enterprise; notice: SavedNotice }> {
  if (original) {
    const { owner, ...rest } = input;
    const patch = patchBody(original, owner ? { ...rest, owner_id: await createOwner(owner) } : rest);
    const changed = Object.keys(patch).length > 0;
    let saved = changed ? await updateEnterprise(original.id, patch) : original;
    if (renewal) saved = await verifyEnterprise(original.id);
    return { target: original.id, saved, notice: changed ? 'saved' : 'nothingChanged' };
  }
  const created = await createEnterprise(createBody(input), idempotencyKey);
  return { target: created.id, saved: created, notice: 'created' };
}

/** A refusal beside the enterprise form's fields; the owner's fields have their messages under their own names. */
export function readEnterpriseErrors(t: TFunction, error: unknown): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => draftFieldOf(fieldError.field),
    message: (fieldError) => {
      const field = draftFieldOf(fieldError.field);
      const lookup = field?.startsWith('owner.') ? { ...fieldError, field: field.slice(6) } : fieldError;
      // A 409 names the field that is taken (the NIB); say so whatever code the server used.
      const taken = isApiError(error) && error.slug === 'already-exists';
      return fieldErrorMessage(t, taken ? { ...lookup, code: 'already_exists' } : lookup);
    },
    problem: (failure) => problemMessage(t, failure),
  });
}

/**
 * The enterprise form: its draft, messages and submit, and where it goes after saving. After a
 * refused attempt the focus moves to the first field in `formRef` to correct.
 */
export function useEnterpriseForm(original: Enterprise | null, role: Role, formRef: RefObject<HTMLFormElement | null>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const back = safeBackPath(search.get('back'));
  const renewal = search.get('renewal') === '1';
  const canSetSteward = can(role, 'stakeholders.write');
  const enterpriseSaved = useEnterpriseSaved();
  const onRejected = useFocusAfterRefusal(formRef);

  const form = useForm({
    initial: (): EnterpriseDraft => (original ? draftFromEnterprise(original) : emptyDraft()),
    validate: (draft: EnterpriseDraft) => validateDraft(draft, { currentYear: new Date().getFullYear(), canSetSteward }),
    send: (input: EnterpriseInput, key) => saveEnterprise(original, input, key, renewal),
    readErrors: (error) => readEnterpriseErrors(t, error),
    onSaved: ({ target, saved, notice }) => {
      enterpriseSaved(saved);
      void navigate(back ?? enterprisePath(target), { state: { notice } satisfies DetailNotice });
    },
    onRejected,
  });


  const { setDraft } = form;
  const setOwner = useCallback(
    <K extends keyof OwnerDraft>(field: K, value: OwnerDraft[K]) =>
      setDraft((d) => ({ ...d, new_owner: { ...d.new_owner, [field]: value } })),
    [setDraft],
  );

  return { ...form, setOwner, original, back, renewal, canSetSteward };
}

export type EnterpriseForm = ReturnType<typeof useEnterpriseForm>;
