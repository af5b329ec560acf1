// The regions feature's query keys.
export const regionKeys = {
  all: ['regions'] as const,
  search: (q: string) => [...regionKeys.all, 'search', q] as const,
  /** The options of a level: the children of `parentCode` ('' for the provinces, or no parent yet). */
  level: (level: string, parentCode: string) => [...regionKeys.all, 'level', level, parentCode] as const,
  one: (code: string) => [...regionKeys.all, 'one', code] as const,
  /** When the official list was loaded into gotong, and from where (the load's audit entry). */
  dataLoad: () => [...regionKeys.all, 'data-load'] as const,
};
