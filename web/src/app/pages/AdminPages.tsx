// The admin's pages: accounts, the audit log and the official regions. They load, together, when
// one is first opened, so that nobody else's phone downloads them. The user pages get the signed-in admin's
// own id from auth, which the users feature cannot import.
import { lazy, Suspense, type ReactNode } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useAuth } from '../../features/auth/hooks/use-auth';

const chunk = () => import('./admin-chunk');
const UsersPage = lazy(() => chunk().then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => chunk().then((m) => ({ default: m.UserPage })));
const AuditPage = lazy(() => chunk().then((m) => ({ default: m.AuditPage })));
const RegionsPage = lazy(() => chunk().then((m) => ({ default: m.RegionsPage })));

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
