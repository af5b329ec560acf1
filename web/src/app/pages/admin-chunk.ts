// The admin's pages in one chunk: loaded when an admin first opens one of them.
export { AuditPage } from '../../features/audit/components/AuditPage';
export { RegionsPage } from '../../features/regions/components/RegionsPage';
export { UserPage } from '../../features/users/components/UserPage';
export { UsersPage } from '../../features/users/components/UsersPage';
