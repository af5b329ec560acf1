// Region names for the codes a programme's criteria hold (the regions feature's own calls are not
// this feature's to import).
import { api, withSignal } from '../../../lib/api-client';
import type { Schemas } from '../../../lib/api/schemas';

export const getRegion = (code: string, signal?: AbortSignal) =>
  api.get<Schemas['Region']>(`/regions/${encodeURIComponent(code)}`, withSignal(signal));
