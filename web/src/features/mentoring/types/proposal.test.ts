import { describe, expect, it } from 'vitest';
import { CASSAVA, YEAST } from '../../../test/learning';
import { emptyProposalDraft, proposalErrorKey, validateProposal, withOptionAdded, type ProposalDraft } from './proposal';

/** Three boxes: a blank one, a theme naming nothing, a theme naming cassava (3) then yeast (2). */
const draft: ProposalDraft = {
  title: 'Tema belajar',
  description: '',
  options: [
    { key: 0, label: ' ', targets: [] },
    { key: 1, label: 'Tape ketan hitam', targets: [] },
    {
      key: 2,
      label: 'Tape singkong madu',
      targets: [
        { competency_id: CASSAVA, level: 3 },
        { competency_id: YEAST, level: 2 },
      ],
    },
  ],
};

describe('a theme proposal', () => {
  it('sends plain labels while no theme names a competency, and every theme as an object once one does', () => {
    const plain = { ...draft, options: draft.options.map((o) => ({ ...o, targets: [] })) };
    expect(validateProposal(plain).input?.options).toEqual(['Tape ketan hitam', 'Tape singkong madu']);
    expect(validateProposal(draft).input?.options).toEqual([
      { label: 'Tape ketan hitam' },
      {
        label: 'Tape singkong madu',
        targets: [
          { competency_id: CASSAVA, level: 3 },
          { competency_id: YEAST, level: 2 },
        ],
      },
    ]);
  });

  it('refuses a blank box that names competencies, without also asking for a theme', () => {
    const blank = { ...emptyProposalDraft('Tema'), options: [{ key: 0, label: '', targets: [{ competency_id: YEAST, level: 2 as const }] }] };
    expect(validateProposal(blank).errors).toEqual({ 'options[0]': ['mentoring.proposal.labelRequired'] });
    expect(validateProposal(emptyProposalDraft('Tema')).errors).toEqual({ options: ['mentoring.proposal.optionsRequired'] });
  });

  it('adds a box with a key no other box has, so a removed box’s state does not pass to another', () => {
    const options = withOptionAdded([draft.options[2]!, draft.options[0]!]);
    expect(options.map((o) => o.key)).toEqual([2, 0, 3]);
    expect(options[2]).toEqual({ key: 3, label: '', targets: [] });
  });

  it('places the server’s refusals in the box and on the competency line they were sent as', () => {
    // The blank first box is not sent: the server's options[1] is the third box.
    expect(proposalErrorKey('options[1].targets[1].competency_id', draft)).toBe(`options[2].target-${YEAST}`);
    expect(proposalErrorKey('options[1].targets[0].level', draft)).toBe(`options[2].target-${CASSAVA}`);
    expect(proposalErrorKey('options[1].targets', draft)).toBe('options[2].targets');
    expect(proposalErrorKey('options[0]', draft)).toBe('options[1]');
    expect(proposalErrorKey('options', draft)).toBe('options');
    // A position the form did not send stays with the themes as a whole.
    expect(proposalErrorKey('options[5]', draft)).toBe('options');
    expect(proposalErrorKey('options[1].targets[7].competency_id', draft)).toBe('options[2].targets');
  });
});
