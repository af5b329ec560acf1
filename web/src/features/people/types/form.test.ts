import { describe, expect, it } from 'vitest';
import { person } from '../../../test/people';
import { birthYearBounds, draftFromPerson, isNewNik, personFieldOf, removesNik, validatePerson, type PersonDraft } from './form';

const OPTIONS = { currentYear: 2026 };
const SAVED = person();

const edit = (changes: Partial<PersonDraft>, saved = SAVED) => validatePerson(saved, { ...draftFromPerson(saved), ...changes }, OPTIONS);

describe('draftFromPerson', () => {
  it('opens on the saved values, the NIK in full and consent not yet ticked', () => {
    expect(draftFromPerson(SAVED)).toEqual({
      name: 'Siti Aminah',
      gender: 'female',
      birth_year: '1980',
      occupation: 'ibu rumah tangga',
      phone: '+6281234567890',
      nik: '3579015501800001',
      nik_consent: false,
      household: null,
    });
  });

  it('leaves a masked NIK out of the box, and empty values empty', () => {
    const draft = draftFromPerson(person({ nik: '3579********0001', nik_masked: true, gender: null, birth_year: null, occupation: null, phone: null }));
    expect(draft).toMatchObject({ nik: '', gender: '', birth_year: '', occupation: '', phone: '' });
  });
});

describe('validatePerson', () => {
  it('sends nothing when nothing changed', () => {
    expect(edit({})).toEqual({ errors: {}, input: {} });
  });

  it('sends only the changed fields, the phone in the server’s form', () => {
    expect(edit({ phone: '0813-3344-5566', birth_year: '1981' }).input).toEqual({ phone: '+6281333445566', birth_year: 1981 });
  });

  it('sends null to clear a value, and nothing for a phone written another way', () => {
    expect(edit({ phone: ' ', occupation: '', gender: '' }).input).toEqual({ phone: null, occupation: null, gender: null });
    expect(edit({ phone: '+62 812 3456 7890' }).input).toEqual({});
  });

  it('wants a birth year of 4 digits that makes sense for an owner this year', () => {
    expect(birthYearBounds(2026)).toEqual({ min: 1916, max: 2016 });
    expect(edit({ birth_year: '80' }).errors.birth_year).toEqual(['people.form.errors.birthYearFormat']);
    expect(edit({ birth_year: '19 80' }).errors.birth_year).toEqual(['people.form.errors.birthYearFormat']);
    for (const year of ['2027', '2020', '1900', '1915']) {
      expect(edit({ birth_year: year }).errors.birth_year).toEqual([
        { key: 'people.form.errors.birthYearRange', values: { min: 1916, max: 2016 } },
      ]);
    }
    expect(edit({ birth_year: '2016' }).input).toEqual({ birth_year: 2016 });
  });

  it('leaves an old birth year that no longer passes alone when only the phone is corrected', () => {
    const saved = person({ birth_year: 2024 });
    expect(edit({ phone: '0813-3344-5566' }, saved)).toEqual({ errors: {}, input: { phone: '+6281333445566' } });
  });

  it('refuses a phone number that is not Indonesian, an emptied name and an overlong occupation', () => {
    const { errors, input } = edit({ phone: '+1 555 123 4567', name: '  ', occupation: 'x'.repeat(101) });
    expect(input).toBeNull();
    expect(errors).toEqual({
      phone: ['people.form.errors.phone'],
      name: ['people.form.errors.nameRequired'],
      occupation: [{ key: 'people.form.errors.tooLong', values: { max: 100 } }],
    });
  });

  it('sends a new NIK only with the consent ticked', () => {
    expect(edit({ nik: '3579 0155 0180 0002' })).toEqual({
      errors: { nik_consent: ['people.form.errors.nikConsent'] },
      input: null,
    });
    expect(edit({ nik: '3579015501800002', nik_consent: true }).input).toEqual({ nik: '3579015501800002', nik_consent: true });
  });

  it('checks a new NIK’s digits before asking for consent', () => {
    expect(edit({ nik: '12345', nik_consent: true }).errors).toEqual({ nik: ['people.form.errors.nik'] });
  });

  it('asks consent for a first NIK too', () => {
    const saved = person({ nik: null, nik_consent_at: null });
    expect(edit({ nik: '3579015501800001' }, saved).errors).toEqual({ nik_consent: ['people.form.errors.nikConsent'] });
  });

  it('removes the NIK with its consent when the box is emptied', () => {
    expect(edit({ nik: '' }).input).toEqual({ nik: null });
    expect(removesNik(SAVED, { nik: ' ' })).toBe(true);
    expect(isNewNik(SAVED, { nik: '3579015501800001' })).toBe(false);
  });

  it('never touches a NIK the viewer sees only masked', () => {
    const masked = person({ nik: '3579********0001', nik_masked: true });
    expect(edit({ nik: '' }, masked).input).toEqual({});
    expect(removesNik(masked, { nik: '' })).toBe(false);
    expect(isNewNik(masked, { nik: '3579015501800002' })).toBe(false);
  });
});

describe('personFieldOf', () => {
  it('puts the server’s errors beside the form’s fields', () => {
    expect(personFieldOf('nik_consent')).toBe('nik_consent');
    expect(personFieldOf('/phone')).toBe('phone');
    expect(personFieldOf('village_code')).toBeNull();
    expect(personFieldOf('categories[1].since')).toBe('categories');
    expect(personFieldOf('categories')).toBe('categories');
    expect(personFieldOf('categorised')).toBeNull();
  });
});

describe('household categories', () => {
  const steward = person({ categories: [{ category: 'poor', since: '2024-01-01', source: 'DTKS 2024' }] });

  it('opens on the stored categories for those who may see them, and not at all for others', () => {
    expect(draftFromPerson(steward).household).toEqual({
      poor: { on: true, since: '2024-01-01', source: 'DTKS 2024' },
      zakat_recipient: { on: false, since: '', source: '' },
    });
    expect(draftFromPerson(SAVED).household).toBeNull();
  });

  it('sends the whole list when one changes, and nothing when none did', () => {
    const draft = draftFromPerson(steward);
    expect(validatePerson(steward, draft, OPTIONS).input).toEqual({});
    const zakat = { ...draft.household!, zakat_recipient: { on: true, since: '', source: ' Baznas ' } };
    expect(validatePerson(steward, { ...draft, household: zakat }, OPTIONS).input).toEqual({
      categories: [
        { category: 'poor', since: '2024-01-01', source: 'DTKS 2024' },
        { category: 'zakat_recipient', since: null, source: 'Baznas' },
      ],
    });
    const none = { ...draft.household!, poor: { ...draft.household!.poor, on: false } };
    expect(validatePerson(steward, { ...draft, household: none }, OPTIONS).input).toEqual({ categories: [] });
  });

  it('refuses a source longer than the server keeps', () => {
    const draft = draftFromPerson(steward);
    const long = { ...draft.household!, poor: { ...draft.household!.poor, source: 'x'.repeat(201) } };
    expect(validatePerson(steward, { ...draft, household: long }, OPTIONS).errors).toEqual({
      categories: ['programmes.household.errors.too_long'],
    });
  });
});
