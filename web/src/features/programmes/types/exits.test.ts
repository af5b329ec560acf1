import { describe, expect, it } from 'vitest';
import { registerLanguage } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import { heroRecord, programmeDashboard } from '../../../test/programmes';
import { refusal } from '../../../test/render';
import { programmeFieldMessage } from './errors';
import {
  checklistFieldOf,
  completionPercent,
  dashboardRows,
  handOverRefusal,
  itemsInWords,
  recordForItem,
  unmetItems,
  validateChecklist,
  validateNomination,
  validateVisit,
  visitFieldOf,
} from './exits';
import { programmeTexts } from './programmes-texts.test-util';

registerLanguage('en', en);
const id = programmeTexts('id');
const english = programmeTexts('en');

const RECORD = heroRecord();

const unmet = (item: string) => ({ field: `checklist.${item}`, code: 'unmet', message: '', params: { item } });

describe('what the records say beside each readiness item', () => {
  it('reads her office, meetings attended and hosted, the ledger and other groups', () => {
    expect(recordForItem(id, 'leads_meetings', RECORD)).toBe('Ketua kelompok; hadir di 5 dari 6 rapat; tuan rumah 2 rapat');
    expect(recordForItem(id, 'keeps_books', RECORD)).toBe('tidak ada akun yang mencatat buku kas atas namanya');
    expect(recordForItem(id, 'keeps_books', { ...RECORD, ledger_entries: 12 })).toBe('mencatat 12 transaksi di buku kas kelompok');
    expect(recordForItem(id, 'outside_network', RECORD)).toBe('anggota 1 kelompok lain');
    expect(recordForItem(english, 'outside_network', RECORD)).toBe('member of 1 other group');
    expect(recordForItem(english, 'leads_meetings', { ...RECORD, meetings_hosted: 1 })).toBe('Group leader; attended 5 of 6 meetings; hosted 1 meeting');
  });
});

describe('a refused hand-over in words', () => {
  it('names every unmet item in the checklist’s order', () => {
    const error = refusal([unmet('outside_network'), unmet('leads_meetings'), unmet('keeps_books')]);
    expect(unmetItems(error.errors)).toEqual(['leads_meetings', 'keeps_books', 'outside_network']);
    expect(handOverRefusal(id, error, (e) => programmeFieldMessage(id, e), () => 'problem')).toBe(
      'Belum bisa diserahkan. Belum terpenuhi: memimpin rapat, memegang pembukuan dan punya jaringan di luar kelompok.',
    );
    expect(handOverRefusal(english, refusal([unmet('keeps_books')]), (e) => programmeFieldMessage(english, e), () => 'problem')).toBe(
      'Not yet: not met is keeps the books.',
    );
  });

  it('words other refusals by their code, and a failure without fields by the problem', () => {
    const left = refusal([{ field: 'member_id', code: 'not_current_member', message: '', params: {} }]);
    expect(handOverRefusal(id, left, (e) => programmeFieldMessage(id, e), () => 'problem')).toBe('Orang ini bukan anggota kelompok saat ini.');
    expect(handOverRefusal(id, new Error('x'), (e) => programmeFieldMessage(id, e), () => 'problem')).toBe('problem');
  });

  it('joins one or two items without a stray comma', () => {
    expect(itemsInWords(id, ['keeps_books'])).toBe('memegang pembukuan');
    expect(itemsInWords(id, ['leads_meetings', 'keeps_books'])).toBe('memimpin rapat dan memegang pembukuan');
  });
});

describe('the exit and follow-up codes in words', () => {
  it('words each code the endpoints return', () => {
    const say = (code: string, params: Record<string, string> = {}) => programmeFieldMessage(id, { field: 'x', code, message: 'english', params });
    expect(say('not_member')).toBe('Bukan anggota kelompok ini.');
    expect(say('in_future')).toBe('Tanggal ini belum terjadi.');
    expect(say('before_programme_end', { ends_on: '2026-10-04' })).toBe('Kunjungan tindak lanjut baru bisa dicatat sesudah program berakhir (2026-10-04).');
    expect(say('unmet', { item: 'keeps_books' })).toBe('Belum terpenuhi: memegang pembukuan.');
    for (const code of [
      'not_current_member',
      'before_enrolment',
      'already_nominated',
      'handed_over',
      'not_nominated',
      'before_nomination',
      'not_enrolled',
      'not_handed_over',
      'not_scheduled',
      'already_done',
      'required',
      'invalid_value',
      'invalid_format',
      'too_long',
    ]) {
      expect(say(code), code).not.toBe('english');
    }
    expect(say('out_of_range', { min: '0', max: '100000' })).toBe('Tulis angka dari 0 sampai 100000.');
  });
});

