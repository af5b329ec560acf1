import type { Schemas } from '../../../lib/api/schemas';

/** Body of POST /api/v1/session. */
export type Credentials = Schemas['SessionCreate'];

/**
 * Body of GET /api/v1/me (200), and of POST /api/v1/session (201), whose `Session` is the same
 * with a token that is never null.
 */
export type SessionResponse = Schemas['CurrentSession'];

/** Why the user is on the login page, shown as a note above the form. */
export type SignedOutReason = 'expired' | 'logged-out';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';
