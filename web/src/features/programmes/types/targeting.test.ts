import { describe, expect, it } from 'vitest';
import { registerLanguage } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import type { FieldError } from '../../../lib/api-client';
import { decision, targetingRound } from '../../../test/programmes';
import { programmeFieldMessage } from './errors';
import { programmeTexts } from './programmes-texts.test-util';
import {
  decisionInWords,
  freezeFieldOf,
  narrowingInWords,
  parseCount,
  roundSummary,
  signedPoints,
  termBarPercent,
  termInWords,
  validateFreeze,
  type NeedTerm,
} from './targeting';

registerLanguage('en', en);
const id = programmeTexts('id');
const english = programmeTexts('en');

const term = (code: NeedTerm['code'], points: number, params: Record<string, string> = {}, label = 'kata server'): NeedTerm => ({
  code,
  points,
  params,
  label,
});

export const ROUND = targetingRound({ quota: 2, candidate_count: 5, selected_count: 2, cut_score: 50 });

const DECISION = decision({
  position: 2,
  score: 50,
  terms: [term('scale', 20, { scale: 'micro' }), term('never_assisted', 30)],
  cut_score: 50,
  eligibility: { eligible: true, checks: [{ criterion: 'sector', met: true, found: 'food_processing' }] },
});

describe('termInWords', () => {
  it('words each need-score term from its code and params, in Indonesian and English', () => {
    expect(termInWords(id, term('scale', 20, { scale: 'micro' }), 'id')).toBe('usaha mikro');
    expect(termInWords(id, term('household', 25, { categories: 'poor' }), 'id')).toBe('kategori miskin (DTKS)');
    expect(termInWords(id, term('household', 25, { categories: 'poor,zakat_recipient' }), 'id')).toBe('kategori miskin (DTKS) dan penerima zakat');
    expect(termInWords(id, term('young_business', 10, { founded_year: '2024' }), 'id')).toBe('usaha muda (berdiri 2024)');
    expect(termInWords(id, term('never_assisted', 30), 'id')).toBe('belum pernah menerima bantuan');
    expect(termInWords(id, term('value_received', -12, { value: '12000000', providers: '2', count: '3' }), 'id')).toBe(
      'sudah menerima Rp\u00a012.000.000 dari 2 penyedia',
    );
    expect(termInWords(english, term('value_received', -1, { value: '1500000', providers: '1', count: '1' }), 'en')).toBe(
      'received Rp\u00a01.500.000 from 1 provider',
    );
    expect(termInWords(english, term('since_last', 4, { last_on: '2024-03-05', years: '2' }), 'en')).toMatch(/^last assisted 2 years ago \(/);
  });

  it('keeps the server’s words for what it does not know', () => {
    expect(termInWords(id, term('scale', 0, { scale: 'huge' }, 'usaha raksasa +0'), 'id')).toBe('usaha raksasa +0');
    expect(termInWords(id, term('household', 25, {}, 'rumah tangga +25'), 'id')).toBe('rumah tangga +25');
  });
});

describe('points and bars', () => {
  it('signs points as the score adds them, with a true minus', () => {
    expect(signedPoints(30)).toBe('+30');
    expect(signedPoints(-12)).toBe('−12');
    expect(signedPoints(0)).toBe('0');
  });

  it('sizes a bar against the largest term', () => {
    expect(termBarPercent(30)).toBe(100);
    expect(termBarPercent(-15)).toBe(50);
    expect(termBarPercent(45)).toBe(100);
  });
});

describe('roundSummary', () => {
  it('says the period, how many were selected of how many, the cut-off and, once confirmed, how many were enrolled', () => {
    expect(roundSummary(id, ROUND, 'id')).toMatch(/^1 Feb 2026 – 31 Mar 2026 · 2 terpilih dari 5 yang memenuhi syarat · batas skor 50$/);
    expect(roundSummary(english, { ...ROUND, status: 'confirmed', cut_score: null, enrolled_count: 2 }, 'en')).toMatch(
      /2 selected of 5 qualifying · 2 enrolled$/,
    );
  });
});

describe('narrowingInWords', () => {
  it('names the region and the sector a round was narrowed to, and nothing when it was not', () => {
    const names = (code: string) => (code === '35.79' ? 'KOTA BATU' : code);
    expect(narrowingInWords(id, { region: '35.79', sector: 'batik' }, names)).toBe('hanya KOTA BATU, sektor Batik');
    expect(narrowingInWords(english, { region: null, sector: 'batik' }, names)).toBe('only Batik sector');
    expect(narrowingInWords(id, { region: null, sector: null }, names)).toBe('');
    expect(roundSummary(id, { ...ROUND, region: '35.79', sector: null }, 'id', names)).toMatch(/ · hanya KOTA BATU · batas skor 50$/);
  });
});

describe('decisionInWords', () => {
  it('explains a selected one by its position and score, from the frozen facts', () => {
    expect(decisionInWords(id, DECISION)).toEqual([
      'Terpilih: urutan ke-2 dengan skor 50.',
      'Dijelaskan dari data yang dibekukan bersama putaran.',
    ]);
  });

  it('explains one not selected by the cut-off, the criteria, or the registry changing since', () => {
    const not = { ...DECISION, selected: false, position: null, facts_from: 'registry' as const };
    expect(decisionInWords(id, { ...not, reason: 'below_cut', score: 40 })[0]).toBe(
      'Tidak terpilih: memenuhi syarat, tetapi skornya 40 tidak di atas batas 50 (skor penerima terakhir; skor sama didahulukan yang lebih dulu terdaftar).',
    );
    expect(decisionInWords(id, { ...not, reason: 'criteria_unmet' })).toEqual([
      'Tidak terpilih: tidak memenuhi semua syarat program.',
      'Dijelaskan dari data registri saat ini.',
    ]);
    expect(decisionInWords(english, { ...not, reason: 'not_a_candidate_then', score: 75 })[0]).toMatch(/registry changed since/);
    expect(decisionInWords(english, { ...not, reason: 'enrolled' })[0]).toBe('Not in the round: it was in the programme already.');
  });
});

describe('validateFreeze', () => {
  const draft = { kind: 'enterprise' as const, region: null, sector: '', opens_on: '2026-02-01', closes_on: '2026-03-31', quota: '', note: '' };

  it('sends every candidate without a quota, the top N with one', () => {
    expect(validateFreeze(draft)).toEqual({ errors: {}, input: { kind: 'enterprise', opens_on: '2026-02-01', closes_on: '2026-03-31', quota: null } });
    expect(validateFreeze({ ...draft, quota: '1.000', note: ' tahap 1 ' }).input).toEqual({
      kind: 'enterprise',
      opens_on: '2026-02-01',
      closes_on: '2026-03-31',
      quota: 1000,
      note: 'tahap 1',
    });
  });

  it('sends the region and sector the list was narrowed to, and neither when it was not', () => {
    expect(validateFreeze({ ...draft, region: '35.79', sector: 'batik' }).input).toEqual({
      kind: 'enterprise',
      opens_on: '2026-02-01',
      closes_on: '2026-03-31',
      quota: null,
      region: '35.79',
      sector: 'batik',
    });
    expect(validateFreeze({ ...draft, sector: 'not-a-sector' }).input).not.toHaveProperty('sector');
  });

  it('refuses a quota that is not a whole number in range, a missing day, and a close before the opening', () => {
    expect(validateFreeze({ ...draft, quota: '0' }).errors.quota).toEqual([{ key: 'programmes.errors.outOfRange', values: { min: 1, max: '1.000.000' } }]);
    expect(validateFreeze({ ...draft, quota: 'dua' }).input).toBeNull();
    expect(validateFreeze({ ...draft, opens_on: '' }).errors.opens_on).toEqual(['programmes.targeting.freeze.errors.day']);
    expect(validateFreeze({ ...draft, closes_on: '2026-01-31' }).errors.closes_on).toEqual(['fieldErrors.before_opens']);
  });

  it('puts the server’s errors beside the fields it has', () => {
    expect(freezeFieldOf('opens_on')).toBe('opens_on');
    expect(freezeFieldOf('programme_id')).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads a typed count, with or without thousands dots', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount('')).toBeNull();
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('dua')).toBeNull();
  });
});

