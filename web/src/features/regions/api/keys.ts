// The regions feature's query keys.
export const regionKeys = {
  all: ['regions'] as const,
  search: (q: string) => [...regionKeys.all, 'search', q] as const,
};
