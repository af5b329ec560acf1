import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getEquity, getHelix, getRegion, listProgrammes } from '../api/dashboards';
import { dashboardKeys } from '../api/keys';
import { equityQuery, type EquityFilters } from '../types/filters';

/** The equity dashboard for the filters; the previous answer stays on screen while the next loads. */
export function useEquity(filters: EquityFilters) {
  const query = equityQuery(filters);
  return useQuery({
    queryKey: dashboardKeys.equity(query),
    queryFn: ({ signal }) => getEquity(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHelix() {
  return useQuery({ queryKey: dashboardKeys.helix(), queryFn: ({ signal }) => getHelix(signal) });
}

/** The programmes to filter by (only when the filter is shown). */
export function useProgrammeChoices() {
  return useQuery({ queryKey: dashboardKeys.programmes(), queryFn: ({ signal }) => listProgrammes(signal), staleTime: 60_000 });
}

/** The region drilled into, with its path from the province: the breadcrumb's names. */
export function useRegion(code: string | null) {
  return useQuery({
    queryKey: dashboardKeys.region(code ?? ''),
    queryFn: ({ signal }) => getRegion(code!, signal),
    enabled: code !== null,
    staleTime: Infinity,
    retry: false,
  });
}
