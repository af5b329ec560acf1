import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api-client';
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

const emptyOptions = (): PerLevel<Region[]> => ({ province: [], regency: [], district: [], village: [] });
const emptySelection = (): PerLevel<Region | null> => ({ province: null, regency: null, district: null, village: null });

function levelIndex(level: RegionLevel): number {
  return REGION_LEVELS.indexOf(level);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The deepest region chosen so far, or null. */
export function deepestSelected(selected: PerLevel<Region | null>): Region | null {
  for (let i = REGION_LEVELS.length - 1; i >= 0; i -= 1) {
    const region = selected[REGION_LEVELS[i]!];
    if (region) return region;
  }
  return null;
}

/**
 * The province → regency → district → village cascade. Every change starts a new
 * generation and aborts the previous one's requests, so a slow answer for an
 * earlier choice can never overwrite a later one.
 */
export function useRegionCascade(onSelect: (region: Region | null) => void) {
  const [state, setState] = useState<CascadeState>({
    options: emptyOptions(),
    selected: emptySelection(),
    loading: 'province',
    failed: false,
  });
  const controllerRef = useRef<AbortController | null>(null);
  const provincesRef = useRef<Region[]>([]);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  const begin = useCallback((): AbortSignal => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    return controller.signal;
  }, []);

  useEffect(() => {
    const signal = begin();
    listProvinces(signal).then(
      (provinces) => {
        provincesRef.current = provinces;
        setState((s) => ({ ...s, options: { ...s.options, province: provinces }, loading: null }));
      },
      (error: unknown) => {
        if (!isAbort(error)) setState((s) => ({ ...s, loading: null, failed: true }));
      },
    );
    return () => controllerRef.current?.abort();
  }, [begin]);

  /** A choice in one select ('' clears it). Deeper levels are cleared and the next one loaded. */
  const choose = useCallback(
    (level: RegionLevel, code: string) => {
      const index = levelIndex(level);
      const region = code ? (state.options[level].find((r) => r.code === code) ?? null) : null;
      const nextLevel = REGION_LEVELS[index + 1];
      const selected = { ...state.selected };
      const options = { ...state.options };
      selected[level] = region;
      for (const deeper of REGION_LEVELS.slice(index + 1)) {
        selected[deeper] = null;
        options[deeper] = [];
      }
      const loadNext = region !== null && region.has_children && nextLevel !== undefined;
      setState({ options, selected, loading: loadNext ? nextLevel : null, failed: false });
      onSelectRef.current(region ?? deepestSelected(selected));

      const signal = begin();
      if (loadNext && region && nextLevel) {
        listChildren(region.code, signal).then(
          (children) =>
            setState((s) => ({ ...s, options: { ...s.options, [nextLevel]: children }, loading: null })),
          (error: unknown) => {
            if (!isAbort(error)) setState((s) => ({ ...s, loading: null, failed: true }));
          },
        );
      }
    },
    [state, begin],
  );

  /**
   * Fills the whole cascade for a region found by search (or given by code): loads the
   * options of every level on its path, selects each ancestor, and the region itself.
   */
  const fill = useCallback(
    async (region: Region) => {
      const signal = begin();
      const path = region.path.length > 0 ? region.path : [{ code: region.code, name: region.name }];
      const depth = levelIndex(region.level);
      setState((s) => ({ ...s, loading: region.level, failed: false }));
      try {
        const parents = path.slice(0, depth).map((p) => p.code);
        const childLevel = REGION_LEVELS[depth + 1];
        const [provinces, lists, children] = await Promise.all([
          provincesRef.current.length > 0 ? provincesRef.current : listProvinces(signal),
          Promise.all(parents.map((code) => listChildren(code, signal))),
          region.has_children && childLevel ? listChildren(region.code, signal) : Promise.resolve([]),
        ]);
        provincesRef.current = provinces;
        setState(() => {
          const options = emptyOptions();
          const selected = emptySelection();
          options.province = provinces;
          lists.forEach((list, i) => {
            options[REGION_LEVELS[i + 1]!] = list;
          });
          if (childLevel) options[childLevel] = children;
          path.forEach((ref, i) => {
            const level = REGION_LEVELS[i]!;
            selected[level] = i === depth ? region : (options[level].find((r) => r.code === ref.code) ?? null);
          });
          return { options, selected, loading: null, failed: false };
        });
        onSelectRef.current(region);
      } catch (error) {
        if (!isAbort(error)) setState((s) => ({ ...s, loading: null, failed: true }));
      }
    },
    [begin],
  );

  /** Loads a region by its code (GET /regions/{code}) and fills the cascade with it. */
  const fillByCode = useCallback(
    async (code: string) => {
      try {
        const region = await api.get<Region>(`/regions/${encodeURIComponent(code)}`);
        await fill(region);
      } catch (error) {
        if (!isAbort(error)) setState((s) => ({ ...s, failed: true }));
      }
    },
    [fill],
  );

  const clear = useCallback(() => {
    begin();
    setState((s) => ({
      options: { ...emptyOptions(), province: s.options.province },
      selected: emptySelection(),
      loading: null,
      failed: false,
    }));
    onSelectRef.current(null);
  }, [begin]);

  return { state, choose, fill, fillByCode, clear };
}
