import { useResource, type Resource } from '../../../lib/use-resource';
import { listAllMembers } from '../api/groups';
import type { Member } from '../types';

/**
 * Every member of a group (those who left too, when asked), loaded page after page. `version`
 * loads them again after a change elsewhere (a member added); nothing loads while not `enabled`.
 */
export function useMembers(groupId: number, includeLeft: boolean, version = 0, enabled = true): Resource<Member[]> {
  return useResource(enabled ? `members-${groupId}-${includeLeft}-${version}` : null, (signal) =>
    listAllMembers(groupId, includeLeft, signal),
  );
}
