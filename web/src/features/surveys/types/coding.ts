// Tagging a passage of an open answer with a code, and adding a code to the codebook: the drafts,
// their checks and the bodies they become.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { CodeInput, TagInput } from './index';
import { codeFromLabel, isCode, quoteIn } from './quote';

export const MAX_LABEL = 200;

/** The answer a tag is about: a response's answer to one open question, as written. */
export interface OpenAnswer {
  response_id: number;
  question_id: number;
  member: string;
  text: string;
}

export interface TagDraft {
  quote: string;
  code_id: string;
}

export type TagField = 'quote' | 'code_id';

/** A code is chosen; the passage, when given, is in the answer as written (else the whole answer is tagged). */
export function validateTag(answer: OpenAnswer, draft: TagDraft): Checked<TagField, TagInput> {
  const errors: LocalProblems<TagField> = {};
  const codeId = Number(draft.code_id);
  if (draft.code_id === '' || !Number.isSafeInteger(codeId) || codeId <= 0) errors.code_id = ['surveys.coding.errors.chooseCode'];
  const typed = draft.quote.trim();
  const quote = typed === '' ? null : quoteIn(answer.text, typed);
  if (typed !== '' && quote === null) errors.quote = ['surveys.errors.quote.not_in_answer'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const body: TagInput = { response_id: answer.response_id, question_id: answer.question_id, code_id: codeId };
  return { errors, input: quote !== null ? { ...body, quote } : body };
}

export interface CodeDraft {
  label: string;
  code: string;
}

export type CodeField = 'label' | 'code';

/** A label is written; the short code is the one typed, or made from the label. */
export function validateCode(draft: CodeDraft): Checked<CodeField, CodeInput> {
  const errors: LocalProblems<CodeField> = {};
  const label = draft.label.trim();
  if (label === '') errors.label = ['surveys.coding.errors.labelRequired'];
  else if (label.length > MAX_LABEL) errors.label = ['surveys.errors.label.too_long'];
  const code = draft.code.trim() === '' ? codeFromLabel(label) : draft.code.trim();
  if (label !== '' && !isCode(code)) errors.code = ['surveys.coding.errors.badCode'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: { code, label } };
}
