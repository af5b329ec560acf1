
export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionRef {
  code: string;
  name: string;
}

/** A Kemendagri region as GET /api/v1/regions returns it. `path` runs province → region itself. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  has_children: boolean;
  path: RegionRef[];
}

export interface RegionPage {
  items: Region[];
  total: number;
  limit: number;
  offset: number;
}

