// The form that corrects a person's record: what it holds, the checks the server also makes (and
// a birth year that makes sense for someone who owns a business), and the PATCH body it becomes:
// only what changed, so that a correction of the phone never rewrites anything else.
import { compactNik, isValidNik, normalisePhone } from '../../../lib/person';
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { householdChanged, householdDraft, householdInput, sourceTooLong, type HouseholdDraft } from './household';
import { isGender, type Gender, type Person, type PersonPatch } from './index';

export const PERSON_FIELDS = ['name', 'gender', 'birth_year', 'occupation', 'phone', 'nik', 'nik_consent', 'categories'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** The server's limits, in characters (Unicode code points). */
export const MAX_NAME = 120;
export const MAX_OCCUPATION = 100;
/** The server takes birth years from 1900 on. */
export const MIN_BIRTH_YEAR = 1900;
/** A birth year that makes sense: nobody younger owns a business, nobody older is still registered. */
export const MIN_AGE = 10;
export const MAX_AGE = 110;

export interface PersonDraft {
  name: string;
  gender: '' | Gender;
  birth_year: string;
  occupation: string;
  phone: string;
  /** The NIK in full as the editor sees it; emptied, the NIK and its consent are removed. */
  nik: string;
  /** Ticked: the person agreed to the new NIK being stored. */
  nik_consent: boolean;
  /** Her household categories; null for a caller who may not see them. */
  household: HouseholdDraft | null;
}

export interface CheckOptions {
  /** This year, for the birth year's bounds. */
  currentYear: number;
}

const text = (value: string | number | null) => (value === null ? '' : String(value));
const codePoints = (value: string) => [...value].length;

/**
 * The form opened on a saved record. A NIK the viewer sees only masked is not put in the box:
 * she cannot change it (nor remove it by leaving the box empty).
 */
export function draftFromPerson(person: Person): PersonDraft {
  return {
    name: person.name,
    gender: person.gender ?? '',
    birth_year: text(person.birth_year),
    occupation: person.occupation ?? '',
    phone: person.phone ?? '',
    nik: person.nik !== null && !person.nik_masked ? person.nik : '',
    nik_consent: false,
    household: householdDraft(person.categories),
  };
}

/** Whether the NIK box holds a NIK other than the one stored: only then does consent need ticking. */
export function isNewNik(person: Person, draft: Pick<PersonDraft, 'nik'>): boolean {
  const nik = compactNik(draft.nik);
  return !person.nik_masked && nik !== '' && nik !== person.nik;
}

/** Whether saving the draft removes the stored NIK (and its consent): the box was emptied. */
export function removesNik(person: Person, draft: Pick<PersonDraft, 'nik'>): boolean {
  return !person.nik_masked && person.nik !== null && compactNik(draft.nik) === '';
}

/** The youngest and oldest birth years that make sense this year. */
export function birthYearBounds(currentYear: number): { min: number; max: number } {
  return { min: Math.max(MIN_BIRTH_YEAR, currentYear - MAX_AGE), max: currentYear - MIN_AGE };
}

/**
 * Checks what changed against the saved record and builds the PATCH body of the changes alone. A
 * field left as it was is neither checked nor sent: a birth year imported long ago that would not
 * pass today's checks does not stop a correction of the phone.
 */
export function validatePerson(person: Person, draft: PersonDraft, options: CheckOptions): Checked<PersonField, PersonPatch> {
  const errors: LocalProblems<PersonField> = {};
  const patch: PersonPatch = {};

  const name = draft.name.trim();
  if (name !== person.name) {
    if (name === '') errors.name = ['people.form.errors.nameRequired'];
    else if (codePoints(name) > MAX_NAME) errors.name = [{ key: 'people.form.errors.tooLong', values: { max: MAX_NAME } }];
    else patch.name = name;
  }

  const gender = isGender(draft.gender) ? draft.gender : null;
  if (gender !== person.gender) patch.gender = gender;

  const yearText = draft.birth_year.trim();
  if (yearText !== text(person.birth_year)) {
    if (yearText === '') patch.birth_year = null;
    else if (!/^\d{4}$/.test(yearText)) errors.birth_year = ['people.form.errors.birthYearFormat'];
    else {
      const year = Number(yearText);
      const bounds = birthYearBounds(options.currentYear);
      if (year < bounds.min || year > bounds.max) {
        errors.birth_year = [{ key: 'people.form.errors.birthYearRange', values: { ...bounds } }];
      } else if (year !== person.birth_year) patch.birth_year = year;
    }
  }

  const occupation = draft.occupation.trim();
  if (occupation !== (person.occupation ?? '')) {
    if (codePoints(occupation) > MAX_OCCUPATION) {
      errors.occupation = [{ key: 'people.form.errors.tooLong', values: { max: MAX_OCCUPATION } }];
    } else patch.occupation = occupation === '' ? null : occupation;
  }

  const phoneText = draft.phone.trim();
  if (phoneText !== (person.phone ?? '')) {
    if (phoneText === '') patch.phone = null;
    else {
      const phone = normalisePhone(phoneText);
      if (phone === null) errors.phone = ['people.form.errors.phone'];
      else if (phone !== person.phone) patch.phone = phone;
    }
  }

  if (removesNik(person, draft)) patch.nik = null;
  else if (isNewNik(person, draft)) {
    const nik = compactNik(draft.nik);
    if (!isValidNik(nik)) errors.nik = ['people.form.errors.nik'];
    else if (!draft.nik_consent) errors.nik_consent = ['people.form.errors.nikConsent'];
    else {
      patch.nik = nik;
      patch.nik_consent = true;
    }
  }

  if (draft.household !== null && person.categories !== undefined) {
    if (sourceTooLong(draft.household)) errors.categories = ['programmes.household.errors.too_long'];
    else {
      const categories = householdInput(draft.household);
      if (householdChanged(person.categories, categories)) patch.categories = categories;
    }
  }

  return { errors, input: Object.keys(errors).length === 0 ? patch : null };
}

/** The form field a server error names ("nik_consent", "/phone"); null when the form has none. */
export function personFieldOf(serverField: string): PersonField | null {
  const field = serverField.replace(/^\//, '');
  // "categories[1].since": the household categories answer as one.
  if (/^categories(\[|\.|$)/.test(field)) return 'categories';
  return (PERSON_FIELDS as readonly string[]).includes(field) ? (field as PersonField) : null;
}
