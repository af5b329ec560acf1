// Pages that join features: the registry, stakeholder and import pages get the signed-in
// user's role from auth and the region picker from regions, which they cannot import.
import { useAuth } from '../../features/auth/hooks/use-auth';
import { ImportJobPage } from '../../features/imports/components/ImportJobPage';
import { ImportPage } from '../../features/imports/components/ImportPage';
import { RegionPicker } from '../../features/regions/components/RegionPicker';
import { EnterpriseDetail } from '../../features/registry/components/EnterpriseDetail';
import { EnterpriseForm } from '../../features/registry/components/EnterpriseForm';
import { RegistryPage } from '../../features/registry/components/RegistryPage';
import { RenewalWorklist } from '../../features/registry/components/RenewalWorklist';
import { StakeholdersPage } from '../../features/stakeholders/components/StakeholdersPage';

export function RegistryListRoute({ view }: { view: 'list' | 'areas' }) {
  const { user } = useAuth();
  return user ? <RegistryPage role={user.role} view={view} RegionPicker={RegionPicker} /> : null;
}

export function EnterpriseDetailRoute() {
  const { user } = useAuth();
  return user ? <EnterpriseDetail role={user.role} /> : null;
}

export function EnterpriseFormRoute({ mode }: { mode: 'create' | 'edit' }) {
  const { user } = useAuth();
  return user ? <EnterpriseForm role={user.role} mode={mode} RegionPicker={RegionPicker} /> : null;
}

export function RenewalRoute() {
  return <RenewalWorklist RegionPicker={RegionPicker} />;
}

export function StakeholdersRoute() {
  const { user } = useAuth();
  return user ? <StakeholdersPage role={user.role} RegionPicker={RegionPicker} /> : null;
}

export function ImportsRoute() {
  return <ImportPage />;
}

export function ImportJobRoute() {
  return <ImportJobPage />;
}
