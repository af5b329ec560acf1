// Sample records of the learning tab for its tests: the tape group of seed 001 (test/groups.ts)
// learning as seed 000's batik group did. Ibu Darmi mentors; Painem and Tukini learn to ferment
// with yeast and to choose cassava.
import type { Competency } from '../features/mentoring/types';
import type { Cycle, CycleEvaluation, CycleSummary, Mentorship } from '../features/mentoring/types/cycles';
import type { HelpOutcomes, LearningOutcomes } from '../features/mentoring/types/outcomes';
import { createI18n, type Language } from '../lib/i18n';
import { addLearningTexts } from '../lib/i18n/learning';
import type { LearningPaths } from '../lib/learning-slot';
import { member, MEMBERS } from './groups';

export const DARMI = member(15, 'Darmi', { mentor: true });
export const TUKINI = member(16, 'Tukini');
/** Sulastri (leader, mentors), Sutini, Suwarni, Painem (14), Darmi (15, mentors), Tukini (16). */
export const LEARNING_MEMBERS = [...MEMBERS, DARMI, TUKINI];

/** A `t` with the learning tab's texts (help requests' and matching's among them), added as the tab adds them. */
export function learningTranslator(language: Language) {
  const i18n = createI18n(language);
  addLearningTexts(i18n);
  return i18n.t;
}

/** The learning API's refusals (a 409 conflict unless said otherwise), as the client throws them. */
export { refusal } from './render';

export const YEAST = 8;
export const CASSAVA = 9;

export function competency(id: number, code: string, sector: string | null, name: string, name_en: string | null = null): Competency {
  return { id, code, sector: sector as Competency['sector'], name, name_en, description: null, retired: false, created_at: '', updated_at: '' };
}

/** What GET /competencies?sector=food_processing answers: the sector's own and the shared skills. */
export const TAPE_COMPETENCIES: Competency[] = [
  competency(CASSAVA, 'tape.singkong', 'food_processing', 'Memilih singkong', 'Choosing cassava'),
  competency(YEAST, 'tape.ragi', 'food_processing', 'Fermentasi dengan ragi', 'Fermentation with yeast'),
  competency(11, 'usaha.pembukuan', null, 'Pembukuan sederhana', 'Basic bookkeeping'),
];

export const PATHS: LearningPaths = {
  learning: '/groups/1/learning',
  cycle: (id) => `/groups/1/learning/${id}`,
  deliberation: (id) => `/groups/1/deliberations/${id}`,
  meeting: (id) => `/groups/1/meetings/${id}`,
};

export function evaluation(memberId: number, competencyId: number, overrides: Partial<CycleEvaluation> = {}): CycleEvaluation {
  const name = LEARNING_MEMBERS.find((m) => m.id === memberId)?.person.name ?? String(memberId);
  return {
    id: memberId * 100 + competencyId,
    member_id: memberId,
    member: name,
    competency_id: competencyId,
    achieved: true,
    level: 2,
    notes: null,
    evaluated_on: '2026-03-10',
    on_request: false,
    created_at: '2026-03-10T02:00:00Z',
    ...overrides,
  };
}

const TARGETS = [
  { competency_id: YEAST, code: 'tape.ragi', name: 'Fermentasi dengan ragi', name_en: 'Fermentation with yeast', level: 2 },
  { competency_id: CASSAVA, code: 'tape.singkong', name: 'Memilih singkong', name_en: 'Choosing cassava', level: 3 },
];

const MENTEES = [
  { member_id: 14, name: 'Painem' },
  { member_id: 16, name: 'Tukini' },
];

/**
 * A cycle with its completion computed from its evaluations, as the server answers it; the
 * missing pairs listed mentee by mentee.
 */
