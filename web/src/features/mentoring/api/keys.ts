// The mentoring feature's query keys.
export const mentoringKeys = {
  all: ['mentoring'] as const,
  catalogue: () => [...mentoringKeys.all, 'competencies'] as const,
};

// Help requests: the lists of one group (by filter and page) and each request.
export const helpKeys = {
  all: [...mentoringKeys.all, 'help'] as const,
  lists: (groupId: number) => [...helpKeys.all, 'group', groupId] as const,
  list: (groupId: number, filter: string, offset: number) => [...helpKeys.lists(groupId), { filter, offset }] as const,
  request: (id: number) => [...helpKeys.all, 'request', id] as const,
};
