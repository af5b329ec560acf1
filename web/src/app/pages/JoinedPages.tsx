// Pages that join features: the registry, people, stakeholder, import and group pages get the
// signed-in user's role from auth and the region picker from regions, which they cannot import.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback } from 'react';
import { Navigate } from 'react-router';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';
import { groupKeys } from '../../features/groups/api/keys';
import type { HelpSectionProps } from '../../features/groups/components/GroupWorkspace';
import type { Section } from '../../features/groups/types/paths';
import { RegionPicker } from '../../features/regions/components/RegionPicker';
import { can } from '../../lib/permissions';
import { HomeArea } from '../home-area';
import { LearningSection } from './MentoringPages';

// The registry, stakeholder and import pages are an office's too: they load when first opened, so
// that a group leader's phone, which lands in the group workspace, never downloads them.
const RegistryPage = lazy(() =>
  import('../../features/registry/components/RegistryPage').then((m) => ({ default: m.RegistryPage })),
);
const EnterpriseDetail = lazy(() =>
  import('../../features/registry/components/EnterpriseDetail').then((m) => ({ default: m.EnterpriseDetail })),
);
const EnterpriseForm = lazy(() =>
  import('../../features/registry/components/EnterpriseForm').then((m) => ({ default: m.EnterpriseForm })),
);
const RenewalWorklist = lazy(() =>
  import('../../features/registry/components/RenewalWorklist').then((m) => ({ default: m.RenewalWorklist })),
);
const StakeholdersPage = lazy(() =>
  import('../../features/stakeholders/components/StakeholdersPage').then((m) => ({ default: m.StakeholdersPage })),
);
const ImportPage = lazy(() => import('../../features/imports/components/ImportPage').then((m) => ({ default: m.ImportPage })));
const ImportJobPage = lazy(() =>
  import('../../features/imports/components/ImportJobPage').then((m) => ({ default: m.ImportJobPage })),
);

// The group workspace loads when first opened: offices that never open it do not download it,
// and a group leader's phone gets the rest of the app sooner.
const GroupListPage = lazy(() =>
  import('../../features/groups/components/GroupListPage').then((m) => ({ default: m.GroupListPage })),
);
const GroupForm = lazy(() => import('../../features/groups/components/GroupForm').then((m) => ({ default: m.GroupForm })));
const RegionCompliancePage = lazy(() =>
  import('../../features/groups/components/RegionCompliancePage').then((m) => ({ default: m.RegionCompliancePage })),
);
const GroupWorkspace = lazy(() =>
  import('../../features/groups/components/GroupWorkspace').then((m) => ({ default: m.GroupWorkspace })),
);
// A group's help requests (mentoring) load when the help tab is first opened.
const HelpArea = lazy(() => import('../../features/mentoring/components/HelpArea').then((m) => ({ default: m.HelpArea })));

/**
 * The help tab of a group's workspace: mentoring's help requests, and when an answer is shared as
 * a knowledge post, the group's posts are read again (the features do not know each other).
 */
function GroupHelpSection(props: HelpSectionProps) {
  const client = useQueryClient();
  const onShared = useCallback(
    (groupId: number) => void client.invalidateQueries({ queryKey: groupKeys.posts(groupId) }),
    [client],
  );
  return (
    <Suspense fallback={<LoadingScreen />}>
      <HelpArea {...props} onShared={onShared} />
    </Suspense>
  );
}

// The people pages are an office's: they load when first opened, so that a group's phone never
// downloads them.
const PeoplePage = lazy(() => import('../../features/people/components/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('../../features/people/components/PersonPage').then((m) => ({ default: m.PersonPage })));
const PersonForm = lazy(() => import('../../features/people/components/PersonForm').then((m) => ({ default: m.PersonForm })));

export function RegistryListRoute({ view }: { view: 'list' | 'areas' }) {
  const { user } = useAuth();
  return user ? (
    <HomeArea param="region">
      <Suspense fallback={<LoadingScreen />}>
        <RegistryPage role={user.role} view={view} RegionPicker={RegionPicker} />
      </Suspense>
    </HomeArea>
  ) : null;
}

export function EnterpriseDetailRoute() {
  const { user } = useAuth();
  return user ? (
    <Suspense fallback={<LoadingScreen />}>
      <EnterpriseDetail role={user.role} />
    </Suspense>
  ) : null;
}

export function EnterpriseFormRoute({ mode }: { mode: 'create' | 'edit' }) {
  const { user } = useAuth();
  return user ? (
    <Suspense fallback={<LoadingScreen />}>
      <EnterpriseForm role={user.role} mode={mode} RegionPicker={RegionPicker} />
    </Suspense>
  ) : null;
}

export function PeopleRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <PeoplePage RegionPicker={RegionPicker} />
    </Suspense>
  );
}

/** The people pages need to know whether an officer's stakeholder keeps the record she opens. */
function useViewer() {
  const { user } = useAuth();
  if (!user) return null;
  return { role: user.role, stakeholderId: user.scope?.kind === 'stakeholder' ? user.scope.id : null };
}

export function PersonRoute({ mode }: { mode: 'view' | 'edit' }) {
  const viewer = useViewer();
  if (!viewer) return null;
  return (
    <Suspense fallback={<LoadingScreen />}>
      {mode === 'view' ? <PersonPage viewer={viewer} /> : <PersonForm viewer={viewer} />}
    </Suspense>
  );
}

export function RenewalRoute() {
  return (
    <HomeArea param="village">
      <Suspense fallback={<LoadingScreen />}>
        <RenewalWorklist RegionPicker={RegionPicker} />
      </Suspense>
    </HomeArea>
  );
}

export function StakeholdersRoute() {
  const { user } = useAuth();
  return user ? (
    <Suspense fallback={<LoadingScreen />}>
      <StakeholdersPage role={user.role} RegionPicker={RegionPicker} />
    </Suspense>
  ) : null;
}

export function ImportsRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <ImportPage />
    </Suspense>
  );
}

export function ImportJobRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <ImportJobPage />
    </Suspense>
  );
}

/** A group's own accounts (leader, secretary, member) reach one group: they land in its workspace. */
export function GroupListRoute() {
  const { user } = useAuth();
  if (!user) return null;
  if (user.scope?.kind === 'group') return <Navigate to={`/groups/${user.scope.id}`} replace />;
  return (
    <Suspense fallback={<LoadingScreen />}>
      <GroupListPage role={user.role} />
    </Suspense>
  );
}

export function GroupFormRoute() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <GroupForm RegionPicker={RegionPicker} />
    </Suspense>
  );
}

/** SOP compliance of every group in a region: offices and programmes choose the region with the app's picker. */
export function RegionComplianceRoute() {
  return (
    <HomeArea param="region">
      <Suspense fallback={<LoadingScreen />}>
        <RegionCompliancePage RegionPicker={RegionPicker} />
      </Suspense>
    </HomeArea>
  );
}

export function GroupWorkspaceRoute({ section }: { section: Section }) {
  const { user } = useAuth();
  return user ? (
    <Suspense fallback={<LoadingScreen />}>
      <GroupWorkspace
        section={section}
        canSearchPeople={can(user.role, 'registry.read')}
        showAllGroups={user.scope?.kind !== 'group'}
        LearningSection={LearningSection}
        HelpSection={GroupHelpSection}
      />
    </Suspense>
  ) : null;
}
