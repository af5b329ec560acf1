// The browse page's reads. The official list does not change while the app runs: what was read
// once (by this page or by a region picker) is not read again.
import { useQuery } from '@tanstack/react-query';
import { regionKeys } from '../api/keys';
import { getRegion, getRegionDataLoad, listChildren, listProvinces } from '../api/regions';
import type { Region } from '../types';
import { childLevelOf } from '../types/browse';

const FOREVER = Number.POSITIVE_INFINITY;

/** The region the page is at (null: the whole country, nothing to read). */
export function useRegion(code: string | null) {
  return useQuery({
    queryKey: regionKeys.one(code ?? ''),
    queryFn: ({ signal }) => getRegion(code!, signal),
    enabled: code !== null,
    staleTime: FOREVER,
  });
}

/** The regions one level below `region` (the provinces below the whole country); none below a village. */
export function useRegionChildren(region: Region | null, enabled: boolean) {
  const level = childLevelOf(region);
  return useQuery({
    // The same key as the picker's lists: a level read there is not read again here.
    queryKey: regionKeys.level(level ?? 'none', region?.code ?? ''),
    queryFn: ({ signal }) => (region ? listChildren(region.code, signal) : listProvinces(signal)),
    enabled: enabled && level !== null && (region === null || region.has_children),
    staleTime: FOREVER,
  });
}

export function useRegionDataLoad() {
  return useQuery({ queryKey: regionKeys.dataLoad(), queryFn: ({ signal }) => getRegionDataLoad(signal) });
}
