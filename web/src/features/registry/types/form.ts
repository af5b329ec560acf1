// The enterprise form (create and edit share it): what the user typed, the checks the
// server also makes (so mistakes show before sending), and the request body it becomes.
import type { ParseKeys } from 'i18next';
import { isValidNik, normalisePhone } from '../../../lib/person';
import { levelOfCode } from '../../../lib/places';
import { formatAmountInput, parseRupiah } from '../../../lib/rupiah';
import { isSectorCode, type Enterprise, type EnterpriseInput, type EnterpriseStatus, type Gender, type PersonInput } from './index';

export type TranslationKey = ParseKeys<'translation'>;

/** A message to show, as an i18n key with its values, so the rules stay testable without i18n. */
export interface Problem {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

export interface OwnerDraft {
  name: string;
  gender: '' | Gender;
  birth_year: string;
  phone: string;
  nik: string;
  nik_consent: boolean;
}

export interface EnterpriseDraft {
  owner_mode: 'existing' | 'new';
  owner: { id: number; name: string } | null;
  new_owner: OwnerDraft;
  name: string;
  sector: string;
  products: string;
  business_centre: string;
  village_code: string | null;
  founded_year: string;
  employees: string;
  capital: string;
  turnover: string;
  nib: string;
  status: EnterpriseStatus;
  /** '' for no steward; only an admin chooses it. */
  steward_id: string;
}

export const OWNER_FIELDS = ['name', 'gender', 'birth_year', 'phone', 'nik', 'nik_consent'] as const;
export const ENTERPRISE_FIELDS = [
  'name',
  'sector',
  'products',
  'business_centre',
  'village_code',
  'founded_year',
  'employees',
  'capital',
  'turnover',
  'nib',
  'status',
  'steward_id',
] as const;

export type DraftField =
  | 'owner_id'
  | `owner.${(typeof OWNER_FIELDS)[number]}`
  | (typeof ENTERPRISE_FIELDS)[number];

export type DraftErrors = Partial<Record<DraftField, Problem[]>>;

export const MIN_YEAR = 1900;
export const MAX_EMPLOYEES = 100_000;
/** The server's limits on text, in characters. */
export const MAX_PERSON_NAME = 120;
export const MAX_NAME = 200;
export const MAX_PRODUCTS = 500;
export const MAX_BUSINESS_CENTRE = 200;

export function emptyOwnerDraft(): OwnerDraft {
  return { name: '', gender: '', birth_year: '', phone: '', nik: '', nik_consent: false };
}

export function emptyDraft(): EnterpriseDraft {
  return {
    owner_mode: 'existing',
    owner: null,
    new_owner: emptyOwnerDraft(),
    name: '',
    sector: '',
    products: '',
    business_centre: '',
    village_code: null,
    founded_year: '',
    employees: '',
    capital: '',
    turnover: '',
    nib: '',
    status: 'active',
    steward_id: '',
  };
}

const text = (value: number | null): string => (value === null ? '' : String(value));
const amount = (value: number | null): string => (value === null ? '' : formatAmountInput(value));

/** The form opened on a saved enterprise. */
export function draftFromEnterprise(enterprise: Enterprise): EnterpriseDraft {
  return {
    ...emptyDraft(),
    owner: { id: enterprise.owner.id, name: enterprise.owner.name },
    name: enterprise.name,
    sector: enterprise.sector,
    products: enterprise.products ?? '',
    business_centre: enterprise.business_centre ?? '',
    village_code: enterprise.village_code,
    founded_year: text(enterprise.founded_year),
    employees: text(enterprise.employees),
    capital: amount(enterprise.capital),
    turnover: amount(enterprise.turnover),
    nib: enterprise.nib ?? '',
    status: enterprise.status,
    steward_id: text(enterprise.steward_id),
  };
}

const codePoints = (value: string) => [...value].length;

/** A whole number as typed, "12" or "1.200"; null when it is not one. */
export function parseWholeNumber(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(trimmed)) return null;
  const number = Number(trimmed.replace(/\./g, ''));
  return Number.isSafeInteger(number) ? number : null;
}

/** Nomor Induk Berusaha: exactly 13 digits. */
export function isValidNib(value: string): boolean {
  return /^\d{13}$/.test(value);
}

const withoutSpaces = (value: string) => value.replace(/[\s-]/g, '');

export interface ValidateOptions {
  currentYear: number;
  /** An admin may choose the steward; for everyone else the server decides. */
  canSetSteward: boolean;
}

export interface Validated {
  errors: DraftErrors;
  /** The full request body when there are no errors. */
  input: EnterpriseInput | null;
}

