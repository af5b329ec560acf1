// The admin's pages: accounts, the audit log and the official regions. They load when first
// opened, so that nobody else's phone downloads them. The user pages get the signed-in admin's
// own id from auth, which the users feature cannot import.
import { lazy, Suspense, type ReactNode } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';

const UsersPage = lazy(() => import('../../features/users/components/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => import('../../features/users/components/UserPage').then((m) => ({ default: m.UserPage })));
const AuditPage = lazy(() => import('../../features/audit/components/AuditPage').then((m) => ({ default: m.AuditPage })));
const RegionsPage = lazy(() => import('../../features/regions/components/RegionsPage').then((m) => ({ default: m.RegionsPage })));

const Loading = ({ children }: { children: ReactNode }) => <Suspense fallback={<LoadingScreen />}>{children}</Suspense>;

export function UsersRoute() {
  return (
    <Loading>
      <UsersPage />
    </Loading>
  );
}

export function UserRoute() {
  const { user } = useAuth();
  return user ? (
    <Loading>
      <UserPage selfId={user.id} />
    </Loading>
  ) : null;
}

export function AuditRoute() {
  return (
    <Loading>
      <AuditPage />
    </Loading>
  );
}

export function RegionsRoute() {
  return (
    <Loading>
      <RegionsPage />
    </Loading>
  );
}
