import type { User } from '../../../lib/user';

export interface Credentials {
  username: string;
  password: string;
}

/** Body of POST /api/v1/session (201) and GET /api/v1/me (200). */
export interface SessionResponse {
  user: User;
  csrf_token: string | null;
}

/** Why the user is on the login page, shown as a note above the form. */
export type SignedOutReason = 'expired' | 'logged-out';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';
