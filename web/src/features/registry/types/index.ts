// The registry as the API contract (issue 3) describes it: people, enterprises, the
// counts per area, and the audit history of a record.
import type { Page } from '../../../lib/page';
import type { Place, PlaceLevel } from '../../../lib/places';

export const SECTORS = [
  'batik',
  'food_processing',
  'beverages',
  'fashion',
  'crafts',
  'agriculture',
  'fisheries',
  'trade',
  'culinary',
  'accommodation',
  'services',
] as const;
export type SectorCode = (typeof SECTORS)[number];

export interface Sector {
  code: string;
  kbli: string;
}

export const SCALES = ['micro', 'small', 'medium', 'large'] as const;
export type Scale = (typeof SCALES)[number];
export type ScaleCriterion = 'turnover' | 'capital';

export const STATUSES = ['active', 'closed'] as const;
export type EnterpriseStatus = (typeof STATUSES)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export interface Person {
  id: number;
  name: string;
  gender: Gender | null;
  birth_year: number | null;
  phone: string | null;
  village_code: string | null;
  village: Place | null;
  nik: string | null;
  nik_masked: boolean;
  nik_consent_at: string | null;
  steward_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface Enterprise {
  id: number;
  owner: { id: number; name: string; gender: Gender | null };
  name: string;
  sector: string;
  kbli: string;
  products: string | null;
  business_centre: string | null;
  village_code: string;
  village: Place | null;
  founded_year: number | null;
  employees: number | null;
  capital: number | null;
  turnover: number | null;
  nib: string | null;
  status: EnterpriseStatus;
  scale: Scale | null;
  scale_criterion: ScaleCriterion | null;
  verified_at: string | null;
  verified_by: { id: number; username: string } | null;
  stale: boolean;
  steward_id: number | null;
  created_at: string;
  updated_at: string;
}

export type EnterprisePage = Page<Enterprise>;
export type PersonPage = Page<Person>;

export interface ScaleCounts {
  micro: number;
  small: number;
  medium: number;
  large: number;
  unknown: number;
}

export interface AreaCount {
  code: string;
  name: string;
  level: PlaceLevel;
  total: number;
  stale: number;
  by_scale: ScaleCounts;
}

/** GET /enterprises/areas: counts per child area of `region` (provinces when region is null). */
export interface AreaReport {
  region: { code: string; name: string; level: PlaceLevel } | null;
  total: number;
  stale: number;
  areas: AreaCount[];
}

/** One audit entry. The contract names actor_id/actor_username; /audit sends actor {id, username}. */
export interface AuditEntry {
  id: number;
  at: string;
  actor?: { id: number; username: string } | null;
  actor_id?: number | null;
  actor_username?: string | null;
  entity: string;
  entity_id: string | number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id?: string;
}

export type AuditPage = Page<AuditEntry>;

/** A stakeholder as the steward picker (admin only) needs it. */
export interface StewardOption {
  id: number;
  name: string;
}

/** Body of POST /people, and of the `owner` object inside POST /enterprises. */
export interface PersonInput {
  name: string;
  gender?: Gender | null;
  birth_year?: number | null;
  phone?: string | null;
  village_code?: string | null;
  nik?: string | null;
  nik_consent?: boolean;
}

/** Body of POST /enterprises; PATCH takes any subset, null clearing an optional field. */
export interface EnterpriseInput {
  owner_id?: number;
  owner?: PersonInput;
  name?: string;
  sector?: string;
  products?: string | null;
  business_centre?: string | null;
  village_code?: string;
  founded_year?: number | null;
  employees?: number | null;
  capital?: number | null;
  turnover?: number | null;
  nib?: string | null;
  status?: EnterpriseStatus;
  steward_id?: number | null;
}

export function isSectorCode(value: string): value is SectorCode {
  return (SECTORS as readonly string[]).includes(value);
}

export function isScale(value: string): value is Scale {
  return (SCALES as readonly string[]).includes(value);
}

export function isStatus(value: string): value is EnterpriseStatus {
  return (STATUSES as readonly string[]).includes(value);
}
