// The surveys of a group (seed 000's questionnaires): the wire types this feature reads, and the
// small rules its pages share — who guides the group, the words of a scale's answers, which
// question is which kind.
import type { Schemas } from '../../../lib/api/schemas';
import type { Page } from '../../../lib/page';

export type SurveyTemplate = Schemas['SurveyTemplate'];
export type SurveyQuestion = Schemas['SurveyQuestion'];
export type QuestionKind = SurveyQuestion['kind'];
export type Survey = Schemas['Survey'];
export type SurveyPage = Schemas['SurveyPage'];
export type SurveyView = Schemas['SurveyView'];
export type QuestionSummary = SurveyView['summary'][number];
export type SurveyResponse = Schemas['SurveyResponse'];
export type SurveyAnswer = SurveyResponse['answers'][number];
export type SurveyCode = Schemas['SurveyCode'];
export type CodeTag = Schemas['CodeTag'];
export type SurveyCoding = Schemas['SurveyCoding'];
export type GroupMember = Schemas['Membership'];
export type MemberPage = Page<GroupMember>;

export interface SurveyInput {
  group_id: number;
  template_id: number;
  title?: string;
}

export interface AnswerInput {
  question_id: number;
  text?: string;
  scale?: number;
  checked?: boolean;
}

export interface ResponseInput {
  member_id?: number;
  answers: AnswerInput[];
}

export interface CodeInput {
  code: string;
  label: string;
}

export interface TagInput {
  response_id: number;
  question_id: number;
  code_id: number;
  quote?: string;
}

/** What the surveys tab knows of the group (GET /groups/{id} as the caller reads it). */
export interface SurveyGroup {
  id: number;
  name: string;
  status: Schemas['GroupView']['status'];
  /** The caller's own membership, null when she reaches the group without being in it. */
  member_id: number | null;
}

/**
 * Whether the caller guides the group (starts its surveys, answers for a member without an
 * account, codes the answers), as the server decides it: one who reaches the group without being
 * a member of it is an admin, an officer of its steward or its facilitator; a member guides when
 * she leads the group or mentors. A dissolved group takes no more writes. The server checks again
 * (a survey's own page reads `can_guide` from it).
 */
export function guides(group: Pick<SurveyGroup, 'member_id' | 'status'>, members: readonly GroupMember[]): boolean {
  if (group.status === 'dissolved') return false;
  if (group.member_id === null) return true;
  const me = members.find((m) => m.id === group.member_id);
  return me !== undefined && (me.role === 'leader' || me.mentor);
}

/** The members a guide may answer for: in the group now, without an account (one with an account answers herself). */
export function answerableFor(members: readonly GroupMember[], answered: ReadonlySet<number>): GroupMember[] {
  return members
    .filter((m) => m.active && m.user_id === null && !answered.has(m.id))
    .sort((a, b) => a.person.name.localeCompare(b.person.name, 'id'));
}

/** The 1-5 scale's values, least first. */
export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

/**
 * How a scale reads: agreement (1 strongly disagree … 5 strongly agree) for the perception of
 * the mentoring model, importance (1 not important … 5 very important) for the shared values.
 */
export type ScaleWords = 'agree' | 'importance';

export function scaleWordsOf(templateCode: string): ScaleWords {
  return templateCode === 'values' ? 'importance' : 'agree';
}

/** The question's text in the reader's language. */
export function questionText(question: Pick<SurveyQuestion, 'text' | 'text_en'>, language: string | undefined): string {
  return language === 'en' && question.text_en ? question.text_en : question.text;
}

/** The template's name in the reader's language. */
export function templateName(template: Pick<SurveyTemplate, 'name' | 'name_en'>, language: string | undefined): string {
  return language === 'en' && template.name_en ? template.name_en : template.name;
}

/** Whether the template has questions of `kind`. */
export function hasKind(template: Pick<SurveyTemplate, 'questions'>, kind: QuestionKind): boolean {
  return template.questions.some((q) => q.kind === kind);
}

