// The person form's state, checks and submit: the changes to a saved record, sent as one PATCH,
// and the way back to the record's page with the server's answer already shown there.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useForm } from '../../../lib/use-form';
import { useFocusAfterRefusal } from '../../../lib/use-focus-after-refusal';
import { updatePerson } from '../api/people';
import { readPersonErrors } from '../types/errors';
import { draftFromPerson, validatePerson, type PersonDraft } from '../types/form';
import type { Person, PersonPatch } from '../types';
import { personPath } from '../types/paths';
import { usePersonSaved } from './use-people';

/** What the form tells the person's page after saving, shown once as a confirmation. */
export interface PersonNotice {
  notice?: 'saved' | 'nothingChanged';
}

/** Sends the changes; an edit that changed nothing sends nothing and answers with the record as it was. */
export async function savePerson(original: Person, patch: PersonPatch): Promise<{ saved: Person; changed: boolean }> {
  if (Object.keys(patch).length === 0) return { saved: original, changed: false };
  return { saved: await updatePerson(original.id, patch), changed: true };
}

/**
 * The person form: its draft, messages and submit. After a refused attempt the focus moves to the
 * first field in `formRef` to correct (or the message above the form).
 */
export function usePersonForm(original: Person, formRef: RefObject<HTMLFormElement | null>, currentYear = new Date().getFullYear()) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const personSaved = usePersonSaved();
  const onRejected = useFocusAfterRefusal(formRef);

  const form = useForm({
    initial: (): PersonDraft => draftFromPerson(original),
    validate: (draft: PersonDraft) => validatePerson(original, draft, { currentYear }),
    send: (patch: PersonPatch) => savePerson(original, patch),
    readErrors: (error) => readPersonErrors(t, error),
    onSaved: ({ saved, changed }) => {
      if (changed) personSaved(saved);
      void navigate(personPath(original.id), { state: { notice: changed ? 'saved' : 'nothingChanged' } satisfies PersonNotice });
    },
    onRejected,
  });


  return form;
}

export type PersonForm = ReturnType<typeof usePersonForm>;
