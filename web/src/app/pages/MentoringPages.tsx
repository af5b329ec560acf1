// The mentoring pages (seed 000) load when first opened.
import { lazy, Suspense } from 'react';
import type { LearningSlot } from '../../lib/learning-slot';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { can } from '../../lib/permissions';

const CompetenciesPage = lazy(() =>
  import('../../features/mentoring/components/CompetenciesPage').then((m) => ({ default: m.CompetenciesPage })),
);

const MatchingPages = lazy(() =>
  import('../../features/mentoring/components/matching-pages').then((m) => ({ default: m.MatchingPages })),
);

/** Mentor matching: the runs of a group and a new run; one run at /matching/:id. */
export function MatchingRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <MatchingPages />
    </Suspense>
  );
}

export function CompetenciesRoute() {
  const { user } = useAuth();
  return (
    <Suspense fallback={<LoadingScreen />}>
      <CompetenciesPage canEdit={user !== null && can(user.role, 'competencies.write')} />
    </Suspense>
  );
}

/**
 * The group workspace's learning tab (cycles, sessions, evaluations, mentorships, and the group's
 * surveys): the groups feature cannot import mentoring or surveys, so the app hands it over
 * (JoinedPages, LearningTab); it loads when the tab is first opened, the workspace showing its own
 * loading line meanwhile.
 */
export const LearningSection: LearningSlot = lazy(() => import('./LearningTab').then((m) => ({ default: m.LearningTab })));
