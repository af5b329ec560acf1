import { describe, expect, it } from 'vitest';
import { JU_ANSWER } from '../../../test/surveys';
import { validateCode, validateTag } from './coding';

const answer = { response_id: 9, question_id: 5, member: 'JU', text: JU_ANSWER };

describe('tagging a passage', () => {
  it('sends the passage as the answer holds it, with the code chosen', () => {
    expect(validateTag(answer, { quote: ' kerja sama ', code_id: '1' }).input).toEqual({ response_id: 9, question_id: 5, code_id: 1, quote: 'kerja sama' });
  });

  it('tags the whole answer when no passage is given', () => {
    expect(validateTag(answer, { quote: '', code_id: '2' }).input).toEqual({ response_id: 9, question_id: 5, code_id: 2 });
  });

  it('asks for a code, and refuses a passage not in the answer', () => {
    expect(validateTag(answer, { quote: 'gotong royong', code_id: '' }).errors).toEqual({
      code_id: ['surveys.coding.errors.chooseCode'],
      quote: ['surveys.errors.quote.not_in_answer'],
    });
  });
});

describe('adding a code', () => {
  it('makes the short code from the label when none is typed', () => {
    expect(validateCode({ label: 'Tidak pelit ilmu', code: '' }).input).toEqual({ code: 'tidak_pelit_ilmu', label: 'Tidak pelit ilmu' });
    expect(validateCode({ label: 'Tidak pelit ilmu', code: 'pelit' }).input).toEqual({ code: 'pelit', label: 'Tidak pelit ilmu' });
  });

  it('asks for a label and a short code the server takes', () => {
    expect(validateCode({ label: '', code: '' }).errors).toEqual({ label: ['surveys.coding.errors.labelRequired'] });
    expect(validateCode({ label: 'Ramah', code: 'Ramah sekali' }).errors).toEqual({ code: ['surveys.coding.errors.badCode'] });
    expect(validateCode({ label: '!!!', code: '' }).errors).toEqual({ code: ['surveys.coding.errors.badCode'] });
  });
});
