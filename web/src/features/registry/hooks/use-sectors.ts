import { SECTORS } from '../types';
import { useSectorList } from './use-registry-queries';

/**
 * The sector codes in the server's order (GET /sectors). Until they arrive, or if they cannot
 * be loaded, the contract's fixed list stands in, so a filter or form is never left without them.
 */
export function useSectors(): string[] {
  const sectors = useSectorList();
  return sectors.data?.items.map((s) => s.code) ?? [...SECTORS];
}
