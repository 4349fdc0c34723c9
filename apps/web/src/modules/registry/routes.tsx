import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const registryRoutes: RouteObject[] = [
  lazyPage('/', () => import('./home.page')),
  lazyPage('/registry/enterprises', () => import('./enterprises.page'), ['registry.read']),
  lazyPage('/registry/enterprises/new', () => import('./enterprise-form.page'), ['registry.enterprise.write']),
  lazyPage('/registry/enterprises/:id', () => import('./enterprise-detail.page'), ['registry.read']),
  lazyPage('/registry/enterprises/:id/edit', () => import('./enterprise-form.page'), ['registry.enterprise.write']),
  lazyPage('/registry/departments', () => import('./departments.page'), ['registry.read']),
  lazyPage('/registry/institutions', () => import('./institutions.page'), ['registry.read']),
  lazyPage('/registry/experts', () => import('./experts.page'), ['registry.read']),
];
