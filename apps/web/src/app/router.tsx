import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { identityPublicRoutes, identityRoutes } from '../modules/identity/routes';
import { registryRoutes } from '../modules/registry/routes';
import { calendarRoutes } from '../modules/calendar/routes';
import { portalRoutes } from '../modules/portal/routes';
import { awardsRoutes } from '../modules/awards/routes';
import { servicesRoutes } from '../modules/services/routes';
import { supervisionRoutes } from '../modules/supervision/routes';
import { governanceRoutes } from '../modules/governance/routes';
import { RequireAuth } from './auth/RequireAuth';
import { NotFound } from './NotFound';
import { PageLoading } from './PageLoading';
import { RootLayout } from './RootLayout';
import { RouteError } from './RouteError';

/**
 * The frame after login (ProLayout, the menu, the notification bell) is fetched only once there
 * is a session: the login and public pages never download it.
 */
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));

export const router = createBrowserRouter([
  {
    Component: RootLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      ...identityPublicRoutes,
      ...portalRoutes,
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        ErrorBoundary: RouteError,
        children: [
          ...registryRoutes,
          ...awardsRoutes,
          ...servicesRoutes,
          ...supervisionRoutes,
          ...governanceRoutes,
          ...identityRoutes,
          ...calendarRoutes,
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
