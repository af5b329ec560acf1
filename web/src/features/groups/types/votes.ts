// Deliberation by vote, one member one vote (seed 001): the count per option as people read it,
// who has voted, and the choices a voter taps.
import type { Deliberation, DeliberationView, Member } from './index';

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
  }));
  if (deliberation.method === 'vote') {
    rows.push({
      option_id: null,
      label: againstLabel,
      votes: deliberation.votes_against,
      share: share(deliberation.votes_against),
      chosen: false,
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

export interface VoterRow {
  member_id: number;
  name: string;
  /** undefined: not voted yet; otherwise what was recorded. */
  voted: Choice | undefined;
}

/**
 * Who votes: every member now (a recorder enters them all), or only the caller herself. Members
 * who have voted come with their choice, so their row shows it instead of buttons.
 */
export function voterRows(
  members: readonly Pick<Member, 'id' | 'person' | 'active'>[],
  deliberation: Pick<DeliberationView, 'votes'>,
  onlyMemberId: number | null,
): VoterRow[] {
  const votes = votesByMember(deliberation);
  return members
    .filter((member) => member.active && (onlyMemberId === null || member.id === onlyMemberId))
    .map((member) => ({
      member_id: member.id,
      name: member.person.name,
      voted: votes.has(member.id) ? votes.get(member.id)! : undefined,
    }));
}
