import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@qd/core';
import { RequirePermission } from './auth/RequirePermission';

/**
 * A route whose page is fetched on first visit (each module's code stays out of the first load)
 * and shown only to holders of `anyOf`.
 */
export function lazyPage(path: string, load: () => Promise<{ default: ComponentType }>, anyOf: Permission[] = []): RouteObject {
  return {
    path,
    lazy: async () => {
      const { default: Page } = await load();
      return {
        Component: () => (
          <RequirePermission anyOf={anyOf}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}
