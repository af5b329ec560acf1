// Deliberation by vote, one member one vote (seed 001 and issue 13): the count per option as
// people read it, the sheet a recorder fills in at a meeting (each tap kept until one save), the
// quorum, and what deciding will do with the votes cast so far.
import { isApiError } from '../../../lib/api-client';
import type { Deliberation, DeliberationView, Member, VoteSheetInput } from './index';
import { sortSheetErrors, type SheetErrors } from './errors';

/** A choice on the ballot: one of the options, or "against" (null) the proposal. */
export type Choice = number | null;

export interface TallyRow {
  /** null: against the proposal. */
  option_id: number | null;
  label: string;
  votes: number;
  /** Share of the votes cast, 0..1 (0 while nobody has voted). */
  share: number;
  /** The option the group agreed on. */
  chosen: boolean;
  /** What a learning theme's option would have the group learn (none for "against" and other topics). */
  targets: Deliberation['options'][number]['targets'];
}

/** One row per option in the proposal's order, then "against" when the proposal is voted on. */
export function tally(deliberation: Deliberation, againstLabel: string): TallyRow[] {
  const cast = Math.max(0, deliberation.votes_cast);
  const share = (votes: number) => (cast > 0 ? votes / cast : 0);
  const rows: TallyRow[] = deliberation.options.map((option) => ({
    option_id: option.id,
    label: option.label,
    votes: option.votes,
    share: share(option.votes),
    chosen: deliberation.outcome === 'agreed' && deliberation.option_id === option.id,
    targets: option.targets,
  }));
  if (deliberation.method === 'vote') {
    rows.push({
      option_id: null,
      label: againstLabel,
      votes: deliberation.votes_against,
      share: share(deliberation.votes_against),
      chosen: false,
      targets: [],
    });
  }
  return rows;
}

/** What each member chose, by member id. */
export function votesByMember(deliberation: Pick<DeliberationView, 'votes'>): Map<number, Choice> {
  return new Map(deliberation.votes.map((vote) => [vote.member_id, vote.option_id]));
}

/** The label of a choice ("against" for null); the option's id when it is not on the proposal. */
export function choiceLabel(deliberation: Pick<Deliberation, 'options'>, choice: Choice, againstLabel: string): string {
  if (choice === null) return againstLabel;
  return deliberation.options.find((option) => option.id === choice)?.label ?? String(choice);
}

/** Every choice in ballot order: the options, then against. */
export function choicesOf(deliberation: Pick<Deliberation, 'options'>): Choice[] {
  return [...deliberation.options.map((option) => option.id), null];
}

// ---- the sheet a recorder fills in -----------------------------------------------------------

/**
 * How a member's vote gets in: `sheet`, the recorder enters it (she has no account); `own_phone`,
 * she has an account and votes from it; `caller`, she is the signed-in recorder herself, who
 * votes in her own box above the sheet.
 */
export type VoterMode = 'sheet' | 'own_phone' | 'caller';

export interface SheetRow {
  member_id: number;
  name: string;
  /** undefined: not voted yet; otherwise what was recorded. */
  voted: Choice | undefined;
  mode: VoterMode;
}

/** One row per active member, in the members' order, each with her recorded vote and how it gets in. */
export function sheetRows(
  members: readonly Pick<Member, 'id' | 'person' | 'active' | 'user_id'>[],
  deliberation: Pick<DeliberationView, 'votes'>,
  callerMemberId: number | null,
): SheetRow[] {
  const votes = votesByMember(deliberation);
  return members
    .filter((member) => member.active)
    .map((member) => ({
      member_id: member.id,
      name: member.person.name,
      voted: votes.has(member.id) ? votes.get(member.id)! : undefined,
      mode: member.id === callerMemberId ? 'caller' : member.user_id !== null ? 'own_phone' : 'sheet',
    }));
}

/** The choices tapped on the sheet and not saved yet, by member id. */
export type Picks = ReadonlyMap<number, Choice>;

export const NO_PICKS: Picks = new Map();

/**
 * A tap on a member's choice. Tapping the choice she already has picked, or the vote recorded
 * for her, leaves her as recorded: a mis-tap is undone by tapping again, never by a save.
 */
export function tapChoice(picks: Picks, row: Pick<SheetRow, 'member_id' | 'voted'>, choice: Choice): Picks {
  const next = new Map(picks);
  const undo = (picks.has(row.member_id) && picks.get(row.member_id) === choice) || row.voted === choice;
  if (undo) next.delete(row.member_id);
  else next.set(row.member_id, choice);
  return next;
}

