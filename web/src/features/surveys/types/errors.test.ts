import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { addSurveysTexts } from '../../../lib/i18n/surveys';
import { refusal } from '../../../test/render';
import { readSurveyErrors, serverField, surveyFieldMessage, surveyProblemMessage } from './errors';

function i18n(language: 'id' | 'en' = 'id') {
  const instance = createI18n(language);
  addSurveysTexts(instance);
  return instance.t;
}

describe('a survey’s refusals in words', () => {
  it('names a field without its list position', () => {
    expect(serverField('answers[2].scale')).toEqual({ base: 'answers_scale', index: 2 });
    expect(serverField('member_id')).toEqual({ base: 'member_id', index: null });
  });

  it('words the server’s codes for answers, members and passages in Indonesian and English', () => {
    const t = i18n();
    expect(surveyFieldMessage(t, { field: 'answers[1].scale', code: 'out_of_range', params: {}, message: '' })).toBe('Pilih jawaban 1 sampai 5.');
    expect(surveyFieldMessage(t, { field: 'member_id', code: 'has_account', params: {}, message: '' })).toBe(
      'Anggota ini punya akun sendiri; ia menjawab sendiri.',
    );
    expect(surveyFieldMessage(t, { field: 'quote', code: 'not_in_answer', params: {}, message: '' })).toMatch(/tidak ada di jawaban/);
    expect(surveyFieldMessage(i18n('en'), { field: 'member_id', code: 'already_exists', params: {}, message: '' })).toBe(
      'This member has answered this survey already.',
    );
    // A code the surveys do not word: the app's words for it.
    expect(surveyFieldMessage(t, { field: 'title', code: 'control_character', params: {}, message: '' })).toMatch(/karakter kendali/);
  });

  it('says who may run the group’s surveys when refused', () => {
    expect(surveyProblemMessage(i18n(), refusal([], 'forbidden', 403))).toBe(
      'Hanya ketua, mentor, dan pendamping kelompok yang boleh melakukan ini.',
    );
  });

  it('puts each message beside the form’s field, or above the form', () => {
    const t = i18n();
    const error = refusal(
      [
        { field: 'answers[0].scale', code: 'required' },
        { field: 'member_id', code: 'not_member_now' },
      ],
      'invalid-input',
      400,
    );
    const read = readSurveyErrors(t, error, (field) => (field.base === 'answers_scale' ? `q${field.index}` : null));
    expect(read.byField).toEqual({ q0: ['Pilih salah satu jawaban.'] });
    expect(read.general).toEqual(['Orang ini sudah keluar dari kelompok.']);
    // The second answer of a member: a 409 about member_id.
    const twice = readSurveyErrors(t, refusal([{ field: 'member_id', code: 'already_exists' }], 'already-exists', 409), () => null);
    expect(twice.general).toEqual(['Anggota ini sudah menjawab survei ini.']);
  });
});
