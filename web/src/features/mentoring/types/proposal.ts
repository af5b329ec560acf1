// A theme proposal as the cycle's page puts it to the group: a title and the themes members
// choose among (seed 000: members propose and choose the theme, often a market trend). It goes
// to the group's deliberations on topic learning_theme, decided by majority.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { ProposalInput } from './cycles';

export interface ProposalDraft {
  title: string;
  description: string;
  options: string[];
}

export type ProposalField = 'title' | 'description' | 'options' | `options[${number}]`;

export const PROPOSAL_FIELDS: readonly string[] = ['title', 'description', 'options'];

/** The server's limits (docs/openapi.yaml, DeliberationInput). */
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_OPTIONS = 12;

export function emptyProposalDraft(title: string): ProposalDraft {
  return { title, description: '', options: ['', ''] };
}

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A title, and at least one theme; blank boxes are left out, the same theme twice is refused. */
export function validateProposal(draft: ProposalDraft): Checked<ProposalField, ProposalInput> {
  const errors: LocalProblems<ProposalField> = {};
  const title = draft.title.trim();
  if (title === '') errors.title = ['mentoring.proposal.titleRequired'];
  else if ([...title].length > MAX_TITLE) errors.title = ['mentoring.proposal.tooLong'];
  const seen = new Set<string>();
  draft.options.forEach((option, index) => {
    const key = normal(option);
    if (key === '') return;
    if ([...option.trim()].length > MAX_TITLE) errors[`options[${index}]`] = ['mentoring.proposal.tooLong'];
    else if (seen.has(key)) errors[`options[${index}]`] = ['mentoring.errors.options.duplicate'];
    seen.add(key);
  });
  if (seen.size === 0) errors.options = ['mentoring.proposal.optionsRequired'];
  const description = draft.description.trim();
  if ([...description].length > MAX_DESCRIPTION) errors.description = ['mentoring.proposal.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      title,
      topic: 'learning_theme',
      description: description || null,
      options: draft.options.map((option) => option.trim()).filter((option) => option !== ''),
    },
  };
}

/** The box the server's `options[i]` (counted among the themes sent, blanks left out) is in. */
export function optionBoxOfSent(options: readonly string[], index: number): number | null {
  const boxes = options.flatMap((option, box) => (option.trim() === '' ? [] : [box]));
  return boxes[index] ?? null;
}
