import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@qd/core';
import { RequirePermission } from './auth/RequirePermission';

/**
 * A route whose page is fetched on first render (each module's code stays out of the first load)
 * and shown only to holders of `anyOf`.
 *
 * `React.lazy` rather than the router's `lazy`: the router resolves `lazy` for every matched
 * route before anything renders, so opening `/` without a session used to download the home page
 * (and ECharts) only for `RequireAuth` to send the browser to the login page. A lazy component
 * is fetched only when it renders, i.e. after the session and the permission are checked. The
 * layouts above hold the `<Suspense>` boundary; navigations run in a transition, so the current
 * page stays on screen while the next one loads, as before.
 */
export function lazyPage(path: string, load: () => Promise<{ default: ComponentType }>, anyOf: Permission[] = []): RouteObject {
  const Page = lazy(load);
  return {
    path,
    Component: () => (
      <RequirePermission anyOf={anyOf}>
        <Page />
      </RequirePermission>
    ),
  };
}