describe('the forms’ checks', () => {
  it('asks for the member and the reason of a nomination', () => {
    expect(validateNomination({ member_id: '', nominated_on: '', note: ' ' }).errors).toEqual({
      member_id: ['programmes.exits.problems.pickMember'],
      note: ['programmes.exits.problems.reason'],
    });
    expect(validateNomination({ member_id: '4', nominated_on: '', note: ' Penggerak. ' }).input).toEqual({ member_id: 4, nominated_on: null, note: 'Penggerak.' });
  });

  it('asks for evidence where an item is met, and sends every item', () => {
    const draft = {
      items: {
        leads_meetings: { met: true, evidence: '' },
        keeps_books: { met: false, evidence: '' },
        outside_network: { met: true, evidence: ' Jaringan dinas ' },
      },
    };
    expect(validateChecklist(draft).errors).toEqual({ 'leads_meetings.evidence': ['programmes.exits.problems.evidence'] });
    draft.items.leads_meetings.evidence = 'Memimpin rapat';
    expect(validateChecklist(draft).input).toEqual({
      leads_meetings: { met: true, evidence: 'Memimpin rapat' },
      keeps_books: { met: false, evidence: null },
      outside_network: { met: true, evidence: 'Jaringan dinas' },
    });
    // Against what was saved: only the items changed are checked again.
    const before = {
      items: {
        leads_meetings: { met: false, evidence: '' },
        keeps_books: { met: false, evidence: '' },
        outside_network: { met: true, evidence: 'Jaringan dinas' },
      },
    };
    expect(validateChecklist(draft, before).input).toEqual({ leads_meetings: { met: true, evidence: 'Memimpin rapat' } });
    expect(checklistFieldOf('keeps_books.checked_on')).toBe('keeps_books.checked_on');
    expect(checklistFieldOf('note')).toBeNull();
  });

  it('checks a visit and sends the hero and the month only when given', () => {
    const draft = { visited_on: '2026-11-20', status: '' as const, active_members: 'enam', meets_sop: true, hero_coaching: '' as const, follow_up_month: '', note: '' };
    expect(validateVisit(draft, 9).errors).toEqual({
      status: ['programmes.followUps.problems.status'],
      active_members: ['programmes.followUps.problems.activeMembers'],
    });
    expect(validateVisit({ ...draft, status: 'active', active_members: '6' }, 9).input).toEqual({
      group_id: 9,
      visited_on: '2026-11-20',
      status: 'active',
      active_members: 6,
      meets_sop: true,
      note: null,
    });
    expect(validateVisit({ ...draft, status: 'dormant', active_members: '0', hero_coaching: 'no', follow_up_month: '3' }, 9).input).toMatchObject({
      hero_coaching: false,
      follow_up_month: 3,
    });
    expect(visitFieldOf('visited_on')).toBe('visited_on');
    expect(visitFieldOf('loan')).toBeNull();
  });
});

const DASHBOARD = programmeDashboard({
  enrolment: { groups: { current: 3, left: 1 }, enterprises: { current: 2, left: 0 }, outside_criteria: 1 },
  compliance: { from: '2026-01', to: '2026-12', groups: 3, bands: { met: 2, partial: 1, low: 0, none: 0 }, rows: [] },
  completion: { groups: 3, cycles: 4, closed: 3, achieved: 9, targets: 12 },
  exits: { none: 1, nominated: 1, ready: 0, handed_over: 1 },
  follow_ups: {
    ended: true,
    schedule: { done: 2, overdue: 1, upcoming: 3 },
    latest_status: { active: 1, struggling: 1, dormant: 0, dissolved: 0, not_visited: 1 },
  },
});

describe('the dashboard’s figures', () => {
  it('puts each count in a row of words, in a fixed order', () => {
    const rows = dashboardRows(id, DASHBOARD);
    expect(rows.exits.map((r) => `${r.label} ${r.value}`)).toEqual(['Belum ada calon 1', 'Dicalonkan 1', 'Siap diserahkan 0', 'Diserahkan 1']);
    expect(rows.compliance[0]).toEqual({ key: 'met', label: 'Memenuhi SOP (100% atau lebih)', value: 2 });
    expect(rows.loans.map((r) => r.value)).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(rows.schedule.map((r) => `${r.label} ${r.value}`)).toEqual(['Sudah dikunjungi 2', 'Terlambat 1', 'Akan datang 3']);
    expect(rows.latest.at(-1)).toEqual({ key: 'not_visited', label: 'Belum dikunjungi', value: 1 });
    expect(rows.completion.map((r) => r.value)).toEqual([9, 3, 3, 1]);
  });

  it('computes completion from achieved over targeted competencies', () => {
    expect(completionPercent(DASHBOARD.completion)).toBe(75);
    expect(completionPercent({ ...DASHBOARD.completion, targets: 0, achieved: 0 })).toBeNull();
  });
});
