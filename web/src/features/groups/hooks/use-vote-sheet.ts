// The sheet a recorder fills in at a meeting: the members with their votes, and the choices
// tapped since the last save. The page holds it, so that the save bar, the decision and the
// question before leaving all count the same unsaved choices.
import { useState } from 'react';
import type { DeliberationView, GroupView } from '../types';
import { NO_PICKS, sheetRows, tapChoice, unsavedLines, type Choice, type Picks, type SheetRow } from '../types/votes';
import { useMembers } from './use-group-queries';

export function useVoteSheet(group: Pick<GroupView, 'id' | 'member_id'>, deliberation: DeliberationView | undefined, enabled: boolean) {
  const members = useMembers(group.id, false, enabled);
  const [picks, setPicks] = useState<Picks>(NO_PICKS);
  const rows: SheetRow[] | null = enabled && members.data && deliberation ? sheetRows(members.data, deliberation, group.member_id) : null;
  const unsaved = enabled && rows ? unsavedLines(picks, rows) : [];
  return {
    members,
    /** null while the members load (or when the caller records no votes). */
    rows,
    picks,
    /** The lines a save would send. */
    unsaved,
    tap: (row: SheetRow, choice: Choice) => setPicks((current) => tapChoice(current, row, choice)),
    clear: () => setPicks(NO_PICKS),
  };
}

export type VoteSheetState = ReturnType<typeof useVoteSheet>;
