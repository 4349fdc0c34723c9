import { useCallback, useContext } from 'react';
import { can, type Me, type Permission } from '@qd/core';
import { AuthContext, type AuthContextValue } from './auth-context';

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs <AuthProvider>');
  return value;
}

/** The logged-in user; only for pages behind <RequireAuth>. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe is only for pages behind <RequireAuth>');
  return user;
}

/**
 * Whether the user holds a permission: menus and buttons follow the server's permission names,
 * while the server stays the authority and refuses anything else.
 */
export function useCan(): (permission: Permission) => boolean {
  const { user } = useAuth();
  return useCallback((permission: Permission) => !!user && can(user, permission), [user]);
}
