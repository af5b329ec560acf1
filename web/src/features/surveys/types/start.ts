// Starting a survey of the group from a template: the draft, its checks, the body.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { SurveyInput } from './index';

export const MAX_TITLE = 200;

export interface StartDraft {
  template_id: string;
  title: string;
}

export type StartField = 'template_id' | 'title';

/** A template is chosen; the title may stay empty (the server names the survey after its template). */
export function validateStart(draft: StartDraft, groupId: number): Checked<StartField, SurveyInput> {
  const errors: LocalProblems<StartField> = {};
  const templateId = Number(draft.template_id);
  if (draft.template_id === '' || !Number.isSafeInteger(templateId) || templateId <= 0) errors.template_id = ['surveys.start.errors.chooseTemplate'];
  const title = draft.title.trim();
  if (title.length > MAX_TITLE) errors.title = [{ key: 'surveys.start.errors.titleTooLong', values: { max: MAX_TITLE } }];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: title === '' ? { group_id: groupId, template_id: templateId } : { group_id: groupId, template_id: templateId, title } };
}
