import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { NAV_ITEMS } from './nav';
import { AccountRoute } from './pages/AccountRoute';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { Shell } from './Shell';

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
        {NAV_ITEMS.filter((item) => item.placeholderKey).map((item) => (
          <Route
            key={item.path}
            path={item.path}
            element={<PlaceholderPage titleKey={item.labelKey} descriptionKey={item.placeholderKey!} />}
          />
        ))}
        <Route path="/account" element={<AccountRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
