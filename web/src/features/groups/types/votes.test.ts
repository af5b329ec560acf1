import { describe, expect, it } from 'vitest';
import { deliberationView, MEMBERS, member, vote } from '../../../test/groups';
import { refusal } from '../../../test/render';
import {
  carries,
  choiceLabel,
  defaultQuorum,
  forecast,
  NO_PICKS,
  noQuorumOf,
  quorumOf,
  sheetBody,
  sheetErrors,
  sheetRows,
  shownChoice,
  tally,
  tapChoice,
  unsavedLines,
  votesByMember,
  type SheetRow,
} from './votes';

describe('tally', () => {
  it('counts each option and the votes against, with their share of the votes cast', () => {
    const deliberation = deliberationView({
      options: [
        { id: 31, label: 'Pasar dibagi', votes: 3, targets: [] },
        { id: 32, label: 'Bebas', votes: 1, targets: [] },
      ],
      votes_against: 0,
      votes_cast: 4,
    });
    expect(tally(deliberation, 'Tidak setuju')).toEqual([
      { option_id: 31, label: 'Pasar dibagi', votes: 3, share: 0.75, chosen: false, targets: [] },
      { option_id: 32, label: 'Bebas', votes: 1, share: 0.25, chosen: false, targets: [] },
      { option_id: null, label: 'Tidak setuju', votes: 0, share: 0, chosen: false, targets: [] },
    ]);
  });

  it('carries what a learning theme’s option would have the group learn onto its row', () => {
    const yeast = { competency_id: 8, code: 'tape.ragi', name: 'Fermentasi dengan ragi', name_en: 'Fermentation with yeast', level: 3 };
    const rows = tally(
      deliberationView({
        topic: 'learning_theme',
        options: [
          { id: 31, label: 'Tape singkong madu', votes: 0, targets: [yeast] },
          { id: 32, label: 'Tape ketan hitam', votes: 0, targets: [] },
        ],
      }),
      'Tidak setuju',
    );
    expect(rows.map((row) => [row.option_id, row.targets])).toEqual([
      [31, [yeast]],
      [32, []],
      [null, []],
    ]);
  });

  it('marks the agreed option, and has no "against" row for a consensus', () => {
    const rows = tally(
      deliberationView({ method: 'consensus', rule: 'consensus', decided: true, outcome: 'agreed', option_id: 32 }),
      'Tidak setuju',
    );
    expect(rows.map((row) => [row.option_id, row.chosen, row.share])).toEqual([
      [31, false, 0],
      [32, true, 0],
    ]);
  });

  it('names choices: an option by its label, null as against', () => {
    const deliberation = deliberationView({ votes: [vote(12, null)] });
    expect(votesByMember(deliberation).get(12)).toBeNull();
    expect(choiceLabel(deliberation, 31, 'Tidak setuju')).toBe('Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen');
    expect(choiceLabel(deliberation, null, 'Tidak setuju')).toBe('Tidak setuju');
  });
});

// Sulastri (11) is the signed-in leader with her account; Sutini (12) and Suwarni (13) have none;
// Painem (14) has her own account; Tukini (15) left the group.
const PEOPLE = [
  { ...MEMBERS[0]!, user_id: 21 },
  MEMBERS[1]!,
  MEMBERS[2]!,
  { ...MEMBERS[3]!, user_id: 24 },
  member(15, 'Tukini', { active: false, left_on: '2026-01-31' }),
];

