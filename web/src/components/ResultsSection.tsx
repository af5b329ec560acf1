import { type ReactNode, useId } from 'react';
import type { Page } from '../lib/page';
import { Alert } from './Alert';
import { Pagination } from './Pagination';

/** What a list page knows of its one-page query (a TanStack Query result fits). */
interface PageQuery<T> {
  data: Page<T> | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

interface ResultsSectionProps<T> {
  /** The list's name, for screen readers: the section's hidden heading. */
  title: string;
  query: PageQuery<T>;
  /** "Memuat…" while the first page loads. */
  loading: string;
  /** "14.579 usaha": the count line once a page has come. */
  total: (total: number) => string;
  /** Said when the page has nothing: "Belum ada kelompok", or "Tidak ada yang cocok" with a filter. */
  empty: string;
  /** A refusal or failure of the query, in words. */
  problem: (error: unknown) => string;
  /** The count line's test id ("group-total"). */
  totalTestId: string;
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
  /** The page's rows: cards or a table. */
  children: (items: T[]) => ReactNode;
}

/**
 * The results of a list page (registry, groups, people, audit): the count, an error, "nothing
 * here", the rows and the pager, busy while the next page loads. A move of the pager puts the focus
 * back on the page's heading, where reading starts again.
 */
export function ResultsSection<T>({
  title,
  query,
  loading,
  total,
  empty,
  problem,
  totalTestId,
  limit,
  offset,
  onOffset,
  children,
}: ResultsSectionProps<T>) {
  const id = useId();
  const { data } = query;
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={query.isFetching}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {title}
      </h2>
      <p className="lead" role="status" data-testid={totalTestId}>
        {query.isFetching && !data ? loading : data ? total(data.total) : null}
      </p>
      {query.isError ? <Alert tone="error">{problem(query.error)}</Alert> : null}
      {data && data.items.length === 0 ? <p>{empty}</p> : null}
      {data && data.items.length > 0 ? children(data.items) : null}
      {data ? <Pagination total={data.total} limit={limit} offset={offset} onChange={onOffset} focusHeading /> : null}
    </section>
  );
}
