import type { Schemas } from '../../../lib/api/schemas';

/** Body of PUT /api/v1/me/password. */
export type ChangePasswordRequest = Schemas['PasswordChange'];

/** The contract's minimum, counted in Unicode code points like the server does. */
export const MIN_PASSWORD_LENGTH = 12;

/** Length in Unicode code points, as the server counts it (an emoji is one, not two). */
export function codePointLength(text: string): number {
  return [...text].length;
}

export function isLongEnough(password: string): boolean {
  return codePointLength(password) >= MIN_PASSWORD_LENGTH;
}
