import type { RouteObject } from 'react-router';
import type { MenuEntry } from '../../app/menu';

/** The supervision module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const supervisionRoutes: RouteObject[] = [];
export const supervisionMenu: MenuEntry[] = [];
