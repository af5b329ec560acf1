// The programmes pages (issue 15) load, together, when one is first opened: the list, the design
// form, a programme's page with its sections, and a loan's page. The app hands them the region
// picker (features do not import each other) and the signed-in user.
import { lazy, Suspense } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { RegionPicker } from '../../features/regions/components/RegionPicker';
import type { ProgrammesView } from '../../features/programmes/components/programmes-pages';

const ProgrammesPages = lazy(() =>
  import('../../features/programmes/components/programmes-pages').then((m) => ({ default: m.ProgrammesPages })),
);

export function ProgrammesRoute({ view }: { view: ProgrammesView }) {
  const { user } = useAuth();
  return user ? (
    <Suspense fallback={<LoadingScreen />}>
      <ProgrammesPages view={view} user={user} RegionPicker={RegionPicker} />
    </Suspense>
  ) : null;
}
