import { createContext } from 'react';
import type { User } from '../../../lib/user';
import type { AuthStatus, Credentials, SignedOutReason } from '../types';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** Set when the user was sent to the login page by an expired session or a logout. */
  signedOutReason: SignedOutReason | null;
  login: (credentials: Credentials) => Promise<void>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
