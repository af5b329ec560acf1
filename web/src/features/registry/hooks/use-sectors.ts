import { useResource } from '../../../lib/use-resource';
import { listSectors } from '../api/registry';
import { SECTORS } from '../types';

/**
 * The sector codes in the server's order (GET /sectors). Until they arrive, or if they cannot
 * be loaded, the contract's fixed list stands in, so a filter or form is never left without them.
 */
export function useSectors(): string[] {
  const sectors = useResource('sectors', (signal) => listSectors(signal));
  return sectors.data?.items.map((s) => s.code) ?? [...SECTORS];
}
