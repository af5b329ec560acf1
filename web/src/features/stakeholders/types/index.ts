// Stakeholders of the quadruple helix: government, business, academia and civil society.
import type { ParseKeys } from 'i18next';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export type Helix = Schemas['Helix'];
export const HELICES = valuesOf<Helix>()(['government', 'business', 'academia', 'civil_society']);

export type Kind = Schemas['StakeholderKind'];
export const KINDS = valuesOf<Kind>()([
  'agency',
  'bank',
  'soe',
  'csr_unit',
  'university',
  'ngo',
  'community',
  'zakat_institution',
  'media',
]);

export type Stakeholder = Schemas['Stakeholder'];

export type StakeholderPage = Schemas['StakeholderPage'];

/** Body of POST /stakeholders as the form builds it; PATCH takes any subset of it. */
export type StakeholderInput = Partial<Schemas['StakeholderInput']>;

export function isHelix(value: string): value is Helix {
  return (HELICES as readonly string[]).includes(value);
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export interface HelixGroup {
  helix: Helix;
  items: Stakeholder[];
}

/** Every helix in its fixed order, each with its stakeholders sorted by name; empty groups stay. */
export function groupByHelix(items: readonly Stakeholder[], collator = new Intl.Collator('id')): HelixGroup[] {
  return HELICES.map((helix) => ({
    helix,
    items: items.filter((s) => s.helix === helix).sort((a, b) => collator.compare(a.name, b.name)),
  }));
}

export interface StakeholderDraft {
  name: string;
  helix: '' | Helix;
  kind: '' | Kind;
  region_code: string | null;
  contact: string;
}

export type StakeholderField = 'name' | 'helix' | 'kind' | 'region_code' | 'contact';
export type StakeholderErrors = Partial<Record<StakeholderField, ParseKeys<'translation'>[]>>;

export function emptyStakeholderDraft(): StakeholderDraft {
  return { name: '', helix: '', kind: '', region_code: null, contact: '' };
}

export function draftFromStakeholder(s: Stakeholder): StakeholderDraft {
  return { name: s.name, helix: s.helix, kind: s.kind, region_code: s.region_code, contact: s.contact ?? '' };
}

/** The server's limits on text, in characters. */
export const MAX_NAME = 200;
export const MAX_CONTACT = 500;

/** Name, helix and kind are required; the region and contact may stay empty. */
export function validateStakeholder(draft: StakeholderDraft): { errors: StakeholderErrors; input: StakeholderInput | null } {
  const errors: StakeholderErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = ['stakeholders.form.nameRequired'];
  else if ([...name].length > MAX_NAME) errors.name = ['stakeholders.form.nameTooLong'];
  if ([...draft.contact.trim()].length > MAX_CONTACT) errors.contact = ['stakeholders.form.contactTooLong'];
  if (draft.helix === '') errors.helix = ['stakeholders.form.helixRequired'];
  if (draft.kind === '') errors.kind = ['stakeholders.form.kindRequired'];
  if (Object.keys(errors).length > 0 || draft.helix === '' || draft.kind === '') return { errors, input: null };
  return {
    errors,
    input: {
      name,
      helix: draft.helix,
      kind: draft.kind,
      region_code: draft.region_code || null,
      contact: draft.contact.trim() || null,
    },
  };
}

/** Only what changed, for PATCH; the full input for a new stakeholder. */
export function stakeholderPatch(original: Stakeholder, input: StakeholderInput): StakeholderInput {
  const patch: StakeholderInput = {};
  if (input.name !== original.name) patch.name = input.name;
  if (input.helix !== original.helix) patch.helix = input.helix;
  if (input.kind !== original.kind) patch.kind = input.kind;
  if ((input.region_code ?? null) !== original.region_code) patch.region_code = input.region_code ?? null;
  if ((input.contact ?? null) !== original.contact) patch.contact = input.contact ?? null;
  return patch;
}
