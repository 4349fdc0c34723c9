import { Outlet, ScrollRestoration } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';

/** Above every route, public or not: the session lives here because it needs the router. */
export function RootLayout() {
  return (
    <AuthProvider>
      <Outlet />
      <ScrollRestoration />
    </AuthProvider>
  );
}