/** Checks the draft as the server would and builds the POST body from it. */
export function validateDraft(draft: EnterpriseDraft, options: ValidateOptions): Validated {
  const errors: DraftErrors = {};
  const add = (field: DraftField, problem: Problem) => {
    (errors[field] ??= []).push(problem);
  };
  const input: EnterpriseInput = {};

  const year = (field: DraftField, value: string): number | null => {
    if (value.trim() === '') return null;
    const number = parseWholeNumber(value);
    if (number === null || number < MIN_YEAR || number > options.currentYear) {
      add(field, { key: 'registry.form.errors.year', values: { min: MIN_YEAR, max: options.currentYear } });
      return null;
    }
    return number;
  };

  const rupiah = (field: DraftField, value: string): number | null => {
    if (value.trim() === '') return null;
    const parsed = parseRupiah(value);
    if (parsed.ok) return parsed.value;
    add(field, { key: `amount.${parsed.problem}` });
    return null;
  };

  // The owner: someone already registered, or a new person created together with the business.
  if (draft.owner_mode === 'existing') {
    if (draft.owner) input.owner_id = draft.owner.id;
    else add('owner_id', { key: 'registry.form.errors.ownerRequired' });
  } else {
    const owner = draft.new_owner;
    const person: PersonInput = { name: owner.name.trim() };
    if (person.name === '') add('owner.name', { key: 'registry.form.errors.ownerNameRequired' });
    else if (codePoints(person.name) > MAX_PERSON_NAME) {
      add('owner.name', { key: 'registry.form.errors.tooLong', values: { max: MAX_PERSON_NAME } });
    }
    if (owner.gender) person.gender = owner.gender;
    const birthYear = year('owner.birth_year', owner.birth_year);
    if (birthYear !== null) person.birth_year = birthYear;
    if (owner.phone.trim() !== '') {
      const phone = normalisePhone(owner.phone);
      if (phone === null) add('owner.phone', { key: 'registry.form.errors.phone' });
      else person.phone = phone;
    }
    const nik = withoutSpaces(owner.nik);
    if (nik !== '') {
      if (!isValidNik(nik)) add('owner.nik', { key: 'registry.form.errors.nik' });
      else if (!owner.nik_consent) add('owner.nik_consent', { key: 'registry.form.errors.nikConsent' });
      else {
        person.nik = nik;
        person.nik_consent = true;
      }
    }
    input.owner = person;
  }

  const tooLong = (field: DraftField, value: string, max: number) => {
    if (codePoints(value) <= max) return false;
    add(field, { key: 'registry.form.errors.tooLong', values: { max } });
    return true;
  };

  input.name = draft.name.trim();
  if (input.name === '') add('name', { key: 'registry.form.errors.nameRequired' });
  else tooLong('name', input.name, MAX_NAME);
  if (!isSectorCode(draft.sector)) add('sector', { key: 'registry.form.errors.sectorRequired' });
  else input.sector = draft.sector;
  input.products = draft.products.trim() || null;
  if (input.products) tooLong('products', input.products, MAX_PRODUCTS);
  input.business_centre = draft.business_centre.trim() || null;
  if (input.business_centre) tooLong('business_centre', input.business_centre, MAX_BUSINESS_CENTRE);

  if (draft.village_code === null || draft.village_code === '') {
    add('village_code', { key: 'registry.form.errors.villageRequired' });
  } else if (levelOfCode(draft.village_code) !== 'village') {
    add('village_code', { key: 'registry.form.errors.villageLevel' });
  } else {
    input.village_code = draft.village_code;
  }

  input.founded_year = year('founded_year', draft.founded_year);
  if (draft.employees.trim() === '') input.employees = null;
  else {
    const employees = parseWholeNumber(draft.employees);
    if (employees === null || employees > MAX_EMPLOYEES) {
      add('employees', { key: 'registry.form.errors.employees', values: { max: MAX_EMPLOYEES } });
    } else input.employees = employees;
  }
  input.capital = rupiah('capital', draft.capital);
  input.turnover = rupiah('turnover', draft.turnover);

  const nib = withoutSpaces(draft.nib);
  if (nib === '') input.nib = null;
  else if (!isValidNib(nib)) add('nib', { key: 'registry.form.errors.nib' });
  else input.nib = nib;

  input.status = draft.status;
  if (options.canSetSteward) input.steward_id = draft.steward_id === '' ? null : Number(draft.steward_id);

  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}

/** POST /enterprises: optional fields left empty are simply not sent. */
export function createBody(input: EnterpriseInput): EnterpriseInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}

/**
 * PATCH /enterprises/{id}: only what changed; null clears an optional field. The server changes
 * an existing enterprise's owner only by owner_id, so a new owner is created first (POST /people)
 * and its id given here.
 */
export function patchBody(original: Enterprise, input: EnterpriseInput): EnterpriseInput {
  const patch: EnterpriseInput = {};
  if (input.owner_id !== undefined && input.owner_id !== original.owner.id) patch.owner_id = input.owner_id;
  const saved: Record<string, unknown> = original;
  for (const field of ENTERPRISE_FIELDS) {
    if (!(field in input)) continue;
    const value = input[field];
    if ((saved[field] ?? null) !== (value ?? null)) (patch as Record<string, unknown>)[field] = value;
  }
  return patch;
}

/**
 * The form field a server error names. The server may name the new owner's fields as
 * "owner.name", "owner/name", "owner[name]" or "owner_name"; all land on the same field.
 */
export function draftFieldOf(serverField: string): DraftField | null {
  const field = serverField.replace(/^\//, '').replace(/[/[]/g, '.').replace(/\]/g, '');
  if (field === 'owner' || field === 'owner_id') return 'owner_id';
  const ownerPart = field.startsWith('owner.') ? field.slice(6) : field.startsWith('owner_') ? field.slice(6) : null;
  if (ownerPart !== null) {
    return (OWNER_FIELDS as readonly string[]).includes(ownerPart) ? (`owner.${ownerPart}` as DraftField) : null;
  }
  return (ENTERPRISE_FIELDS as readonly string[]).includes(field) ? (field as DraftField) : null;
}
