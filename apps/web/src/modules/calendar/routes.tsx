import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** The working-day calendar every deadline is counted with: shown to all, edited by the office. */
export const calendarRoutes: RouteObject[] = [lazyPage('/admin/calendar', () => import('./calendar.page'))];
