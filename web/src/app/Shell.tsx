import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Alert } from '../components/Alert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useAuth } from '../features/auth/hooks/use-auth';
import { problemMessage } from '../lib/problem-messages';
import { useMediaQuery } from '../lib/use-media-query';
import { navItemsFor } from './nav';

export const DESKTOP_QUERY = '(min-width: 48rem)';

/**
 * The frame around every signed-in page. Desktop: a header with the user, language
 * and logout, and a sidebar. Phone: a header with a menu button that opens the
 * navigation together with the user, language and logout.
 */
export function Shell() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const location = useLocation();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  // The phone menu stays open only on the page it was opened on: a new page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // A new page: move focus to the page's heading for screen readers.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpenOn(null);
        menuButtonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  if (!user) return null;

  async function onLogout() {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      // Signed out: the route guard now sends the user to the login page.
      await logout();
    } catch (error) {
      setLogoutError(error);
      setLoggingOut(false);
    }
  }

  const userBlock = (
    <div className="user-block" aria-label={t('shell.userLabel')} role="group">
      <span className="user-block__name" data-testid="user-name">
        {user.display_name}
      </span>
      <span className="user-block__role" data-testid="user-role">
        {t(`roles.${user.role}`)}
      </span>
    </div>
  );
  const actions = (
    <div className="shell-actions">
      <LanguageSwitch />
      <button type="button" className="button button--secondary" onClick={() => void onLogout()} disabled={loggingOut}>
        {loggingOut ? t('shell.loggingOut') : t('shell.logout')}
      </button>
    </div>
  );
  const navOpen = desktop || menuOpen;

  return (
    <div className={desktop ? 'shell shell--desktop' : 'shell shell--phone'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {desktop ? (
          <>
            <span className="topbar__tagline">{t('app.tagline')}</span>
            <div className="topbar__end">
              {userBlock}
              {actions}
            </div>
          </>
        ) : (
          <button
            ref={menuButtonRef}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="primary-nav"
            data-testid="menu-button"
            onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {menuOpen ? t('nav.closeMenu') : t('nav.menu')}
          </button>
        )}
      </header>
      <div className="shell__body">
        <nav
          id="primary-nav"
          className="sidebar"
          aria-label={t('nav.label')}
          hidden={!navOpen}
          data-testid="primary-nav"
        >
          {!desktop ? userBlock : null}
          <ul className="sidebar__list">
            {navItemsFor(user.role).map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === '/'} className="sidebar__link">
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
          {!desktop ? actions : null}
        </nav>
        <main id="main" className="content">
          {logoutError ? <Alert tone="error">{problemMessage(t, logoutError)}</Alert> : null}
          <Outlet />
        </main>
      </div>
    </div>
  );
}
