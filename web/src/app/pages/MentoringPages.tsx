// The mentoring pages (seed 000) load when first opened.
import { lazy, Suspense } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { can } from '../../lib/permissions';

const CompetenciesPage = lazy(() =>
  import('../../features/mentoring/components/CompetenciesPage').then((m) => ({ default: m.CompetenciesPage })),
);

export function CompetenciesRoute() {
  const { user } = useAuth();
  return (
    <Suspense fallback={<LoadingScreen />}>
      <CompetenciesPage canEdit={user !== null && can(user.role, 'competencies.write')} />
    </Suspense>
  );
}
