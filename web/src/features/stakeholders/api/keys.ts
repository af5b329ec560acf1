// The stakeholders feature's query keys.
export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  lists: () => [...stakeholderKeys.all, 'list'] as const,
  list: (q: string) => [...stakeholderKeys.lists(), { q }] as const,
  one: (id: number) => [...stakeholderKeys.all, 'one', id] as const,
};
