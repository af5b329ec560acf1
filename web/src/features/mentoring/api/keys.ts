// The mentoring feature's query keys.
export const mentoringKeys = {
  all: ['mentoring'] as const,
  catalogue: () => [...mentoringKeys.all, 'competencies'] as const,
};
