import { useCallback, useEffect, useState } from 'react';
import { getPlace } from '../api/registry';
import { missingNames } from '../types/drilldown';

/**
 * Names of regions by code, learnt from the area counts as the user drills down. After a
 * reload deep in the tree the ancestors' names are unknown; one GET /regions/{code} fills them.
 */
export function usePlaceNames(region: string | null, ready: boolean) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());

  const learn = useCallback((entries: Iterable<{ code: string; name: string }>) => {
    setNames((previous) => {
      let next: Map<string, string> | null = null;
      for (const { code, name } of entries) {
        if (previous.get(code) === name) continue;
        next ??= new Map(previous);
        next.set(code, name);
      }
      return next ?? previous;
    });
  }, []);

  const missing = ready && region !== null ? missingNames(region, names) : [];
  const wanted = missing.length > 0 ? region : null;

  useEffect(() => {
    if (wanted === null) return undefined;
    const controller = new AbortController();
    getPlace(wanted, controller.signal).then(
      (place) => learn(place.path.length > 0 ? place.path : [place]),
      () => {
        // The codes stay visible in the breadcrumb instead of names: still usable.
      },
    );
    return () => controller.abort();
  }, [wanted, learn]);

  return { names, learn };
}
