// Where the people pages live; other features link here by address, never by import.
export const PEOPLE_PATH = '/people';

export const personPath = (id: number) => `${PEOPLE_PATH}/${id}`;

export const personEditPath = (id: number) => `${PEOPLE_PATH}/${id}/edit`;

/** The registry's list searched for a name: its text search also matches the owner's name. */
export const registrySearchPath = (name: string) => `/registry?${new URLSearchParams({ q: name }).toString()}`;

/** "12" → 12; anything that is not a positive whole number → null. */
export function parsePersonId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
