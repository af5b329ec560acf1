import { describe, expect, it } from 'vitest';
import { enterprise } from '../../../test/fixtures';
import {
  createBody,
  draftFieldOf,
  draftFromEnterprise,
  emptyDraft,
  patchBody,
  validateDraft,
  type EnterpriseDraft,
} from './form';

const OPTIONS = { currentYear: 2026, canSetSteward: false };

function valid(overrides: Partial<EnterpriseDraft> = {}): EnterpriseDraft {
  return {
    ...emptyDraft(),
    owner: { id: 12, name: 'Siti Aminah' },
    name: 'Batik Sekar Arum',
    sector: 'batik',
    village_code: '35.79.03.2001',
    ...overrides,
  };
}

const keysOf = (draft: EnterpriseDraft, options = OPTIONS) =>
  Object.fromEntries(
    Object.entries(validateDraft(draft, options).errors).map(([field, problems]) => [field, problems.map((p) => p.key)]),
  );

describe('validateDraft', () => {
  it('builds the body from a valid draft, leaving empty optional fields null', () => {
    const { errors, input } = validateDraft(valid(), OPTIONS);
    expect(errors).toEqual({});
    expect(input).toEqual({
      owner_id: 12,
      name: 'Batik Sekar Arum',
      sector: 'batik',
      products: null,
      business_centre: null,
      village_code: '35.79.03.2001',
      founded_year: null,
      employees: null,
      capital: null,
      turnover: null,
      nib: null,
      status: 'active',
    });
  });

  it('reads amounts as people type them: 1.500.000, Rp 25.000.000, 1500000', () => {
    const { input } = validateDraft(valid({ turnover: '1.500.000', capital: 'Rp 25.000.000' }), OPTIONS);
    expect(input?.turnover).toBe(1_500_000);
    expect(input?.capital).toBe(25_000_000);
    expect(validateDraft(valid({ turnover: '1500000' }), OPTIONS).input?.turnover).toBe(1_500_000);
  });

  it('refuses negative amounts, cents and words', () => {
    expect(keysOf(valid({ turnover: '-5.000' }))).toEqual({ turnover: ['amount.negative'] });
    expect(keysOf(valid({ capital: '1.500.000,50' }))).toEqual({ capital: ['amount.fraction'] });
    expect(keysOf(valid({ capital: 'satu juta' }))).toEqual({ capital: ['amount.invalid_format'] });
  });

  it('wants an NIB of exactly 13 digits, spaces allowed while typing', () => {
    expect(keysOf(valid({ nib: '123456789012' }))).toEqual({ nib: ['registry.form.errors.nib'] });
    expect(keysOf(valid({ nib: '12345678901234' }))).toEqual({ nib: ['registry.form.errors.nib'] });
    expect(keysOf(valid({ nib: '12345678901a3' }))).toEqual({ nib: ['registry.form.errors.nib'] });
    expect(validateDraft(valid({ nib: '1234 5678 90123' }), OPTIONS).input?.nib).toBe('1234567890123');
  });

  it('names every missing required field at once', () => {
    expect(keysOf(emptyDraft())).toEqual({
      owner_id: ['registry.form.errors.ownerRequired'],
      name: ['registry.form.errors.nameRequired'],
      sector: ['registry.form.errors.sectorRequired'],
      village_code: ['registry.form.errors.villageRequired'],
    });
  });

  it('keeps text within the server’s limits, counted in characters', () => {
    expect(keysOf(valid({ name: 'x'.repeat(201) }))).toEqual({ name: ['registry.form.errors.tooLong'] });
    expect(validateDraft(valid({ name: '🌾'.repeat(200) }), OPTIONS).errors).toEqual({});
    expect(keysOf(valid({ products: 'x'.repeat(501) }))).toEqual({ products: ['registry.form.errors.tooLong'] });
    expect(keysOf(valid({ business_centre: 'x'.repeat(201) }))).toEqual({
      business_centre: ['registry.form.errors.tooLong'],
    });
  });

  it('wants the location down to the village', () => {
    expect(keysOf(valid({ village_code: '35.79.03' }))).toEqual({ village_code: ['registry.form.errors.villageLevel'] });
  });

  it('checks years and the number of workers against the server’s bounds', () => {
    expect(keysOf(valid({ founded_year: '1899' }))).toEqual({ founded_year: ['registry.form.errors.year'] });
    expect(keysOf(valid({ founded_year: '2027' }))).toEqual({ founded_year: ['registry.form.errors.year'] });
    expect(validateDraft(valid({ founded_year: '2026' }), OPTIONS).input?.founded_year).toBe(2026);
    expect(keysOf(valid({ employees: '100001' }))).toEqual({ employees: ['registry.form.errors.employees'] });
    expect(keysOf(valid({ employees: '-1' }))).toEqual({ employees: ['registry.form.errors.employees'] });
    expect(validateDraft(valid({ employees: '1.200' }), OPTIONS).input?.employees).toBe(1200);
    expect(validateDraft(valid({ employees: '0' }), OPTIONS).input?.employees).toBe(0);
  });

  it('creates a new owner with the business, normalising the phone', () => {
    const { errors, input } = validateDraft(
      valid({
        owner_mode: 'new',
        owner: null,
        new_owner: {
          name: ' Siti Aminah ',
          gender: 'female',
          birth_year: '1980',
          phone: '0812-3456-7890',
          nik: '3507 0123 4567 0001',
          nik_consent: true,
        },
      }),
      OPTIONS,
    );
    expect(errors).toEqual({});
    expect(input?.owner_id).toBeUndefined();
    expect(input?.owner).toEqual({
      name: 'Siti Aminah',
      gender: 'female',
      birth_year: 1980,
      phone: '+6281234567890',
      nik: '3507012345670001',
      nik_consent: true,
    });
  });

  it('stores a NIK only with consent, and checks its form', () => {
    const owner = { name: 'Siti', gender: '' as const, birth_year: '', phone: '', nik: '3507012345670001', nik_consent: false };
    expect(keysOf(valid({ owner_mode: 'new', new_owner: owner }))).toEqual({
      'owner.nik_consent': ['registry.form.errors.nikConsent'],
    });
    expect(keysOf(valid({ owner_mode: 'new', new_owner: { ...owner, nik: '12345', nik_consent: true } }))).toEqual({
      'owner.nik': ['registry.form.errors.nik'],
    });
    expect(keysOf(valid({ owner_mode: 'new', new_owner: { ...owner, name: '', nik: '' } }))).toEqual({
      'owner.name': ['registry.form.errors.ownerNameRequired'],
    });
  });

  it('sends the steward only when an admin may choose it', () => {
    expect(validateDraft(valid({ steward_id: '3' }), OPTIONS).input).not.toHaveProperty('steward_id');
    expect(validateDraft(valid({ steward_id: '3' }), { ...OPTIONS, canSetSteward: true }).input?.steward_id).toBe(3);
    expect(validateDraft(valid({ steward_id: '' }), { ...OPTIONS, canSetSteward: true }).input?.steward_id).toBeNull();
  });
});

