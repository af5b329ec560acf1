import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { useLearningTexts } from '../../../lib/i18n/learning';
import type { LearningSlotProps } from '../../../lib/learning-slot';
import { useGroupMembers } from '../hooks/use-learning';
import { guides } from '../types/cycles';
import { learningProblemMessage } from '../types/errors';
import { CyclePage } from './CyclePage';
import { CyclesSection } from './CyclesSection';
import { MentorshipsSection } from './MentorshipsSection';
import { OutcomesSection } from './OutcomesSection';

/**
 * Belajar, the group workspace's learning tab (seed 000's mentoring model): the group's learning
 * cycles, what they achieved (completion, attendance, help times, community against outside
 * mentors) and who mentors whom; or, at a cycle's address, that cycle's page. Everyone who reaches
 * the group reads it; its leader, its mentors and those who oversee it plan and record.
 */
export function LearningSection({ group, cycleId, paths }: LearningSlotProps) {
  // The tab's texts travel in its own chunk: they join the app's before anything here translates.
  useLearningTexts();
  const { t } = useTranslation();
  const members = useGroupMembers(group.id);
  if (cycleId !== null) return <CyclePage key={cycleId} group={group} cycleId={cycleId} paths={paths} />;
  const canGuide = members.data ? guides(group, members.data) : false;
  return (
    <>
      {members.isError ? <Alert tone="error">{learningProblemMessage(t, members.error)}</Alert> : null}
      <CyclesSection group={group} members={members.data} canGuide={canGuide} paths={paths} />
      <OutcomesSection group={group} />
      <MentorshipsSection group={group} members={members.data} canGuide={canGuide} />
    </>
  );
}
