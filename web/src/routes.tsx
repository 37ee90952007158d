import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { useSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { MyTasksPage } from './pages/plans/MyTasksPage';
import { PlanPage } from './pages/plans/PlanPage';
import { PlansPage } from './pages/plans/PlansPage';
import { ProfilePage } from './pages/ProfilePage';
import { CatalogPage } from './pages/results/CatalogPage';
import { ImportPage } from './pages/results/ImportPage';
import { ResultsPage } from './pages/results/ResultsPage';
import { SetupPage } from './pages/SetupPage';
import { AuditPage } from './pages/audit/AuditPage';
import { AnalysisRunsPage } from './pages/analysis/AnalysisRunsPage';
import { DocumentsPage } from './pages/documents/DocumentsPage';
import { ExpertGroupPage } from './pages/expertGroups/ExpertGroupPage';
import { ExpertGroupsPage } from './pages/expertGroups/ExpertGroupsPage';
import { OrgPage } from './pages/orgs/OrgPage';
import { OrgsPage } from './pages/orgs/OrgsPage';
import { UserPage } from './pages/users/UserPage';
import { UsersPage } from './pages/users/UsersPage';
import { CampaignSchoolPage } from './pages/monitoring/CampaignSchoolPage';
import { CampaignScreenPage } from './pages/monitoring/CampaignScreenPage';
import { MonitoringPage } from './pages/monitoring/MonitoringPage';
import { TemplatesPage } from './pages/monitoring/TemplatesPage';
import { SchedulesPage } from './pages/schedules/SchedulesPage';
import { ReportsPage as ObjectivityReportsPage } from './pages/objectivity/ReportsPage';
import { SchoolCardPage } from './pages/objectivity/SchoolCardPage';

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
  { path: 'orgs', element: <OrgsPage /> },
  { path: 'orgs/:id', element: <OrgPage /> },
  { path: 'documents', element: <DocumentsPage /> },
  { path: 'expert-groups', element: <ExpertGroupsPage /> },
  { path: 'expert-groups/:id', element: <ExpertGroupPage /> },
  { path: 'users', element: <UsersPage /> },
  { path: 'users/:id', element: <UserPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'analysis', element: <AnalysisRunsPage /> },
  { path: 'monitoring', element: <MonitoringPage /> },
  { path: 'monitoring/templates', element: <TemplatesPage /> },
  { path: 'monitoring/campaigns/:id', element: <CampaignScreenPage /> },
  { path: 'monitoring/schools/:id', element: <CampaignSchoolPage /> },
  { path: 'schedules', element: <SchedulesPage /> },
  { path: 'plans', element: <PlansPage /> },
  { path: 'plans/:id', element: <PlanPage /> },
  { path: 'my-tasks', element: <MyTasksPage /> },
  { path: 'results', element: <ResultsPage /> },
  { path: 'results/import', element: <ImportPage /> },
  { path: 'results/catalog', element: <CatalogPage /> },
  { path: 'objectivity/schools/:orgId', element: <SchoolCardPage /> },
  { path: 'objectivity/reports', element: <ObjectivityReportsPage /> },
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
