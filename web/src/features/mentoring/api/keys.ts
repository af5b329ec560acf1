// The mentoring feature's query keys. A group's learning (its cycles, mentorships, and the members
// and proposals this feature reads for them) sits under `learning(groupId)`; one cycle under
// `cycle(id)`, so that a write refreshes exactly what it changed.
export const mentoringKeys = {
  all: ['mentoring'] as const,
  catalogue: () => [...mentoringKeys.all, 'competencies'] as const,
  /** A sector's own competencies and the shared business skills (still taught). */
  sectorCatalogue: (sector: string) => [...mentoringKeys.catalogue(), { sector }] as const,

  learning: (groupId: number) => [...mentoringKeys.all, 'group', groupId] as const,
  cycles: (groupId: number) => [...mentoringKeys.learning(groupId), 'cycles'] as const,
  mentorships: (groupId: number) => [...mentoringKeys.learning(groupId), 'mentorships'] as const,
  members: (groupId: number) => [...mentoringKeys.learning(groupId), 'members'] as const,
  proposals: (groupId: number) => [...mentoringKeys.learning(groupId), 'proposals'] as const,

  cycle: (cycleId: number) => [...mentoringKeys.all, 'cycle', cycleId] as const,
};

// Help requests: the lists of one group (by filter and page) and each request.
export const helpKeys = {
  all: [...mentoringKeys.all, 'help'] as const,
  lists: (groupId: number) => [...helpKeys.all, 'group', groupId] as const,
  list: (groupId: number, filter: string, offset: number) => [...helpKeys.lists(groupId), { filter, offset }] as const,
  request: (id: number) => [...helpKeys.all, 'request', id] as const,
};
