import { describe, expect, it } from 'vitest';
import { ageIn, mayEdit } from './index';

describe('mayEdit', () => {
  it('lets an admin change any record', () => {
    expect(mayEdit({ role: 'admin', stakeholderId: null }, { steward_id: 3 })).toBe(true);
    expect(mayEdit({ role: 'admin', stakeholderId: null }, { steward_id: null })).toBe(true);
  });

  it('lets an officer change only the records her stakeholder keeps', () => {
    expect(mayEdit({ role: 'officer', stakeholderId: 3 }, { steward_id: 3 })).toBe(true);
    expect(mayEdit({ role: 'officer', stakeholderId: 4 }, { steward_id: 3 })).toBe(false);
    expect(mayEdit({ role: 'officer', stakeholderId: 3 }, { steward_id: null })).toBe(false);
    expect(mayEdit({ role: 'officer', stakeholderId: null }, { steward_id: null })).toBe(false);
  });

  it('lets a facilitator read but not change', () => {
    expect(mayEdit({ role: 'facilitator', stakeholderId: 3 }, { steward_id: 3 })).toBe(false);
  });
});

describe('ageIn', () => {
  it('counts the years since the year of birth', () => {
    expect(ageIn(1980, 2026)).toBe(46);
  });
});
