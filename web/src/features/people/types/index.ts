// People in the registry (enterprise owners) as the API contract describes them (GET/PATCH
// /people/{id}, GET /people, GET /people/{id}/history): who may change a record, and a person's age.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import type { Role } from '../../../lib/user';

export type Person = Schemas['Person'];
export type PersonPage = Schemas['PersonPage'];
/** Body of PATCH /people/{id}: any subset of the fields; `null` clears one, `"nik": null` removes the NIK and its consent. */
export type PersonPatch = Schemas['PersonPatch'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type Stakeholder = Schemas['Stakeholder'];

/** A person's gender when it is known (the spec's Gender also holds null, for not recorded). */
export type Gender = NonNullable<Schemas['Gender']>;
export const GENDERS = valuesOf<Gender>()(['female', 'male']);

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}

/** The signed-in user as the people pages need her: her role, and the stakeholder an officer works for. */
export interface Viewer {
  role: Role;
  /** The stakeholder of an officer's scope; null for anyone else. */
  stakeholderId: number | null;
}

/**
 * Whether the viewer may change the person's record, as the server decides it: an admin always,
 * an officer only when her stakeholder keeps the record (its steward), nobody else.
 */
export function mayEdit(viewer: Viewer, person: Pick<Person, 'steward_id'>): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'officer' && viewer.stakeholderId !== null && person.steward_id === viewer.stakeholderId;
}

/** The age a person born in `birthYear` reaches in `year` (only the year of birth is known). */
export function ageIn(birthYear: number, year: number): number {
  return year - birthYear;
}
