import { useTranslation } from 'react-i18next';
import { addDashboardsTexts } from '../../../lib/i18n/dashboards';
import { addProgrammesTexts } from '../../../lib/i18n/programmes';
import type { Role } from '../../../lib/user';
import { EquityPage } from './EquityPage';
import { HelixPage } from './HelixPage';
import './dashboards.css';

export type DashboardView = 'equity' | 'helix';

/**
 * The dashboards, one chunk for both (with their texts and styles). They word assistance kinds and
 * programme statuses as the programmes pages do, so those texts join too.
 */
export function DashboardsPages({ view, role }: { view: DashboardView; role: Role }) {
  const { i18n } = useTranslation();
  addDashboardsTexts(i18n);
  addProgrammesTexts(i18n);
  return view === 'equity' ? <EquityPage role={role} /> : <HelixPage role={role} />;
}
