import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { awardsPublicRoutes } from '../awards/public-routes';
import { governancePublicRoutes } from '../governance/public-routes';
import { servicesPublicRoutes } from '../services/public-routes';
import { supervisionPublicRoutes } from '../supervision/public-routes';

/** The public frame (antd Layout) is fetched with the first public page, not by the login page. */
const PublicLayout = lazy(() => import('../../app/PublicLayout').then((m) => ({ default: m.PublicLayout })));

/** Everything under /public: no login, the public layout, each module's public pages. */
export const portalRoutes: RouteObject[] = [
  {
    Component: PublicLayout,
    children: [
      lazyPage('/public', () => import('./portal.page')),
      ...servicesPublicRoutes,
      ...supervisionPublicRoutes,
      ...awardsPublicRoutes,
      ...governancePublicRoutes,
    ],
  },
];
