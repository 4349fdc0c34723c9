import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** Pages anyone may open. */
export const identityPublicRoutes: RouteObject[] = [lazyPage('/login', () => import('./login.page'))];

/** Pages inside the app shell. */
export const identityRoutes: RouteObject[] = [
  lazyPage('/account/password', () => import('./change-password.page')),
  lazyPage('/admin/users', () => import('./users.page'), ['identity.user.read']),
  lazyPage('/admin/audit', () => import('./audit.page'), ['audit.read']),
];
