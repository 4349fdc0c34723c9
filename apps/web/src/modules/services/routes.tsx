import type { RouteObject } from 'react-router';
import type { MenuEntry } from '../../app/menu';

/** The services module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const servicesRoutes: RouteObject[] = [];
export const servicesMenu: MenuEntry[] = [];
