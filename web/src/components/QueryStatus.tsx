import { Alert } from './Alert';

/** What a section knows of its query (a TanStack Query result fits). */
interface QueryLike<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}

interface QueryStatusProps<T> {
  query: QueryLike<T>;
  /** A refusal or failure of the query, in words. */
  problem: (error: unknown) => string;
  /** "Memuat…" while the first answer is on its way. */
  loading: string;
  /** Said when the answer holds nothing; no line without it. */
  empty?: string;
  /** Whether the answer holds nothing; by default an empty array, or an empty `items` array. */
  isEmpty?: (data: T) => boolean;
}

/** An empty array, or an object whose `items` is an empty array. */
function holdsNothing(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === 'object' && data !== null && 'items' in data) return Array.isArray(data.items) && data.items.length === 0;
  return false;
}

/**
 * Before a section's items: a failure in words, "loading" while the first answer is on its way,
 * and `empty` when the answer holds nothing. A failed refetch keeps the last answer, so the error
 * can stand above the items; a refetch after a failure shows the error and "loading" together.
 */
export function QueryStatus<T>({ query, problem, loading, empty, isEmpty = holdsNothing }: QueryStatusProps<T>) {
  const { data } = query;
  return (
    <>
      {query.isError ? <Alert tone="error">{problem(query.error)}</Alert> : null}
      {query.isFetching && !data ? <p role="status">{loading}</p> : null}
      {empty !== undefined && data && isEmpty(data) ? <p>{empty}</p> : null}
    </>
  );
}
