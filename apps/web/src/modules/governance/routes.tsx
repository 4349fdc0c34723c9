import type { RouteObject } from 'react-router';
import type { MenuEntry } from '../../app/menu';

/** The governance module's pages (lazy-loaded with `lazyPage`) and its menu group. */
export const governanceRoutes: RouteObject[] = [];
export const governanceMenu: MenuEntry[] = [];
