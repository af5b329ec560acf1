// The mentoring pages (seed 000) load when first opened.
import { type ComponentType, lazy, Suspense } from 'react';
import type { SurveysSectionProps } from '../../features/groups/components/GroupWorkspace';
import type { LearningSlot } from '../../lib/learning-slot';
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

/**
 * The group workspace's learning tab (cycles, sessions, evaluations, mentorships): the groups
 * feature cannot import mentoring, so the app hands it over (JoinedPages); it loads when the tab
 * is first opened, the workspace showing its own loading line meanwhile.
 */
export const LearningSection: LearningSlot = lazy(() =>
  import('../../features/mentoring/components/LearningSection').then((m) => ({ default: m.LearningSection })),
);

/**
 * The group workspace's surveys tab (seed 000's questionnaires, their charts and the coding of
 * open answers): its own feature, handed to the workspace like the learning tab; it loads when the
 * tab is first opened.
 */
export const SurveysSection: ComponentType<SurveysSectionProps> = lazy(() =>
  import('../../features/surveys/components/SurveysArea').then((m) => ({ default: m.SurveysArea })),
);
