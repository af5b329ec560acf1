import { AccountPage } from '../../features/account/components/AccountPage';
import { useAuth } from '../../features/auth/hooks/use-auth';

/** Joins two features at the app level: the account page gets the user from auth. */
export function AccountRoute() {
  const { user } = useAuth();
  return user ? <AccountPage user={user} /> : null;
}
