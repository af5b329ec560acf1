import { describe, expect, it } from 'vitest';
import { groupByHelix, stakeholderPatch, validateStakeholder, type Stakeholder } from './index';

function stakeholder(id: number, name: string, helix: Stakeholder['helix'], kind: Stakeholder['kind']): Stakeholder {
  return {
    id,
    name,
    helix,
    kind,
    region_code: null,
    region: null,
    contact: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

describe('groupByHelix', () => {
  it('keeps the four helices in order, each sorted by name, empty ones included', () => {
    const groups = groupByHelix([
      stakeholder(1, 'Universitas Brawijaya', 'academia', 'university'),
      stakeholder(2, 'Dinas Koperasi Kota Batu', 'government', 'agency'),
      stakeholder(3, 'Bank Jatim', 'business', 'bank'),
      stakeholder(4, 'Bappeda Kota Batu', 'government', 'agency'),
    ]);
    expect(groups.map((g) => g.helix)).toEqual(['government', 'business', 'academia', 'civil_society']);
    expect(groups[0]!.items.map((s) => s.name)).toEqual(['Bappeda Kota Batu', 'Dinas Koperasi Kota Batu']);
    expect(groups[3]!.items).toEqual([]);
  });
});

describe('validateStakeholder', () => {
  it('requires name, helix and kind', () => {
    const { errors, input } = validateStakeholder({ name: ' ', helix: '', kind: '', region_code: null, contact: '' });
    expect(input).toBeNull();
    expect(errors).toEqual({
      name: ['stakeholders.form.nameRequired'],
      helix: ['stakeholders.form.helixRequired'],
      kind: ['stakeholders.form.kindRequired'],
    });
  });

  it('trims the text and turns empty optional fields into null', () => {
    expect(
      validateStakeholder({ name: ' Baznas Kota Batu ', helix: 'civil_society', kind: 'zakat_institution', region_code: '35.79', contact: ' ' })
        .input,
    ).toEqual({ name: 'Baznas Kota Batu', helix: 'civil_society', kind: 'zakat_institution', region_code: '35.79', contact: null });
  });

  it('patches only what changed', () => {
    const original = stakeholder(5, 'Bank Jatim', 'business', 'bank');
    expect(stakeholderPatch(original, { name: 'Bank Jatim', helix: 'business', kind: 'bank', region_code: '35', contact: null })).toEqual({
      region_code: '35',
    });
  });
});
