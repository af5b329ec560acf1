import type { ReactNode } from 'react';
import type { Page } from '../lib/page';
import { Pagination } from './Pagination';
import { QueryStatus } from './QueryStatus';

/** What a section knows of its one-page query (a TanStack Query result fits). */
interface PageQuery<T> {
  data: Page<T> | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}

interface RecordListProps<T> {
  query: PageQuery<T>;
  /** A refusal or failure of the query, in words. */
  problem: (error: unknown) => string;
  /** "Memuat…" while the first page is on its way. */
  loading: string;
  /** Said when the page holds nothing. */
  empty: string;
  /** The list's test id ("meeting-list"). */
  testId: string;
  /** The list's class: "record-list" unless a section lays its records out otherwise. */
  className?: string;
  /** The pager under the list; a section that shows one page only leaves it out. */
  paging?: { limit: number; offset: number; onChange: (offset: number) => void };
  /** One record's item, with its key. */
  children: (item: T) => ReactNode;
}

/**
 * The records of a section's card (meetings, orders, posts, purchases, a programme's ledger): the
 * query's state in words, the page's records as a list when it holds any, and the pager.
 */
export function RecordList<T>({ query, problem, loading, empty, testId, className = 'record-list', paging, children }: RecordListProps<T>) {
  const { data } = query;
  return (
    <>
      <QueryStatus query={query} problem={problem} loading={loading} empty={empty} />
      {data && data.items.length > 0 ? (
        <ul className={className} data-testid={testId}>
          {data.items.map((item) => children(item))}
        </ul>
      ) : null}
      {data && paging ? <Pagination total={data.total} limit={paging.limit} offset={paging.offset} onChange={paging.onChange} /> : null}
    </>
  );
}
