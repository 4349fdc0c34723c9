import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { PublicLink } from '../portal/public-link';

/**
 * The awards module's public pages (no login; paths under /public/…, lazy-loaded with `lazyPage`
 * and no permission), shown in the public layout, and the links the portal's index lists.
 */
export const awardsPublicRoutes: RouteObject[] = [lazyPage('/public/awards', () => import('./public-notices.page'))];
export const awardsPublicLinks: PublicLink[] = [
  { path: '/public/awards', title: 'awards.public.notices', description: 'awards.public.noticesDescription' },
];
