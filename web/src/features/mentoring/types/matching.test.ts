import { describe, expect, it } from 'vitest';
import { learningTranslator, refusal } from '../../../test/learning';
import {
  emptyRunDraft,
  isRunFinished,
  maxScore,
  progressWords,
  publishRefusalLines,
  runInput,
  runPercent,
  startFieldMessage,
  startFieldOf,
  termBars,
  unplacedWords,
  validateRunDraft,
  type MatchingPair,
  type MatchingRun,
} from './matching';

const t = learningTranslator('id');
const en = learningTranslator('en');

const WEIGHTS = { values: 40, coverage: 40, proximity: 15, community: 10 };

const run = (status: MatchingRun['status'], stage: MatchingRun['progress']['stage'] = null, done = 0, total = 0) =>
  ({ status, progress: { stage, done, total } }) as Pick<MatchingRun, 'status' | 'progress'>;

function pair(score: Partial<MatchingPair['score']>, origin: MatchingPair['mentor_origin'] = 'community'): Pick<MatchingPair, 'score' | 'mentor_origin'> {
  return {
    mentor_origin: origin,
    score: { total: 0, values: 0, values_answered: true, coverage: 0, proximity: 0, proximity_kind: 'none', community: 0, ...score },
  };
}

describe('a run’s progress', () => {
  it('moves over its three stages on one bar, never showing 100% before it has finished', () => {
    expect(runPercent(run('queued'))).toBe(0);
    expect(runPercent(run('running', 'scoring', 50, 100))).toBe(25);
    expect(runPercent(run('running', 'solving', 1, 2))).toBe(65);
    expect(runPercent(run('running', 'explaining', 10, 10))).toBe(99);
    expect(runPercent(run('succeeded', 'explaining', 10, 10))).toBe(100);
    expect(runPercent(run('published'))).toBe(100);
    expect(runPercent(run('failed', 'solving', 0, 2))).toBe(50);
  });

  it('says in words what the run is doing', () => {
    expect(progressWords(t, run('queued'))).toBe('Menunggu giliran diproses…');
    expect(progressWords(t, run('running'))).toBe('Memulai…');
    expect(progressWords(t, run('running', 'scoring', 1200, 5000), 'id')).toBe(
      'Menilai kecocokan setiap mentee dengan para mentor: 1.200 dari 5.000 mentee',
    );
    expect(progressWords(t, run('running', 'solving', 1, 2))).toBe('Mencari pasangan terbaik untuk semua mentee sekaligus: langkah 1 dari 2');
    expect(progressWords(en, run('running', 'explaining', 3, 4), 'en')).toBe('Explaining each pair: 3 of 4 mentees');
    expect(progressWords(t, run('succeeded'))).toBe('Selesai');
  });

  it('is finished once it succeeded, failed or was published', () => {
    expect(isRunFinished({ status: 'queued' })).toBe(false);
    expect(isRunFinished({ status: 'running' })).toBe(false);
    expect(isRunFinished({ status: 'succeeded' })).toBe(true);
    expect(isRunFinished({ status: 'failed' })).toBe(true);
    expect(isRunFinished({ status: 'published' })).toBe(true);
  });
});

describe('termBars', () => {
  it('measures each term against the run’s weight for it, saying why it scored so', () => {
    const bars = termBars(pair({ values: 40, coverage: 20, proximity: 15, proximity_kind: 'same_group', community: 10 }), WEIGHTS);
    expect(bars.map((b) => [b.term, b.points, b.max, b.percent, b.why])).toEqual([
      ['values', 40, 40, 100, 'valuesShared'],
      ['coverage', 20, 40, 50, 'coverageSome'],
      ['proximity', 15, 15, 100, 'same_group'],
      ['community', 10, 10, 100, 'community'],
    ]);
  });

  it('words an unanswered survey, a village neighbour, no coverage and an outside consultant', () => {
    const bars = termBars(pair({ values: 20, values_answered: false, proximity: 10, proximity_kind: 'same_village' }, 'external'), WEIGHTS);
    expect(bars.map((b) => b.why)).toEqual(['valuesUnanswered', 'coverageNone', 'same_village', 'external']);
    expect(bars[2]!.percent).toBe(67);
    expect(bars[3]!.percent).toBe(0);
  });

  it('keeps a bar within its track, and an empty one for a weight of nothing', () => {
    expect(termBars(pair({ values: 50 }), WEIGHTS)[0]!.percent).toBe(100);
    expect(termBars(pair({ community: 0 }), { ...WEIGHTS, community: 0 })[3]!.percent).toBe(0);
    expect(maxScore(WEIGHTS)).toBe(105);
  });
});

