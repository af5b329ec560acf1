// The registry as the API contract (issue 3) describes it: people, enterprises, the
// counts per area, and the audit history of a record.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export { SECTORS, isSectorCode, type SectorCode } from '../../../lib/sectors';

export type Sector = Schemas['Sector'];

export type Scale = Schemas['Scale'];
export const SCALES = valuesOf<Scale>()(['micro', 'small', 'medium', 'large']);
export type ScaleCriterion = NonNullable<Schemas['Enterprise']['scale_criterion']>;

export type EnterpriseStatus = Schemas['EnterpriseStatus'];
export const STATUSES = valuesOf<EnterpriseStatus>()(['active', 'closed']);

/** A person's gender when it is known (the spec's Gender also holds null, for not recorded). */
export type Gender = NonNullable<Schemas['Gender']>;
export const GENDERS = valuesOf<Gender>()(['female', 'male']);

export type Person = Schemas['Person'];
export type Enterprise = Schemas['Enterprise'];

export type EnterprisePage = Schemas['EnterprisePage'];
export type PersonPage = Schemas['PersonPage'];

export type ScaleCounts = Schemas['AreaScaleCounts'];
export type AreaCount = Schemas['AreaCount'];

/** GET /enterprises/areas: counts per child area of `region` (provinces when region is null). */
export type AreaReport = Schemas['AreaCounts'];

/** One audit entry: who (`actor`, null for the system) changed what, with the record before and after. */
export type AuditEntry = Schemas['AuditEntry'];

export type AuditPage = Schemas['AuditPage'];

/** A stakeholder as the steward picker (admin only) needs it. */
export type StewardOption = Pick<Schemas['Stakeholder'], 'id' | 'name'>;

/** Body of POST /people, and of the `owner` object inside POST /enterprises. */
export type PersonInput = Schemas['PersonInput'];

/**
 * Body of POST /enterprises as the form builds it, field by field (validateDraft fills every
 * field the spec requires before it returns one); PATCH takes any subset but `owner`, null
 * clearing an optional field.
 */
export type EnterpriseInput = Partial<Schemas['EnterpriseInput']>;


export function isScale(value: string): value is Scale {
  return (SCALES as readonly string[]).includes(value);
}

export function isStatus(value: string): value is EnterpriseStatus {
  return (STATUSES as readonly string[]).includes(value);
}
