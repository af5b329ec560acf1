import { describe, expect, it } from 'vitest';
import { cycle, CASSAVA, YEAST } from '../../../test/learning';
import { chooseMentor, draftFromCycle, emptyPlanDraft, planErrorKey, planPatch, setTargetLevel, toggleMentee, toggleTarget, validatePlan } from './plan';

describe('a cycle’s plan', () => {
  it('asks for a title and a mentor; a consultant is named by a registry number', () => {
    expect(validatePlan(emptyPlanDraft()).errors).toEqual({ title: ['mentoring.plan.titleRequired'], mentor_member_id: ['mentoring.plan.mentorRequired'] });
    const external = { ...emptyPlanDraft(), title: 'Ecotik', origin: 'external' as const, mentor_person_id: 'Bambang' };
    expect(validatePlan(external).errors).toEqual({ mentor_person_id: ['mentoring.plan.personFormat'] });
    expect(validatePlan({ ...external, mentor_person_id: ' 40 ' }).input).toMatchObject({
      mentor_origin: 'external',
      mentor_member_id: null,
      mentor_person_id: 40,
    });
  });

  it('refuses an end before the start, and sends blanks as null with the lists whole', () => {
    const draft = { ...emptyPlanDraft(), title: ' Ragi ', mentor_member_id: '15', planned_from: '2026-03-01', planned_to: '2026-02-01' };
    expect(validatePlan(draft).errors).toEqual({ planned_to: ['mentoring.plan.datesOrder'] });
    const ticked = { ...draft, planned_to: '', targets: setTargetLevel(toggleTarget([], YEAST), YEAST, 3), mentees: toggleMentee([], 14) };
    expect(validatePlan(ticked).input).toEqual({
      title: 'Ragi',
      theme: null,
      mentor_origin: 'community',
      mentor_member_id: 15,
      mentor_person_id: null,
      deliberation_id: null,
      schedule_deliberation_id: null,
      venue_deliberation_id: null,
      targets: [{ competency_id: YEAST, level: 3 }],
      mentees: [{ member_id: 14 }],
      venue: null,
      host_member_id: null,
      time_allocation: null,
      facilities: null,
      planned_from: '2026-03-01',
      planned_to: null,
    });
  });

  it('takes a member chosen as mentor off the mentees, and ticks a competency at level 2', () => {
    const draft = { ...emptyPlanDraft(), mentees: [14, 15, 16] };
    expect(chooseMentor(draft, '15').mentees).toEqual([14, 16]);
    expect(toggleTarget([], CASSAVA)).toEqual([{ competency_id: CASSAVA, level: 2 }]);
    expect(toggleTarget(toggleTarget([], CASSAVA), CASSAVA)).toEqual([]);
  });

  it('sends only what changed while planned, the mentor whole, and only the practical details once under way', () => {
    const planned = cycle();
    const same = validatePlan(draftFromCycle(planned)).input!;
    expect(planPatch(planned, same)).toEqual({});
    const changed = validatePlan({ ...draftFromCycle(planned), origin: 'external', mentor_person_id: '40', venue: 'balai desa', mentees: [14] }).input!;
    expect(planPatch(planned, changed)).toEqual({
      mentor_origin: 'external',
      mentor_member_id: null,
      mentor_person_id: 40,
      mentees: [{ member_id: 14 }],
      venue: 'balai desa',
    });
    const underway = cycle({ status: 'implementation', next_status: 'evaluation', theme: 'Tape singkong madu' });
    const edited = validatePlan({ ...draftFromCycle(underway), title: 'Lain', time_allocation: 'tiap Sabtu' }).input!;
    expect(planPatch(underway, edited)).toEqual({ time_allocation: 'tiap Sabtu' });
  });

  it('shows a refusal of a list item beside that competency or that member', () => {
    const sent = validatePlan({ ...draftFromCycle(cycle()) }).input!;
    expect(planErrorKey('targets_competency_id', sent, 1)).toBe(`target-${CASSAVA}`);
    expect(planErrorKey('mentees_member_id', sent, 1)).toBe('mentee-16');
    expect(planErrorKey('mentees_member_id', sent, 7)).toBe('mentees');
    expect(planErrorKey('venue', sent, null)).toBe('venue');
  });
});