describe('unplacedWords', () => {
  it('names the competencies no mentor masters, or says every fitting mentor is full', () => {
    const ecotik = { id: 4, name: 'Ecoprint (ecotik)' };
    const mondeng = { id: 5, name: 'Mondeng' };
    expect(unplacedWords(t, { reason: 'no_mentor_covers', uncovered_competencies: [ecotik] })).toBe(
      'Tidak ada mentor yang menguasai Ecoprint (ecotik)',
    );
    expect(unplacedWords(t, { reason: 'no_mentor_covers', uncovered_competencies: [ecotik, mondeng, { id: 6, name: 'Canting' }] })).toBe(
      'Tidak ada mentor yang menguasai Ecoprint (ecotik), Mondeng dan Canting',
    );
    expect(unplacedWords(t, { reason: 'capacity', uncovered_competencies: [] })).toBe('Semua mentor yang cocok sudah penuh');
    expect(unplacedWords(en, { reason: 'no_mentor_covers', uncovered_competencies: [ecotik] })).toBe('No mentor masters Ecoprint (ecotik)');
  });
});

describe('publishRefusalLines', () => {
  it('lists each stale pair in words, member by member', () => {
    const error = refusal([
      { field: 'pairs', code: 'stale', params: { member: 'Tukini', member_id: '7', mentor: 'Ibu Darmi', reason: 'mentored' } },
      { field: 'pairs', code: 'stale', params: { member: 'Painem', member_id: '8', mentor: 'Dr. Bambang', reason: 'left' } },
    ]);
    expect(publishRefusalLines(t, error)).toEqual([
      'Tukini sudah punya mentor (diusulkan dengan Ibu Darmi)',
      'Painem sudah keluar dari kelompok (diusulkan dengan Dr. Bambang)',
    ]);
    expect(publishRefusalLines(t, refusal([{ field: 'status', code: 'published' }]))).toEqual(['Pencocokan ini sudah diterbitkan.']);
    expect(publishRefusalLines(t, new Error('x'))).toEqual([]);
  });
});

describe('the start form', () => {
  it('asks for a group and a capacity within range, and sends only the mentors whose number differs', () => {
    expect(validateRunDraft(emptyRunDraft()).errors.groups).toEqual(['mentoring.matching.form.groupsRequired']);
    const bad = validateRunDraft({ groupIds: [1], default_capacity: '0', capacities: { 4: '51' } });
    expect(bad.input).toBeNull();
    expect(Object.keys(bad.errors)).toEqual(['default_capacity', 'capacities']);
    const good = validateRunDraft({ groupIds: [1, 2], default_capacity: '3', capacities: { 4: '0', 5: '', 6: '3', 7: '2' } });
    expect(good.input).toEqual({
      group_ids: [1, 2],
      default_capacity: 3,
      capacities: [
        { member_id: 4, capacity: 0 },
        { member_id: 7, capacity: 2 },
      ],
    });
    expect(runInput([1], 5, {})).toEqual({ group_ids: [1], default_capacity: 5 });
  });

  it('places the server’s refusal beside its field, in words', () => {
    expect(startFieldOf('group_ids')).toBe('groups');
    expect(startFieldOf('group_ids[1]')).toBe('groups');
    expect(startFieldOf('capacities[0].capacity')).toBe('capacities');
    expect(startFieldOf('top_k')).toBeNull();
    expect(startFieldMessage(t, { field: 'group_ids', code: 'no_mentees', message: '', params: {} })).toMatch(/sudah punya mentor/);
  });
});
