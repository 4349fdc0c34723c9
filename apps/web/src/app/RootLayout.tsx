import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';
import { PageLoading } from './PageLoading';

/**
 * Above every route, public or not: the session lives here because it needs the router. The
 * boundary shows the spinner while the first page's code (lazy, see lazy-page.tsx) arrives.
 */
export function RootLayout() {
  return (
    <AuthProvider>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </AuthProvider>
  );
}