describe('the vote sheet', () => {
  const deliberation = deliberationView({ votes: [vote(13, 32), vote(14, 31, { recorded_by: 'painem', own: true })] });
  const rows = sheetRows(PEOPLE, deliberation, 11);
  const row = (id: number) => rows.find((r) => r.member_id === id)!;

  it('has one row per active member: the caller, members voting from their phones, and those entered here', () => {
    expect(rows.map((r) => [r.member_id, r.mode, r.voted])).toEqual([
      [11, 'caller', undefined],
      [12, 'sheet', undefined],
      [13, 'sheet', 32],
      [14, 'own_phone', 31],
    ]);
  });

  it('keeps every tap until the save: ten choices tapped are ten lines in one body', () => {
    const many: SheetRow[] = Array.from({ length: 10 }, (_, i) => ({ member_id: 100 + i, name: `Anggota ${i}`, voted: undefined, mode: 'sheet' }));
    let picks = NO_PICKS;
    many.forEach((r, i) => {
      picks = tapChoice(picks, r, i % 3 === 0 ? null : 31);
    });
    expect(unsavedLines(picks, many)).toHaveLength(10);
    expect(sheetBody(picks, many)?.votes[0]).toEqual({ member_id: 100, option_id: null });
    expect(sheetBody(picks, many)?.votes[1]).toEqual({ member_id: 101, option_id: 31 });
  });

  it('undoes a pick tapped again, and a pick of the vote already recorded is no change', () => {
    let picks = tapChoice(NO_PICKS, row(12), 31);
    expect(shownChoice(picks, row(12))).toBe(31);
    picks = tapChoice(picks, row(12), 31);
    expect(picks.has(12)).toBe(false);
    expect(shownChoice(picks, row(12))).toBeUndefined();

    picks = tapChoice(picks, row(13), 32);
    expect(picks.has(13)).toBe(false);
    expect(shownChoice(picks, row(13))).toBe(32);
  });

  it('changes a recorded vote with a new pick, and against (null) counts as a choice', () => {
    let picks = tapChoice(NO_PICKS, row(13), null);
    picks = tapChoice(picks, row(12), 32);
    expect(shownChoice(picks, row(13))).toBeNull();
    expect(sheetBody(picks, rows)).toEqual({
      votes: [
        { member_id: 12, option_id: 32 },
        { member_id: 13, option_id: null },
      ],
    });
  });

  it('sends no line for a member who votes from her own phone, nor for a pick the server has since recorded', () => {
    const picks = new Map([
      [14, 32],
      [11, 31],
      [13, 32],
    ]);
    expect(unsavedLines(picks, rows)).toEqual([]);
    expect(sheetBody(picks, rows)).toBeNull();
  });

  it("puts the server's errors about a line on the member of that line, the rest on the sheet", () => {
    const sent = {
      votes: [
        { member_id: 12, option_id: 31 },
        { member_id: 13, option_id: null },
        { member_id: 14, option_id: 99 },
      ],
    };
    const found = sheetErrors(
      refusal(
        [
          { field: 'votes[2].member_id', code: 'has_account' },
          { field: 'votes[2].option_id', code: 'not_found' },
          { field: 'votes[0].member_id', code: 'not_member_now' },
          { field: 'deliberation', code: 'decided' },
          { field: 'votes[7].member_id', code: 'duplicate' },
        ],
        'invalid-input',
        400,
      ),
      sent,
    );
    expect([...found.byMember.entries()].map(([id, errors]) => [id, errors.map((e) => e.code)])).toEqual([
      [14, ['has_account', 'not_found']],
      [12, ['not_member_now']],
    ]);
    expect(found.other.map((e) => `${e.field}/${e.code}`)).toEqual(['deliberation/decided', 'votes[7].member_id/duplicate']);
    expect(sheetErrors(new Error('offline'), sent)).toEqual({ byMember: new Map(), other: [] });
  });
});

describe('quorum', () => {
  it('reads votes cast against the quorum and the members who may vote', () => {
    expect(quorumOf(deliberationView({ votes_cast: 4, voters: 10, quorum: 6 }))).toEqual({
      voted: 4,
      voters: 10,
      quorum: 6,
      reached: false,
      missing: 2,
    });
    expect(quorumOf(deliberationView({ votes_cast: 6, voters: 10, quorum: 6 })).reached).toBe(true);
    expect(quorumOf(deliberationView({ votes_cast: 0, voters: 10, quorum: null }))).toMatchObject({ reached: true, missing: 0 });
  });

  it('defaults to more than half of the members', () => {
    expect([1, 2, 3, 4, 10, 11].map(defaultQuorum)).toEqual([1, 2, 2, 3, 6, 6]);
  });

  it('reads the numbers of a refusal short of the quorum from its params, or from the page without them', () => {
    const shown = deliberationView({ votes_cast: 3, voters: 10, quorum: 6 });
    const withParams = refusal([{ field: 'deliberation', code: 'no_quorum', params: { voted: '4', voters: '10', needed: '6' } }]);
    expect(noQuorumOf(withParams, shown)).toEqual({ voted: 4, voters: 10, needed: 6 });
    const bare = refusal([{ field: 'deliberation', code: 'no_quorum', params: { voted: 'empat' } }]);
    expect(noQuorumOf(bare, shown)).toEqual({ voted: 3, voters: 10, needed: 6 });
    expect(noQuorumOf(refusal([{ field: 'deliberation', code: 'decided' }]), shown)).toBeNull();
  });
});

describe('what deciding will do', () => {
  it('carries an option with more than half under majority, at least two thirds under two thirds', () => {
    expect(carries('majority', 3, 6)).toBe(false);
    expect(carries('majority', 4, 7)).toBe(true);
    expect(carries('two_thirds', 4, 6)).toBe(true);
    expect(carries('two_thirds', 3, 5)).toBe(false);
    expect(carries('majority', 0, 0)).toBe(false);
  });

  it('forecasts the option carried, or none when votes against or a split keep every option short', () => {
    const options = [
      { id: 31, label: 'Pasar dibagi', votes: 4, targets: [] },
      { id: 32, label: 'Bebas', votes: 1, targets: [] },
    ];
    expect(forecast(deliberationView({ options, votes_cast: 6, votes_against: 1 }))).toEqual({
      agreed: true,
      option_id: 31,
      label: 'Pasar dibagi',
      votes: 4,
      cast: 6,
    });
    expect(forecast(deliberationView({ rule: 'two_thirds', options, votes_cast: 7, votes_against: 2 }))).toEqual({ agreed: false, cast: 7 });
    expect(forecast(deliberationView({ votes_cast: 0 }))).toEqual({ agreed: false, cast: 0 });
  });
});
