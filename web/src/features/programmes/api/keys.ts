// The programmes feature's query keys: the list by filter, one programme and what hangs off it
// (enrolments, budget, ledger, loan book, learning outcomes, exits, follow-ups, dashboard,
// candidates and rounds), and each loan.
import type { Narrowing } from '../types/targeting';

export const programmeKeys = {
  all: ['programmes'] as const,
  lists: () => [...programmeKeys.all, 'list'] as const,
  list: (filters: { q: string; status: string | null; offset: number }) => [...programmeKeys.lists(), filters] as const,
  programme: (id: number) => [...programmeKeys.all, 'programme', id] as const,
  enrolments: (id: number) => [...programmeKeys.programme(id), 'enrolments'] as const,
  eligibility: (id: number, kind: string, recipientId: number) => [...programmeKeys.programme(id), 'eligibility', kind, recipientId] as const,
  budget: (id: number) => [...programmeKeys.programme(id), 'budget'] as const,
  ledger: (id: number, offset: number) => [...programmeKeys.programme(id), 'ledger', offset] as const,
  loans: (id: number) => [...programmeKeys.programme(id), 'loans'] as const,
  outcomes: (id: number) => [...programmeKeys.programme(id), 'outcomes'] as const,
  // Exit to a local hero, follow-ups and the dashboard (api/exits.ts).
  exits: (id: number) => [...programmeKeys.programme(id), 'exits'] as const,
  exitList: (id: number, offset: number) => [...programmeKeys.exits(id), 'list', offset] as const,
  exit: (id: number, groupId: number) => [...programmeKeys.exits(id), 'group', groupId] as const,
  followUps: (id: number) => [...programmeKeys.programme(id), 'follow-ups'] as const,
  followUpBoard: (id: number, offset: number) => [...programmeKeys.followUps(id), offset] as const,
  dashboard: (id: number) => [...programmeKeys.programme(id), 'dashboard'] as const,
  members: (groupId: number) => [...programmeKeys.all, 'members', groupId] as const,
  loan: (id: number) => [...programmeKeys.all, 'loan', id] as const,
  stakeholders: () => [...programmeKeys.all, 'stakeholders'] as const,
  facilitators: (id: number) => [...programmeKeys.programme(id), 'facilitators'] as const,
  search: (kind: string, q: string) => [...programmeKeys.all, 'search', kind, q] as const,
  // targeting: candidates ranked now, the rounds that froze them, a member's own selections
  candidates: (id: number, narrowing: Narrowing, offset: number) =>
    [...programmeKeys.programme(id), 'candidates', narrowing.kind, narrowing.region ?? '', narrowing.sector, offset] as const,
  rounds: (id: number) => [...programmeKeys.programme(id), 'rounds'] as const,
  roundPage: (id: number, offset: number) => [...programmeKeys.rounds(id), 'page', offset] as const,
  round: (id: number, roundId: number) => [...programmeKeys.rounds(id), roundId] as const,
  beneficiaries: (id: number, roundId: number, offset: number) => [...programmeKeys.round(id, roundId), 'beneficiaries', offset] as const,
  decision: (id: number, roundId: number, kind: string, recipientId: number) =>
    [...programmeKeys.round(id, roundId), 'decision', kind, recipientId] as const,
  mySelections: () => [...programmeKeys.all, 'my-selections'] as const,
};
