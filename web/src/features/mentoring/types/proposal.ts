// A theme proposal as the cycle's page puts it to the group: a title and the themes members
// choose among (seed 000: members propose and choose the theme, often a market trend), each
// naming the competencies the group would learn with it. It goes to the group's deliberations on
// topic learning_theme, decided by majority; the agreed theme's competencies become the cycle's
// targets when it starts.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { ProposalInput } from './cycles';
import type { PlanTarget } from './plan';

/** One theme's box, with the competencies it names; `key` keeps the box's identity as others are removed. */
export interface ProposalOption {
  key: number;
  label: string;
  targets: PlanTarget[];
}

export interface ProposalDraft {
  title: string;
  description: string;
  options: ProposalOption[];
}

/** A theme's box (`options[0]`), its list of competencies and one competency's line in it. */
export type ProposalField =
  | 'title'
  | 'description'
  | 'options'
  | `options[${number}]`
  | `options[${number}].targets`
  | `options[${number}].target-${number}`;

/** The server's fields the form shows beside its own (see proposalErrorKey for where). */
export const PROPOSAL_FIELDS: readonly string[] = [
  'title',
  'description',
  'options',
  'options_targets',
  'options_targets_competency_id',
  'options_targets_level',
];

/** The server's limits (docs/openapi.yaml, DeliberationInput and ThemeOptionInput). */
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_OPTIONS = 12;
export const MAX_OPTION_TARGETS = 50;

export function emptyProposalOption(key: number): ProposalOption {
  return { key, label: '', targets: [] };
}

export function emptyProposalDraft(title: string): ProposalDraft {
  return { title, description: '', options: [emptyProposalOption(0), emptyProposalOption(1)] };
}

/** The options with one more empty box at the end. */
export function withOptionAdded(options: readonly ProposalOption[]): ProposalOption[] {
  const key = options.reduce((max, option) => Math.max(max, option.key), -1) + 1;
  return [...options, emptyProposalOption(key)];
}

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

type ThemeOptions = NonNullable<ProposalInput['options']>;

/**
 * A title, and at least one theme; blank boxes are left out, the same theme twice is refused, and
 * so is a blank box that names competencies (they would be lost). The themes go as plain labels,
 * or, when any names competencies, each as its label and its competencies.
 */
export function validateProposal(draft: ProposalDraft): Checked<ProposalField, ProposalInput> {
  const errors: LocalProblems<ProposalField> = {};
  const title = draft.title.trim();
  if (title === '') errors.title = ['mentoring.proposal.titleRequired'];
  else if ([...title].length > MAX_TITLE) errors.title = ['mentoring.proposal.tooLong'];
  const seen = new Set<string>();
  draft.options.forEach((option, index) => {
    const key = normal(option.label);
    if (key === '') {
      if (option.targets.length > 0) errors[`options[${index}]`] = ['mentoring.proposal.labelRequired'];
      return;
    }
    if ([...option.label.trim()].length > MAX_TITLE) errors[`options[${index}]`] = ['mentoring.proposal.tooLong'];
    else if (seen.has(key)) errors[`options[${index}]`] = ['mentoring.errors.options.duplicate'];
    if (option.targets.length > MAX_OPTION_TARGETS) errors[`options[${index}].targets`] = ['mentoring.errors.options_targets.tooMany'];
    seen.add(key);
  });
  const boxRefused = Object.keys(errors).some((field) => field.startsWith('options['));
  if (seen.size === 0 && !boxRefused) errors.options = ['mentoring.proposal.optionsRequired'];
  const description = draft.description.trim();
  if ([...description].length > MAX_DESCRIPTION) errors.description = ['mentoring.proposal.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const filled = draft.options.filter((option) => option.label.trim() !== '');
  const namesTargets = filled.some((option) => option.targets.length > 0);
  const options: ThemeOptions = namesTargets
    ? filled.map((option) => ({
        label: option.label.trim(),
        ...(option.targets.length > 0 ? { targets: option.targets.map((t) => ({ competency_id: t.competency_id, level: t.level })) } : {}),
      }))
    : filled.map((option) => option.label.trim());
  return { errors, input: { title, topic: 'learning_theme', description: description || null, options } };
}

/** The box the server's `options[i]` (counted among the themes sent, blanks left out) is in. */
export function optionBoxOfSent(options: readonly Pick<ProposalOption, 'label'>[], index: number): number | null {
  const boxes = options.flatMap((option, box) => (option.label.trim() === '' ? [] : [box]));
  return boxes[index] ?? null;
}

const OPTION_FIELD = /^options\[(\d+)\](?:\.targets(?:\[(\d+)\]\.\w+)?)?$/;

/**
 * Where the form shows a refusal the server names by `field`, given the draft that was sent: a
 * theme's label ("options[1]") beside its box; a competency of it ("options[1].targets[0].level")
 * beside that competency's line in the box; its list ("options[1].targets") under the list;
 * anything else about the themes ("options") under them all.
 */
export function proposalErrorKey(field: string, draft: ProposalDraft): ProposalField {
  const match = OPTION_FIELD.exec(field);
  if (!match) return 'options';
  const box = optionBoxOfSent(draft.options, Number(match[1]));
  if (box === null) return 'options';
  if (!field.includes('.targets')) return `options[${box}]`;
  if (match[2] === undefined) return `options[${box}].targets`;
  const target = draft.options[box]!.targets[Number(match[2])];
  return target ? `options[${box}].target-${target.competency_id}` : `options[${box}].targets`;
}
