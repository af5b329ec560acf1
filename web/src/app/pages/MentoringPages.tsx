// The mentoring pages (seed 000) load when first opened.
import { lazy, Suspense } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen';

const CompetenciesPage = lazy(() =>
  import('../../features/mentoring/components/CompetenciesPage').then((m) => ({ default: m.CompetenciesPage })),
);

export function CompetenciesRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <CompetenciesPage />
    </Suspense>
  );
}
