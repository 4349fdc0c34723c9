import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import type { PublicLink } from '../portal/public-link';

/**
 * The supervision module's public pages (no login; paths under /public/…, lazy-loaded with `lazyPage`
 * and no permission), shown in the public layout, and the links the portal's index lists.
 */
export const supervisionPublicRoutes: RouteObject[] = [
  lazyPage('/public/draws', () => import('./draw-verify.page')),
  lazyPage('/public/draws/:id', () => import('./draw-verify.page')),
  lazyPage('/public/results', () => import('./public-results.page')),
];
export const supervisionPublicLinks: PublicLink[] = [
  { path: '/public/draws', title: 'supervision.public.draws', description: 'supervision.public.drawsDescription' },
  { path: '/public/results', title: 'supervision.public.results', description: 'supervision.public.resultsDescription' },
];
