// The people feature's query keys. One person's record sits under ['people', id], the key the
// registry's enterprise page reads the owner under too: a saved correction shows there at once.
import type { QueryValue } from '../../../lib/api-client';

type Query = Record<string, QueryValue>;

export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (query: Query) => [...peopleKeys.lists(), query] as const,
  person: (id: number) => [...peopleKeys.all, id] as const,
  history: (id: number) => [...peopleKeys.person(id), 'history'] as const,
  /** The name of the stakeholder that keeps a record. */
  steward: (id: number) => [...peopleKeys.all, 'steward', id] as const,
  /** The registry's enterprise records carry their owner's name and gender. */
  enterprises: ['enterprises'] as const,
};
