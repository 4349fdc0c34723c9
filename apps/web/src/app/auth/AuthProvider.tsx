import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { LoginResponse, Me } from '@qd/core';
import { api, isApiError, mayHaveSession, setCsrfToken, setUnauthorizedHandler } from '../../api/client';
import { AuthContext, type AuthContextValue } from './auth-context';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

async function fetchSession(): Promise<Me | null> {
  if (!mayHaveSession()) return null;
  try {
    const session = await api.get<LoginResponse>('/auth/me', { redirectOn401: false });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });

  /** Forget everything the previous user could see before anyone else uses this tab. */
  const forgetSession = useCallback(() => {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      forgetSession();
      if (location.pathname !== '/login') navigate('/login', { replace: true, state: { from: location } });
    });
    return () => setUnauthorizedHandler(null);
  }, [forgetSession, navigate, location]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await api.post<LoginResponse>('/auth/login', { username, password }, { redirectOn401: false });
      queryClient.clear();
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(ME_QUERY_KEY, result.user);
      return result.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { redirectOn401: false });
    } catch {
      // Already logged out or offline: the local session is forgotten either way.
    }
    forgetSession();
    navigate('/login', { replace: true });
  }, [forgetSession, navigate]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({ user: session.data, sessionFailed: session.isError && session.data === undefined, login, logout, refresh }),
    [session.data, session.isError, login, logout, refresh],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
