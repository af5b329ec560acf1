import { useQueries } from '@tanstack/react-query';
import { getRegion } from '../api/regions';

/** The names of some region codes, as they arrive; a code stands for itself meanwhile. */
export function useRegionNames(codes: readonly string[]): (code: string) => string {
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['programmes', 'region', code] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => getRegion(code, signal),
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, i) => {
    if (result.data) names.set(codes[i]!, result.data.name);
  });
  return (code) => names.get(code) ?? code;
}
