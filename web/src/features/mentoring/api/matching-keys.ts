// Matching runs' query keys, under the mentoring feature's (a file of their own, so that the group
// workspace, which reads keys.ts, does not carry them).
import { mentoringKeys } from './keys';
// Matching runs: the runs of a group (by page), each run, the groups one may match and their mentors.
export const matchingKeys = {
  all: [...mentoringKeys.all, 'matching'] as const,
  runLists: () => [...matchingKeys.all, 'runs'] as const,
  runs: (groupId: number, offset: number) => [...matchingKeys.runLists(), groupId, { offset }] as const,
  run: (id: number) => [...matchingKeys.all, 'run', id] as const,
  groups: (q: string) => [...matchingKeys.all, 'groups', { q }] as const,
  group: (id: number) => [...matchingKeys.all, 'group', id] as const,
  mentors: (groupId: number) => [...matchingKeys.all, 'mentors', groupId] as const,
};
