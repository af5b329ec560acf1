/** One page of a list as every gotong list endpoint answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The API's largest page size. */
export const MAX_PAGE_SIZE = 200;
