import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can } from '../../../lib/permissions';
import type { Role } from '../../../lib/user';
import { EQUITY_PATH, HELIX_PATH } from '../types';

/** The two dashboards; the equity one only for the roles the API shows it to. */
export function DashboardTabs({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('dashboards.tabsLabel')}>
      {can(role, 'dashboards.equity') ? (
        <NavLink end to={EQUITY_PATH} className="tabs__tab">
          {t('dashboards.tabEquity')}
        </NavLink>
      ) : null}
      <NavLink end to={HELIX_PATH} className="tabs__tab">
        {t('dashboards.tabHelix')}
      </NavLink>
    </nav>
  );
}
