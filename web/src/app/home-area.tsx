// An officer's lists open on the area of the office she works for (its stakeholder's region):
// the registry, its area view, the renewal round and SOP compliance across a region.
import type { ReactNode } from 'react';
import { DefaultFilter } from '../components/DefaultFilter';
import { LoadingScreen } from '../components/LoadingScreen';
import { useAuth } from '../features/auth/hooks/use-auth';
import { useStakeholder } from '../features/stakeholders/hooks/use-stakeholders';

/** The region of the stakeholder the signed-in user works for; `pending` while it is asked for. */
export function useHomeRegion(): { pending: boolean; code: string | null } {
  const { user } = useAuth();
  const id = user?.scope?.kind === 'stakeholder' ? user.scope.id : null;
  const stakeholder = useStakeholder(id);
  if (id === null) return { pending: false, code: null };
  return { pending: stakeholder.isPending, code: stakeholder.data?.region_code ?? null };
}

/** The page, opened afresh, filtered by `param` to the reader's home region (when she has one). */
export function HomeArea({ param, children }: { param: string; children: ReactNode }) {
  const home = useHomeRegion();
  if (home.pending) return <LoadingScreen />;
  return (
    <DefaultFilter name={param} value={home.code}>
      {children}
    </DefaultFilter>
  );
}
