import { createContext } from 'react';
import type { Me } from '@qd/core';

export interface AuthContextValue {
  /** null: nobody is logged in; undefined: still asking the server. */
  user: Me | null | undefined;
  /** The server could not be asked (offline, server down): the app shows a retry. */
  sessionFailed: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Re-reads the session (after a password change clears `mustChangePassword`). */
  refresh(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
