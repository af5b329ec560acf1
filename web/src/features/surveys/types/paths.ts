// Addresses of a group's surveys, inside the group's workspace (the app's route table uses the
// same patterns: /groups/:id/surveys, /groups/:id/surveys/:surveyId, …/:surveyId/coding).

const groupBase = (groupId: number) => `/groups/${groupId}`;

export function surveysPath(groupId: number): string {
  return `${groupBase(groupId)}/surveys`;
}

export function surveyPath(groupId: number, surveyId: number): string {
  return `${surveysPath(groupId)}/${surveyId}`;
}

/** The coding of a survey's open answers (for those who guide the group). */
export function codingPath(groupId: number, surveyId: number): string {
  return `${surveyPath(groupId, surveyId)}/coding`;
}

/** The coding as a CSV sheet for Excel: a plain link, the session's cookie goes with it. */
export function codingCsvUrl(surveyId: number): string {
  return `/api/v1/surveys/${surveyId}/coding.csv`;
}

/** What a form tells the survey's page it opens, shown there once. */
export interface SurveyNotice {
  notice?: 'created';
}
