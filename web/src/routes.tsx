import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { useSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { CatalogPage } from './pages/results/CatalogPage';
import { ImportPage } from './pages/results/ImportPage';
import { ResultsPage } from './pages/results/ResultsPage';
import { SetupPage } from './pages/SetupPage';

function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** Pages inside the signed-in layout; each feature adds its pages here and its entry in nav.tsx. */
export const APP_PAGES: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'profile', element: <ProfilePage /> },
  { path: 'results', element: <ResultsPage /> },
  { path: 'results/import', element: <ImportPage /> },
  { path: 'results/catalog', element: <CatalogPage /> },
];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [...APP_PAGES, { path: '*', element: <NotFoundPage /> }],
  },
]);
