// The fee sheet of one meeting: what the leader changed on it since she opened it, and everything
// the sheet shows derived from the meeting, the members, the fee rules and the fees the meeting
// holds already. The meeting page holds it, so that leaving the page asks about what is unsaved.
import { useState } from 'react';
import type { MeetingView } from '../types';
import {
  changeLine,
  feeInForce,
  feeSheetLines,
  feeSheetRows,
  NO_CHANGES,
  recordedFees,
  tickAll,
  tickedLines,
  type FeeSheetChanges,
  type FeeSheetLine,
  type LineChange,
} from '../types/fee-sheet';
import { useFeeRules, useMeetingFees, useMembers } from './use-group-queries';

export function useFeeSheet(groupId: number, meeting: Pick<MeetingView, 'id' | 'held_on' | 'attendance'> | undefined, enabled: boolean) {
  const members = useMembers(groupId, false, enabled);
  const rules = useFeeRules(groupId, enabled);
  const recorded = useMeetingFees(groupId, meeting?.id ?? 0, enabled && meeting !== undefined);
  const [open, setOpen] = useState(false);
  const [changes, setChanges] = useState<FeeSheetChanges>(NO_CHANGES);
  const fee = rules.data && meeting ? feeInForce(rules.data.items, meeting.held_on.slice(0, 7)) : null;
  const held = recorded.data ? recordedFees(recorded.data.items) : null;
  const lines: FeeSheetLine[] | null =
    enabled && meeting && members.data && rules.data && held ? feeSheetLines(feeSheetRows(members.data, meeting, held), changes, fee) : null;
  const unsaved = open && lines ? tickedLines(lines).length : 0;
  const failure = [members, rules, recorded].find((query) => query.isError)?.error ?? null;
  return {
    /** null while the members, the fee rules or the meeting's fees load (or when she records no fees). */
    lines,
    /** The month's fee that fills a ticked line; null when the group has no fee rule. */
    fee,
    /** What the meeting holds already, by member. */
    recorded: held,
    failure,
    open,
    /** Lines that a save would send while the sheet is open: leaving the page asks about them. */
    unsaved,
    start: () => {
      setChanges(NO_CHANGES);
      setOpen(true);
    },
    close: () => {
      setChanges(NO_CHANGES);
      setOpen(false);
    },
    change: (memberId: number, change: LineChange) => setChanges((current) => changeLine(current, memberId, change)),
    tickAll: () => {
      if (lines) setChanges((current) => tickAll(current, lines));
    },
  };
}

export type FeeSheetState = ReturnType<typeof useFeeSheet>;
