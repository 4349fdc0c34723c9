import type { RouteObject } from 'react-router';
import type { MenuEntry } from '../../app/menu';

/** The awards module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const awardsRoutes: RouteObject[] = [];
export const awardsMenu: MenuEntry[] = [];