describe('targeting refusals in words', () => {
  const error = (code: string, params: Record<string, string> = {}, field = 'opens_on'): FieldError => ({ field, code, params, message: 'server words' });

  it('names the overlapping round and its period, and the count the round holds', () => {
    expect(programmeFieldMessage(id, error('overlapping_round', { round_id: '4', opens_on: '2026-02-01', closes_on: '2026-03-31' }))).toBe(
      'Periode ini bertumpang tindih dengan putaran #4 (2026-02-01 – 2026-03-31). Pilih periode lain, atau batalkan putaran itu bila masih rancangan.',
    );
    expect(programmeFieldMessage(id, error('count_mismatch', { expected: '2', given: '3' }, 'count'))).toBe(
      'Daftar ini berisi 2 penerima, bukan 3. Periksa lagi lalu ketik jumlah yang ada di daftar.',
    );
    expect(programmeFieldMessage(english, error('not_draft', { status: 'confirmed' }, 'status'))).toBe(
      'This round is Confirmed already: only a draft is confirmed or cancelled.',
    );
    expect(programmeFieldMessage(id, error('outside_programme', { starts_on: '2026-01-01', ends_on: '2026-12-31' }))).toBe(
      'Putaran harus berada di dalam masa program (2026-01-01 – 2026-12-31).',
    );
  });

  it('words the codes without figures generically', () => {
    expect(programmeFieldMessage(id, error('before_opens', {}, 'closes_on'))).toBe('Tanggal tutup tidak boleh sebelum tanggal buka.');
    expect(programmeFieldMessage(id, error('programme_ended', {}, 'programme_id'))).toBe('Program ini sudah berakhir.');
    expect(programmeFieldMessage(english, error('wrong_kind', {}, 'group_id'))).toBe('This round selects the other kind of recipient (enterprises or groups).');
  });
});