describe('request bodies', () => {
  it('leaves empty optional fields out of a new enterprise', () => {
    const { input } = validateDraft(valid({ turnover: '2.000.000' }), OPTIONS);
    expect(createBody(input!)).toEqual({
      owner_id: 12,
      name: 'Batik Sekar Arum',
      sector: 'batik',
      village_code: '35.79.03.2001',
      turnover: 2_000_000,
      status: 'active',
    });
  });

  it('sends only what changed when editing, with null clearing a field', () => {
    const original = enterprise();
    const draft = { ...draftFromEnterprise(original), turnover: '200.000.000', nib: '', products: 'batik tulis' };
    const { input } = validateDraft(draft, OPTIONS);
    expect(patchBody(original, input!)).toEqual({ turnover: 200_000_000, nib: null, products: 'batik tulis' });
  });

  it('sends nothing when nothing changed, and the new owner when it did', () => {
    const original = enterprise();
    const unchanged = validateDraft(draftFromEnterprise(original), OPTIONS).input!;
    expect(patchBody(original, unchanged)).toEqual({});
    const other = validateDraft({ ...draftFromEnterprise(original), owner: { id: 99, name: 'Budi' } }, OPTIONS).input!;
    expect(patchBody(original, other)).toEqual({ owner_id: 99 });
  });

  it('opens a saved enterprise with its amounts grouped the Indonesian way', () => {
    const draft = draftFromEnterprise(enterprise({ capital: 25_000_000, turnover: null }));
    expect(draft.capital).toBe('25.000.000');
    expect(draft.turnover).toBe('');
    expect(draft.owner).toEqual({ id: 12, name: 'Siti Aminah' });
  });
});

describe('draftFieldOf', () => {
  it('maps server field names onto form fields, whichever way the owner’s fields are written', () => {
    expect(draftFieldOf('nib')).toBe('nib');
    expect(draftFieldOf('village_code')).toBe('village_code');
    expect(draftFieldOf('owner_id')).toBe('owner_id');
    expect(draftFieldOf('owner')).toBe('owner_id');
    expect(draftFieldOf('owner.nik')).toBe('owner.nik');
    expect(draftFieldOf('owner/phone')).toBe('owner.phone');
    expect(draftFieldOf('owner[name]')).toBe('owner.name');
    expect(draftFieldOf('owner_nik_consent')).toBe('owner.nik_consent');
    expect(draftFieldOf('')).toBeNull();
    expect(draftFieldOf('kbli')).toBeNull();
  });
});
