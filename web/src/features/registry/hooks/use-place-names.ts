import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { getPlace } from '../api/registry';
import { registryKeys } from '../api/keys';
import { missingNames } from '../types/drilldown';

type Named = { code: string; name: string };

function withNames(previous: ReadonlyMap<string, string>, entries: Iterable<Named>): ReadonlyMap<string, string> {
  let next: Map<string, string> | null = null;
  for (const { code, name } of entries) {
    if (previous.get(code) === name) continue;
    next ??= new Map(previous);
    next.set(code, name);
  }
  return next ?? previous;
}

/**
 * Names of regions by code, learnt from the area counts as the user drills down. After a
 * reload deep in the tree the ancestors' names are unknown; one GET /regions/{code} fills them
 * (if it fails, the breadcrumb shows the codes instead of names: still usable).
 */
export function usePlaceNames(region: string | null, ready: boolean) {
  const [learnt, setLearnt] = useState<ReadonlyMap<string, string>>(new Map());

  const learn = useCallback((entries: Iterable<Named>) => {
    setLearnt((previous) => withNames(previous, entries));
  }, []);

  const missing = ready && region !== null ? missingNames(region, learnt) : [];
  const wanted = missing.length > 0 ? region : null;
  const place = useQuery({
    queryKey: registryKeys.place(wanted ?? ''),
    queryFn: ({ signal }) => getPlace(wanted!, signal),
    enabled: wanted !== null,
    retry: false,
  });
  const found = wanted !== null ? place.data : undefined;
  const names = useMemo(
    () => (found ? withNames(learnt, found.path.length > 0 ? found.path : [found]) : learnt),
    [learnt, found],
  );

  return { names, learn };
}
