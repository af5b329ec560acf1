import { useSearchParams } from 'react-router';
import { useDraft } from './use-draft';

/** What every list kept in the address filters by: a search (`q`) and the page (`offset`). */
interface ListFilters {
  q: string;
  offset: number;
}

/**
 * A list's filters kept in the address, read and written with the feature's own `from` and `to`,
 * and the text of its search box, which follows the address (back, forward, a link) while typing
 * stays local. `apply` changes filters from the first page, with what the box says; `setFilters`
 * sets them as given (another page, no filters); `searchBox` is what a SearchForm needs.
 */
export function useAddressFilters<Filters extends ListFilters>(
  from: (params: URLSearchParams) => Filters,
  to: (filters: Filters) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const filters = from(params);
  const [query, setQuery] = useDraft(filters.q);
  const setFilters = (next: Filters) => setParams(to(next));
  const apply = (change: Partial<Filters> = {}) => setFilters({ ...filters, q: query.trim(), ...change, offset: 0 });
  const searchBox = { value: query, onChange: setQuery, onSearch: () => apply() };
  return { filters, query, setQuery, setFilters, apply, searchBox };
}
