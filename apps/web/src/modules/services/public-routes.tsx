import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { PublicLink } from '../portal/public-link';

/**
 * The services module's public pages (no login; paths under /public/…, lazy-loaded with `lazyPage`
 * and no permission), shown in the public layout, and the links the portal's index lists.
 */
export const servicesPublicRoutes: RouteObject[] = [lazyPage('/public/services', () => import('./public.page'))];
export const servicesPublicLinks: PublicLink[] = [
  { path: '/public/services', title: 'services.public.title', description: 'services.public.intro' },
];
