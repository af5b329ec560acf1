// Places as records carry them (an enterprise's village, a stakeholder's region) and the
// slot through which the app hands the regions feature's picker to other features: a
// feature cannot import another feature, so forms receive the picker as a component.
import type { ComponentType } from 'react';
import { valuesOf, type Schemas } from './api/schemas';

export type PlaceLevel = Schemas['Region']['level'];
export const PLACE_LEVELS = valuesOf<PlaceLevel>()(['province', 'regency', 'district', 'village']);

export type PlaceRef = Schemas['RegionPathItem'];

/** A region embedded in a record: `path` runs from the province down to the place itself. */
export type Place = Schemas['Place'];

/** The level a Kemendagri code names by its parts: "35" province … "35.79.01.2001" village. */
export function levelOfCode(code: string): PlaceLevel {
  const parts = code.split('.').length;
  return PLACE_LEVELS[Math.min(Math.max(parts, 1), PLACE_LEVELS.length) - 1]!;
}

/** "35.79.01.2001" → ["35", "35.79", "35.79.01"]: the codes of every ancestor, province first. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** "Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur": the place first, the province last. */
export function formatPlacePath(place: Pick<Place, 'name' | 'path'>): string {
  const names = place.path.length > 0 ? place.path.map((p) => p.name) : [place.name];
  return [...names].reverse().join(' › ');
}

/** What a region picker reports: the deepest chosen region. */
export type PickedRegion = Place;

export interface RegionPickerSlotProps {
  value?: string | null;
  onChange: (code: string | null, region: PickedRegion | null) => void;
  label?: string;
  hideLabel?: boolean;
}

/** The regions feature's RegionPicker, passed in by the app layer. */
export type RegionPickerSlot = ComponentType<RegionPickerSlotProps>;
