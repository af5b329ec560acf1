import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type {
  CodeInput,
  CodeTag,
  GroupMember,
  MemberPage,
  ResponseInput,
  SurveyCode,
  SurveyCoding,
  SurveyInput,
  SurveyPage,
  SurveyResponse,
  SurveyTemplate,
  SurveyView,
  TagInput,
} from '../types';

/** A group has a handful of surveys a year; one page holds years of them. */
const SURVEYS_PAGE = 100;
/** The members' list is read a page at a time, up to this many pages. */
const MAX_PAGES = 20;

export async function listSurveyTemplates(signal?: AbortSignal): Promise<SurveyTemplate[]> {
  return (await api.get<{ items: SurveyTemplate[] }>('/survey-templates', withSignal(signal))).items;
}

export function listSurveys(groupId: number, signal?: AbortSignal): Promise<SurveyPage> {
  return api.get<SurveyPage>('/surveys', { query: { group_id: groupId, limit: SURVEYS_PAGE, offset: 0 }, ...withSignal(signal) });
}

export function getSurvey(id: number, signal?: AbortSignal): Promise<SurveyView> {
  return api.get<SurveyView>(`/surveys/${id}`, withSignal(signal));
}

export function createSurvey(body: SurveyInput, idempotencyKey?: string): Promise<SurveyView> {
  return api.post<SurveyView>('/surveys', body, { idempotencyKey });
}

/** Every response for those who guide the group; a member's own only (or none) for her. */
export async function listSurveyResponses(id: number, signal?: AbortSignal): Promise<SurveyResponse[]> {
  return (await api.get<{ items: SurveyResponse[] }>(`/surveys/${id}/responses`, withSignal(signal))).items;
}

export function answerSurvey(id: number, body: ResponseInput, idempotencyKey?: string): Promise<SurveyResponse> {
  return api.post<SurveyResponse>(`/surveys/${id}/responses`, body, { idempotencyKey });
}

export function addSurveyCode(id: number, body: CodeInput, idempotencyKey?: string): Promise<SurveyCode> {
  return api.post<SurveyCode>(`/surveys/${id}/codes`, body, { idempotencyKey });
}

export function tagSurveyAnswer(id: number, body: TagInput, idempotencyKey?: string): Promise<CodeTag> {
  return api.post<CodeTag>(`/surveys/${id}/tags`, body, { idempotencyKey });
}

export function untagSurveyAnswer(id: number, tagId: number): Promise<void> {
  return api.delete<void>(`/surveys/${id}/tags/${tagId}`);
}

export function getSurveyCoding(id: number, signal?: AbortSignal): Promise<SurveyCoding> {
  return api.get<SurveyCoding>(`/surveys/${id}/coding`, withSignal(signal));
}

/** The group's members, those who left included (a response names them too). */
export function listGroupMembers(groupId: number, signal?: AbortSignal): Promise<GroupMember[]> {
  const query = { include_left: 'true', limit: MAX_PAGE_SIZE };
  return readAllPages((offset) => api.get<MemberPage>(`/groups/${groupId}/members`, { query: { ...query, offset }, ...withSignal(signal) }), MAX_PAGES);
}
