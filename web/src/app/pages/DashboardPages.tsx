// The dashboards (issue 15) load, together, when one is first opened: equity of assistance against
// the registry, and the quadruple helix. `/dashboards` opens the first one the role may see.
import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';
import type { DashboardView } from '../../features/dashboards/components/dashboards-pages';
import { can } from '../../lib/permissions';

const DashboardsPages = lazy(() =>
  import('../../features/dashboards/components/dashboards-pages').then((m) => ({ default: m.DashboardsPages })),
);

export function DashboardsRoute({ view }: { view: DashboardView | null }) {
  const { user } = useAuth();
  if (!user) return null;
  if (view === null) return <Navigate to={can(user.role, 'dashboards.equity') ? '/dashboards/equity' : '/dashboards/helix'} replace />;
  return (
    <Suspense fallback={<LoadingScreen />}>
      <DashboardsPages view={view} role={user.role} />
    </Suspense>
  );
}
