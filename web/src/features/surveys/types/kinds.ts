// The kinds of question a survey asks, in the order its page shows their charts: the scale
// (Figure 1), the checklist (Figure 2), then the open questions (coded by a guide).
import { valuesOf } from '../../../lib/api/schemas';
import { hasKind, type QuestionKind, type SurveyTemplate } from './index';

export const QUESTION_KINDS = valuesOf<QuestionKind>()(['likert', 'check', 'open']);

/** The kinds of question the template asks, in that order. */
export function kindsOf(template: Pick<SurveyTemplate, 'questions'>): QuestionKind[] {
  return QUESTION_KINDS.filter((kind) => hasKind(template, kind));
}
