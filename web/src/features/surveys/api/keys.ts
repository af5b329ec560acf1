// The surveys feature's query keys. A group's surveys (their list, and the members the feature
// reads to answer for one) sit under `group(groupId)`; one survey under `survey(id)`, with its
// responses and its coding below it, so that a write refreshes exactly what it changed.
export const surveyKeys = {
  all: ['surveys'] as const,
  templates: () => [...surveyKeys.all, 'templates'] as const,

  group: (groupId: number) => [...surveyKeys.all, 'group', groupId] as const,
  list: (groupId: number) => [...surveyKeys.group(groupId), 'list'] as const,
  members: (groupId: number) => [...surveyKeys.group(groupId), 'members'] as const,

  survey: (id: number) => [...surveyKeys.all, 'survey', id] as const,
  responses: (id: number) => [...surveyKeys.survey(id), 'responses'] as const,
  coding: (id: number) => [...surveyKeys.survey(id), 'coding'] as const,
};
