// Addresses of the registry's pages; the app's route table uses the same patterns.

export const REGISTRY_PATH = '/registry';
export const AREAS_PATH = '/registry/areas';
export const NEW_ENTERPRISE_PATH = '/registry/new';
export const RENEWAL_PATH = '/renewal';

export function enterprisePath(id: number): string {
  return `${REGISTRY_PATH}/${id}`;
}

/** The edit form; `back` is where to return after saving, `renewal` also verifies on save. */
export function editPath(id: number, options: { back?: string; renewal?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.renewal) params.set('renewal', '1');
  if (options.back) params.set('back', options.back);
  const query = params.toString();
  return `${REGISTRY_PATH}/${id}/edit${query ? `?${query}` : ''}`;
}

/** Only an address inside the app may be a place to return to, never another site. */
export function safeBackPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}

export function renewalPath(village: string | null): string {
  return village ? `${RENEWAL_PATH}?village=${encodeURIComponent(village)}` : RENEWAL_PATH;
}

/** A person's own page (the people feature's), where her data is corrected and its history read. */
export function personPath(id: number): string {
  return `/people/${id}`;
}
