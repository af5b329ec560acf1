import { describe, expect, it } from 'vitest';
import { deliberationView, MEMBERS, member } from '../../../test/groups';
import { choiceLabel, tally, voterRows, votesByMember } from './votes';

describe('tally', () => {
  it('counts each option and the votes against, with their share of the votes cast', () => {
    const deliberation = deliberationView({
      options: [
        { id: 31, label: 'Pasar dibagi', votes: 3 },
        { id: 32, label: 'Bebas', votes: 1 },
      ],
      votes_against: 0,
      votes_cast: 4,
    });
    expect(tally(deliberation, 'Tidak setuju')).toEqual([
      { option_id: 31, label: 'Pasar dibagi', votes: 3, share: 0.75, chosen: false },
      { option_id: 32, label: 'Bebas', votes: 1, share: 0.25, chosen: false },
      { option_id: null, label: 'Tidak setuju', votes: 0, share: 0, chosen: false },
    ]);
  });

  it('marks the agreed option, and has no "against" row for a consensus', () => {
    const rows = tally(
      deliberationView({ method: 'consensus', decided: true, outcome: 'agreed', option_id: 32 }),
      'Tidak setuju',
    );
    expect(rows.map((row) => [row.option_id, row.chosen, row.share])).toEqual([
      [31, false, 0],
      [32, true, 0],
    ]);
  });
});

describe('voters', () => {
  const deliberation = deliberationView({
    votes: [
      { member_id: 11, name: 'Sulastri', option_id: 31 },
      { member_id: 12, name: 'Sutini', option_id: null },
    ],
  });

  it('lists every active member for a recorder, with the choice of those who voted', () => {
    const rows = voterRows([...MEMBERS, member(15, 'Tukini', { active: false })], deliberation, null);
    expect(rows.map((row) => [row.member_id, row.voted])).toEqual([
      [11, 31],
      [12, null],
      [13, undefined],
      [14, undefined],
    ]);
  });

  it('lists only the caller when she casts her own vote', () => {
    expect(voterRows(MEMBERS, deliberation, 14)).toEqual([{ member_id: 14, name: 'Painem', voted: undefined }]);
  });

  it('names choices: an option by its label, null as against', () => {
    expect(votesByMember(deliberation).get(12)).toBeNull();
    expect(choiceLabel(deliberation, 31, 'Tidak setuju')).toBe('Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen');
    expect(choiceLabel(deliberation, null, 'Tidak setuju')).toBe('Tidak setuju');
  });
});
