import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { PublicLayout } from '../../app/PublicLayout';
import { awardsPublicRoutes } from '../awards/public-routes';
import { governancePublicRoutes } from '../governance/public-routes';
import { servicesPublicRoutes } from '../services/public-routes';
import { supervisionPublicRoutes } from '../supervision/public-routes';

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
