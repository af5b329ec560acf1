// Addresses of a group's surveys. They live in the group workspace's learning tab (Belajar): the
// list is a section of the tab, a survey and its coding are the tab with `?survey=5` and
// `?survey=5&view=coding` (the app composes the tab, app/pages/LearningTab.tsx, so that the
// workspace's first visit carries nothing of the surveys).

const learningBase = (groupId: number) => `/groups/${groupId}/learning`;

/** The learning tab, where the group's surveys are listed. */
export function surveysPath(groupId: number): string {
  return learningBase(groupId);
}

export function surveyPath(groupId: number, surveyId: number): string {
  return `${learningBase(groupId)}?survey=${surveyId}`;
}

/** The coding of a survey's open answers (for those who guide the group). */
export function codingPath(groupId: number, surveyId: number): string {
  return `${surveyPath(groupId, surveyId)}&view=coding`;
}

/** The coding as a CSV sheet for Excel: a plain link, the session's cookie goes with it. */
export function codingCsvUrl(surveyId: number): string {
  return `/api/v1/surveys/${surveyId}/coding.csv`;
}

/** What the address opens: a survey (or its coding), null for none; an address that names no survey is `invalid`. */
export type SurveyAddress = { surveyId: number; coding: boolean } | 'invalid' | null;

export function surveyAddress(search: URLSearchParams): SurveyAddress {
  const survey = search.get('survey');
  if (survey === null) return null;
  const id = /^\d+$/.test(survey) ? Number(survey) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) return 'invalid';
  const view = search.get('view');
  if (view !== null && view !== 'coding') return 'invalid';
  return { surveyId: id, coding: view === 'coding' };
}

/** What a form tells the survey's page it opens, shown there once. */
export interface SurveyNotice {
  notice?: 'created';
}
