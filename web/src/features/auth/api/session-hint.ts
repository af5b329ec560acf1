// Whether this browser signed in to gotong, as far as the app can know before asking the server.
// The session cookie itself is HttpOnly (no script can read it), and asking GET /me without one
// answers 401, which the browser logs as an error on every visit to the login page. So the app
// keeps a readable twin: a cookie with no secret in it, set on signing in and removed on signing
// out or on any 401, with the session cookie's lifetime (both last until the browser closes).
// It only decides whether to ask: the server still decides who is signed in.

const NAME = 'gotong_signed_in';

function cookieAttributes(): string {
  const secure = typeof location !== 'undefined' && location.protocol === 'https:' ? '; Secure' : '';
  return `; Path=/; SameSite=Strict${secure}`;
}

/** True when this browser signed in and has not signed out since. */
export function hasSessionHint(): boolean {
  if (typeof document === 'undefined') return false;
  return document.cookie.split(';').some((part) => part.trim() === `${NAME}=1`);
}

/** Notes that the browser holds a session (`true`) or no longer does (`false`). */
export function setSessionHint(signedIn: boolean): void {
  if (typeof document === 'undefined') return;
  document.cookie = signedIn ? `${NAME}=1${cookieAttributes()}` : `${NAME}=${cookieAttributes()}; Max-Age=0`;
}
