import type { ReactNode } from 'react';
import { useAuth } from '../features/auth/hooks/use-auth';
import { can, type Permission } from '../lib/permissions';
import { ForbiddenPage } from './pages/ForbiddenPage';

/** Renders its children only for a role with the permission; others get a plain "no access" page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { user } = useAuth();
  if (!user) return null;
  return can(user.role, permission) ? children : <ForbiddenPage />;
}
