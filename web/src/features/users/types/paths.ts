// Where the users pages live; other features link here by address, never by import.
export const USERS_PATH = '/users';

export const userPath = (id: number) => `${USERS_PATH}/${id}`;

/** The audit log filtered to one account's changes. */
export const userAuditPath = (id: number) => `/audit?${new URLSearchParams({ entity: 'user', entity_id: String(id) }).toString()}`;

/** "12" → 12; anything that is not a positive whole number → null. */
export function parseUserId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
