import type { Schemas } from './api/schemas';

/** One page of a list as every gotong list endpoint answers it: the spec's PageMeta and the items. */
export type Page<T> = Schemas['PageMeta'] & { items: T[] };

/** The API's largest page size. */
export const MAX_PAGE_SIZE = 200;
