import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export type RegionLevel = Schemas['Region']['level'];
export const REGION_LEVELS = valuesOf<RegionLevel>()(['province', 'regency', 'district', 'village']);

export type RegionRef = Schemas['RegionPathItem'];

/** A Kemendagri region as GET /api/v1/regions returns it. `path` runs province → region itself. */
export type Region = Schemas['Region'];

export type RegionPage = Schemas['RegionPage'];


/** An audit log entry: the regions' load is recorded there (see types/browse.ts). */
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
