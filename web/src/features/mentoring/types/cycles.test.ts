import { describe, expect, it } from 'vitest';
import { groupView } from '../../../test/groups';
import { cycle, evaluation, LEARNING_MEMBERS, CASSAVA, YEAST } from '../../../test/learning';
import { evaluationMode, evaluationOf, guides, nextStage, percentOf, progressByMentee, stageIndex } from './cycles';

describe('who guides a group’s learning', () => {
  it('is its leader or a member who mentors, never another member', () => {
    expect(guides(groupView({ member_id: 11 }), LEARNING_MEMBERS)).toBe(true); // Sulastri leads
    expect(guides(groupView({ member_id: 15 }), LEARNING_MEMBERS)).toBe(true); // Darmi mentors
    expect(guides(groupView({ member_id: 14 }), LEARNING_MEMBERS)).toBe(false); // Painem learns
    expect(guides(groupView({ member_id: 12 }), LEARNING_MEMBERS)).toBe(false); // the secretary
  });

  it('is whoever reaches the group without being a member (an officer, a facilitator, an admin), while it is not dissolved', () => {
    expect(guides(groupView({ member_id: null }), LEARNING_MEMBERS)).toBe(true);
    expect(guides(groupView({ member_id: null, status: 'dissolved' }), LEARNING_MEMBERS)).toBe(false);
    expect(guides(groupView({ member_id: 99 }), LEARNING_MEMBERS)).toBe(false);
  });
});

describe('a cycle’s completion', () => {
  it('counts each mentee’s achieved targets, an evaluation of a competency not achieved counting as evaluated only', () => {
    const c = cycle({ evaluations: [evaluation(14, YEAST), evaluation(14, CASSAVA, { achieved: false, level: 1 }), evaluation(16, YEAST)] });
    expect(progressByMentee(c)).toEqual([
      { member_id: 14, name: 'Painem', achieved: 1, evaluated: 2, targets: 2, percent: 50 },
      { member_id: 16, name: 'Tukini', achieved: 1, evaluated: 1, targets: 2, percent: 50 },
    ]);
    expect(c.completion).toMatchObject({ achieved: 2, targets: 4, evaluated: 3 });
    expect(evaluationOf(c, 16, CASSAVA)).toBeNull();
    expect(evaluationOf(c, 14, CASSAVA)?.achieved).toBe(false);
  });

  it('has no percentage when there is nothing to achieve', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(0, 0)).toBeNull();
    expect(progressByMentee(cycle({ targets: [] }))[0]!.percent).toBeNull();
  });
});

describe('the stages', () => {
  it('run planning → implementation → evaluation → closed, evaluations open on request while under way', () => {
    expect(['planning', 'implementation', 'evaluation', 'closed'].map((s) => stageIndex(s as never))).toEqual([0, 1, 2, 3]);
    expect(evaluationMode('planning')).toBe('closed');
    expect(evaluationMode('implementation')).toBe('on_request');
    expect(evaluationMode('evaluation')).toBe('open');
    expect(evaluationMode('closed')).toBe('closed');
    expect(nextStage(cycle({ status: 'evaluation', next_status: 'closed' }))).toBe('closed');
    expect(nextStage(cycle({ status: 'closed', next_status: null }))).toBeNull();
  });
});
