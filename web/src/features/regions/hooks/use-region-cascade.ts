import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api-client';
import { regionKeys } from '../api/keys';
import { listChildren, listProvinces } from '../api/regions';
import { REGION_LEVELS, type Region, type RegionLevel } from '../types';

type PerLevel<T> = Record<RegionLevel, T>;

export interface CascadeState {
  options: PerLevel<Region[]>;
  selected: PerLevel<Region | null>;
  /** The level whose options are being loaded, if any. */
  loading: RegionLevel | null;
  failed: boolean;
}

const emptySelection = (): PerLevel<Region | null> => ({ province: null, regency: null, district: null, village: null });

/** The official lists never change while the app runs. */
const FOREVER = Number.POSITIVE_INFINITY;

/** The deepest region chosen so far, or null. */
export function deepestSelected(selected: PerLevel<Region | null>): Region | null {
  for (let i = REGION_LEVELS.length - 1; i >= 0; i -= 1) {
    const region = selected[REGION_LEVELS[i]!];
    if (region) return region;
  }
  return null;
}

/** Each region on `region`'s path, by level: its ancestors as the path names them, then itself. */
function selectionAlong(region: Region): PerLevel<Region | null> {
  const selected = emptySelection();
  const path = region.path.length > 0 ? region.path : [{ code: region.code, name: region.name }];
  path.forEach((place, i) => {
    const level = REGION_LEVELS[i]!;
    selected[level] =
      place.code === region.code
        ? region
        : {
            code: place.code,
            name: place.name,
            level,
            parent_code: i === 0 ? null : path[i - 1]!.code,
            has_children: true,
            path: path.slice(0, i + 1),
          };
  });
  return selected;
}

/** The levels' option queries as the cascade shows them; stable while their data is. */
function combineLevels(results: UseQueryResult<Region[]>[]) {
  const options = {} as PerLevel<Region[]>;
  REGION_LEVELS.forEach((level, i) => {
    options[level] = results[i]!.data ?? [];
  });
  const loadingIndex = results.findIndex((list) => list.isFetching && list.data === undefined);
  return {
    options,
    loading: loadingIndex >= 0 ? REGION_LEVELS[loadingIndex]! : null,
    failed: results.some((list) => list.isError),
  };
}

/**
 * The province → regency → district → village cascade. Only the choice per level is this
 * hook's state; each level's options are a query keyed by its parent, so an answer for an
 * earlier choice lands in its own cache entry and can never overwrite a later one.
 */
export function useRegionCascade(onSelect: (region: Region | null) => void) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(emptySelection);
  const [fillFailed, setFillFailed] = useState(false);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  const lists = useQueries({
    combine: combineLevels,
    queries: REGION_LEVELS.map((level, index) => {
      const parent = index === 0 ? null : selected[REGION_LEVELS[index - 1]!];
      return {
        queryKey: regionKeys.level(level, parent?.code ?? ''),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          parent ? listChildren(parent.code, signal) : listProvinces(signal),
        enabled: index === 0 || (parent !== null && parent.has_children),
        staleTime: FOREVER,
      };
    }),
  });
  const { options } = lists;
  const state: CascadeState = { ...lists, selected, failed: fillFailed || lists.failed };

  /** A choice in one select ('' clears it). Deeper levels are cleared and the next one loaded. */
  const choose = useCallback(
    (level: RegionLevel, code: string) => {
      const index = REGION_LEVELS.indexOf(level);
      const region = code ? (options[level].find((r) => r.code === code) ?? null) : null;
      const next = { ...selected, [level]: region };
      for (const deeper of REGION_LEVELS.slice(index + 1)) next[deeper] = null;
      setSelected(next);
      setFillFailed(false);
      onSelectRef.current(region ?? deepestSelected(next));
    },
    [options, selected],
  );

  /** Fills the whole cascade for a region found by search (or given by code). */
  const fill = useCallback((region: Region) => {
    setSelected(selectionAlong(region));
    setFillFailed(false);
    onSelectRef.current(region);
  }, []);

  /** Loads a region by its code (GET /regions/{code}) and fills the cascade with it. */
  const fillByCode = useCallback(
    async (code: string) => {
      try {
        const region = await queryClient.fetchQuery({
          queryKey: regionKeys.one(code),
          queryFn: ({ signal }) => api.get<Region>(`/regions/${encodeURIComponent(code)}`, { signal }),
          staleTime: FOREVER,
        });
        fill(region);
      } catch {
        setFillFailed(true);
      }
    },
    [queryClient, fill],
  );

  const clear = useCallback(() => {
    setSelected(emptySelection());
    setFillFailed(false);
    onSelectRef.current(null);
  }, []);

  return { state, choose, fill, fillByCode, clear };
}