/** The choice a row shows as pressed: the pick when there is one, else the vote recorded. */
export function shownChoice(picks: Picks, row: Pick<SheetRow, 'member_id' | 'voted'>): Choice | undefined {
  return picks.has(row.member_id) ? picks.get(row.member_id) : row.voted;
}

/**
 * The picks a save would send, in the sheet's order: those of members the recorder enters whose
 * pick differs from the vote recorded (the server may have recorded the same meanwhile).
 */
export function unsavedLines(picks: Picks, rows: readonly SheetRow[]): VoteSheetInput['votes'] {
  return rows
    .filter((row) => row.mode === 'sheet' && picks.has(row.member_id) && picks.get(row.member_id) !== row.voted)
    .map((row) => ({ member_id: row.member_id, option_id: picks.get(row.member_id)! }));
}

/** PUT …/votes: every unsaved pick in one body; null when there is nothing to save. */
export function sheetBody(picks: Picks, rows: readonly SheetRow[]): VoteSheetInput | null {
  const votes = unsavedLines(picks, rows);
  return votes.length > 0 ? { votes } : null;
}

/**
 * Sorts a refused sheet's errors onto its rows: "votes[3].member_id" or "votes[3].option_id" is
 * about the member of the fourth line sent. Anything else ("deliberation"/"decided",
 * "votes"/"too_many") is about the sheet as a whole.
 */
export function sheetErrors(error: unknown, sent: VoteSheetInput): SheetErrors {
  return sortSheetErrors(error, 'votes', sent.votes);
}

// ---- quorum and what deciding will do ---------------------------------------------------------

export interface QuorumState {
  /** Votes cast so far. */
  voted: number;
  /** Members who may vote today. */
  voters: number;
  /** Votes needed before it is decided; null for a proposal without one (put before quorums). */
  quorum: number | null;
  reached: boolean;
  /** Votes still needed (0 once reached). */
  missing: number;
}

export function quorumOf(deliberation: Pick<DeliberationView, 'votes_cast' | 'voters' | 'quorum'>): QuorumState {
  const voted = Math.max(0, deliberation.votes_cast);
  const quorum = deliberation.quorum;
  const missing = quorum === null ? 0 : Math.max(0, quorum - voted);
  return { voted, voters: Math.max(0, deliberation.voters), quorum, reached: missing === 0, missing };
}

/** The quorum a proposal gets when none is given: more than half of the members who may vote. */
export function defaultQuorum(voters: number): number {
  return Math.floor(Math.max(0, voters) / 2) + 1;
}

/** Whether `votes` of `cast` carries an option under the rule (votes against count among those cast). */
export function carries(rule: 'majority' | 'two_thirds', votes: number, cast: number): boolean {
  if (cast <= 0) return false;
  return rule === 'majority' ? votes * 2 > cast : votes * 3 >= cast * 2;
}

/** What counting the votes now would decide: the option carried, or none. */
export type Forecast =
  | { agreed: true; option_id: number; label: string; votes: number; cast: number }
  | { agreed: false; cast: number };

export function forecast(deliberation: Pick<Deliberation, 'rule' | 'options' | 'votes_cast'>): Forecast {
  const cast = Math.max(0, deliberation.votes_cast);
  if (deliberation.rule === 'consensus') return { agreed: false, cast };
  const rule = deliberation.rule;
  const winner = deliberation.options.find((option) => carries(rule, option.votes, cast));
  return winner ? { agreed: true, option_id: winner.id, label: winner.label, votes: winner.votes, cast } : { agreed: false, cast };
}

export interface NoQuorum {
  voted: number;
  voters: number;
  needed: number;
}

const countParam = (params: Record<string, string>, name: string): number | null => {
  const text = params[name];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
};

/**
 * The numbers of a refusal to decide short of the quorum (409, deliberation/no_quorum, params
 * voted, voters, needed); from a server that sent none, those the page last showed. Null when
 * the failure was something else.
 */
export function noQuorumOf(error: unknown, shown: Pick<DeliberationView, 'votes_cast' | 'voters' | 'quorum'>): NoQuorum | null {
  if (!isApiError(error)) return null;
  const found = error.errors.find((e) => e.code === 'no_quorum');
  if (!found) return null;
  const voted = countParam(found.params, 'voted');
  const voters = countParam(found.params, 'voters');
  const needed = countParam(found.params, 'needed');
  if (voted !== null && voters !== null && needed !== null) return { voted, voters, needed };
  return { voted: shown.votes_cast, voters: shown.voters, needed: shown.quorum ?? defaultQuorum(shown.voters) };
}