export function cycle(overrides: Partial<Cycle> = {}): Cycle {
  const base: Cycle = {
    id: 4,
    group_id: 1,
    title: 'Belajar bersama musim panen',
    theme: null,
    deliberation_id: null,
    schedule_deliberation_id: null,
    venue_deliberation_id: null,
    status: 'planning',
    status_since: '2026-03-01',
    next_status: 'implementation',
    mentor_person_id: 115,
    mentor_member_id: 15,
    mentor_name: 'Darmi',
    mentor_origin: 'community',
    venue: 'rumah Bu Sulastri: dapur luas',
    host_member_id: 11,
    time_allocation: 'dua kali seminggu, pukul 13.00-16.00',
    facilities: 'dandang, tampah, daun pisang',
    planned_from: '2026-03-01',
    planned_to: '2026-05-31',
    targets: TARGETS,
    mentees: MENTEES,
    created_at: '2026-03-01T02:00:00Z',
    updated_at: '2026-03-01T02:00:00Z',
    completion: { achieved: 0, targets: 0, evaluated: 0, missing: [] },
    decision: null,
    schedule_decision: null,
    venue_decision: null,
    sessions: [],
    evaluations: [],
    can_guide: true,
    ...overrides,
  };
  const missing = base.mentees.flatMap((mentee) =>
    base.targets
      .filter((target) => !base.evaluations.some((e) => e.member_id === mentee.member_id && e.competency_id === target.competency_id))
      .map((target) => ({ member_id: mentee.member_id, member: mentee.name, competency_id: target.competency_id, competency: target.name })),
  );
  return {
    ...base,
    completion: {
      achieved: base.evaluations.filter((e) => e.achieved).length,
      targets: base.mentees.length * base.targets.length,
      evaluated: base.evaluations.length,
      missing,
    },
  };
}

export function summary(from: Cycle, sessionCount = from.sessions.length): CycleSummary {
  const { decision: _decision, sessions: _sessions, evaluations: _evaluations, can_guide: _canGuide, ...rest } = from;
  const { missing: _missing, ...completion } = from.completion;
  return { ...rest, completion, session_count: sessionCount };
}

export function mentorship(overrides: Partial<Mentorship> = {}): Mentorship {
  return {
    id: 1,
    group_id: 1,
    mentor_person_id: 115,
    mentor_member_id: 15,
    mentor_name: 'Darmi',
    mentor_origin: 'community',
    mentee_member_id: 14,
    mentee_name: 'Painem',
    started_on: '2025-07-01',
    ended_on: null,
    note: 'belajar ragi',
    created_at: '2026-01-01T02:00:00Z',
    updated_at: '2026-01-01T02:00:00Z',
    ...overrides,
  };
}

/** Help requests by status and times, as the outcomes answer them. */
export function helpOutcomes(overrides: Partial<HelpOutcomes> = {}): HelpOutcomes {
  return {
    total: 0,
    open: 0,
    advised: 0,
    resolved: 0,
    abandoned: 0,
    first_advice: { count: 0, median_hours: null, p90_hours: null },
    resolution: { count: 0, median_hours: null, p90_hours: null },
    ...overrides,
  };
}

/**
 * A group's learning outcomes: Darmi's closed yeast cycle (75%) and Dr. Bambang's packaging cycle
 * under way, newest first; four requests, three of Painem's under Darmi and one of Tukini's under
 * the consultant.
 */
export function learningOutcomes(overrides: Partial<LearningOutcomes> = {}): LearningOutcomes {
  return {
    cycles: [
      { id: 5, title: 'Belajar kemasan', theme: 'Kemasan', status: 'implementation', mentor_name: 'Dr. Bambang', mentor_origin: 'external', planned_from: '2026-02-01', mentees: 2, sessions: 1, achieved: 0, targets: 4, completion_percent: 0, attendance_percent: 50 },
      { id: 4, title: 'Belajar bersama musim panen', theme: 'Ragi tape yang manis', status: 'closed', mentor_name: 'Darmi', mentor_origin: 'community', planned_from: '2026-01-01', mentees: 2, sessions: 2, achieved: 3, targets: 4, completion_percent: 75, attendance_percent: 100 },
    ],
    by_origin: [
      {
        origin: 'community', cycles: 1, closed: 1, achieved: 3, targets: 4, completion_percent: 75, attendance_percent: 100,
        help_requests: helpOutcomes({ total: 3, resolved: 2, abandoned: 1, first_advice: { count: 3, median_hours: 4, p90_hours: 5.6 }, resolution: { count: 2, median_hours: 19, p90_hours: 27.8 } }),
      },
      {
        origin: 'external', cycles: 1, closed: 0, achieved: 0, targets: 0, completion_percent: null, attendance_percent: 50,
        help_requests: helpOutcomes({ total: 1, resolved: 1, first_advice: { count: 1, median_hours: 6, p90_hours: 6 }, resolution: { count: 1, median_hours: 54, p90_hours: 54 } }),
      },
    ],
    help_requests: helpOutcomes({ total: 5, open: 1, resolved: 3, abandoned: 1, first_advice: { count: 4, median_hours: 5, p90_hours: 6 }, resolution: { count: 3, median_hours: 30, p90_hours: 49.2 } }),
    ...overrides,
  };
}
