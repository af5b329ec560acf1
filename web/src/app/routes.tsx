import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import type { Permission } from '../lib/permissions';
import { AccountRoute } from './pages/AccountRoute';
import { AuditRoute, RegionsRoute, UserRoute, UsersRoute } from './pages/AdminPages';
import { DashboardsRoute } from './pages/DashboardPages';
import { CompetenciesRoute, MatchingRoute } from './pages/MentoringPages';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProgrammesRoute } from './pages/ProgrammePages';
import {
  EnterpriseDetailRoute,
  EnterpriseFormRoute,
  GroupFormRoute,
  GroupListRoute,
  GroupWorkspaceRoute,
  ImportJobRoute,
  ImportsRoute,
  PeopleRoute,
  PersonRoute,
  RegionComplianceRoute,
  RegistryListRoute,
  RenewalRoute,
  StakeholdersRoute,
} from './pages/JoinedPages';
import { RequirePermission } from './RequirePermission';
import { Shell } from './Shell';

const guard = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/registry" element={guard('registry.read', <RegistryListRoute view="list" />)} />
        <Route path="/registry/areas" element={guard('registry.read', <RegistryListRoute view="areas" />)} />
        <Route path="/registry/new" element={guard('registry.write', <EnterpriseFormRoute mode="create" />)} />
        <Route path="/registry/:id" element={guard('registry.read', <EnterpriseDetailRoute />)} />
        <Route path="/registry/:id/edit" element={guard('registry.write', <EnterpriseFormRoute mode="edit" />)} />
        <Route path="/people" element={guard('registry.read', <PeopleRoute />)} />
        <Route path="/people/:id" element={guard('registry.read', <PersonRoute mode="view" />)} />
        <Route path="/people/:id/edit" element={guard('registry.write', <PersonRoute mode="edit" />)} />
        <Route path="/renewal" element={guard('registry.write', <RenewalRoute />)} />
        <Route path="/stakeholders" element={guard('stakeholders.read', <StakeholdersRoute />)} />
        <Route path="/imports" element={guard('imports.use', <ImportsRoute />)} />
        <Route path="/imports/:id" element={guard('imports.use', <ImportJobRoute />)} />
        <Route path="/groups" element={<GroupListRoute />} />
        <Route path="/groups/new" element={guard('groups.create', <GroupFormRoute />)} />
        <Route path="/groups/compliance" element={guard('groups.compliance', <RegionComplianceRoute />)} />
        <Route path="/groups/:id" element={<GroupWorkspaceRoute section="summary" />} />
        <Route path="/groups/:id/mine" element={<GroupWorkspaceRoute section="mine" />} />
        <Route path="/groups/:id/help" element={<GroupWorkspaceRoute section="help" />} />
        <Route path="/groups/:id/help/:requestId" element={<GroupWorkspaceRoute section="help" />} />
        <Route path="/groups/:id/members" element={<GroupWorkspaceRoute section="members" />} />
        <Route path="/groups/:id/meetings" element={<GroupWorkspaceRoute section="meetings" />} />
        <Route path="/groups/:id/meetings/:meetingId" element={<GroupWorkspaceRoute section="meetings" />} />
        <Route path="/groups/:id/deliberations" element={<GroupWorkspaceRoute section="deliberations" />} />
        <Route
          path="/groups/:id/deliberations/:deliberationId"
          element={<GroupWorkspaceRoute section="deliberations" />}
        />
        <Route path="/groups/:id/learning" element={<GroupWorkspaceRoute section="learning" />} />
        <Route path="/groups/:id/learning/:cycleId" element={<GroupWorkspaceRoute section="learning" />} />
        <Route path="/groups/:id/treasury" element={<GroupWorkspaceRoute section="treasury" />} />
        <Route path="/groups/:id/markets" element={<GroupWorkspaceRoute section="markets" />} />
        <Route path="/groups/:id/orders" element={<GroupWorkspaceRoute section="orders" />} />
        <Route path="/groups/:id/orders/:orderId" element={<GroupWorkspaceRoute section="orders" />} />
        <Route path="/groups/:id/materials" element={<GroupWorkspaceRoute section="materials" />} />
        <Route path="/groups/:id/knowledge" element={<GroupWorkspaceRoute section="knowledge" />} />
        <Route path="/groups/:id/compliance" element={<GroupWorkspaceRoute section="compliance" />} />
        <Route path="/groups/:id/settings" element={<GroupWorkspaceRoute section="settings" />} />
        <Route path="/users" element={guard('users.manage', <UsersRoute />)} />
        <Route path="/users/:id" element={guard('users.manage', <UserRoute />)} />
        <Route path="/audit" element={guard('audit.read', <AuditRoute />)} />
        <Route path="/regions" element={guard('regions.browse', <RegionsRoute />)} />
        <Route path="/regions/:code" element={guard('regions.browse', <RegionsRoute />)} />
        <Route path="/competencies" element={<CompetenciesRoute />} />
        <Route path="/matching/:id?" element={guard('matching.use', <MatchingRoute />)} />
        <Route path="/programmes" element={guard('programmes.read', <ProgrammesRoute view="list" />)} />
        <Route path="/programmes/new" element={guard('programmes.write', <ProgrammesRoute view="new" />)} />
        <Route path="/programmes/:id/edit" element={guard('programmes.write', <ProgrammesRoute view="edit" />)} />
        <Route path="/programmes/:id/:tab?" element={<ProgrammesRoute view="programme" />} />
        <Route path="/loans/:id" element={<ProgrammesRoute view="loan" />} />
        <Route path="/dashboards" element={guard('dashboards.helix', <DashboardsRoute view={null} />)} />
        <Route path="/dashboards/equity" element={guard('dashboards.equity', <DashboardsRoute view="equity" />)} />
        <Route path="/dashboards/helix" element={guard('dashboards.helix', <DashboardsRoute view="helix" />)} />
        <Route path="/selections" element={<ProgrammesRoute view="selections" />} />
        <Route path="/account" element={<AccountRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
