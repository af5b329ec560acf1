// Renders the group workspace the way the app's route table mounts it: one route per section,
// the meeting and proposal pages inside their sections.
import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { GroupWorkspace, type GroupWorkspaceProps } from '../features/groups/components/GroupWorkspace';
import type { Section } from '../features/groups/types/paths';
import type { LearningSlotProps } from '../lib/learning-slot';
import type { Language } from '../lib/i18n';
import { renderAt } from './fixtures';

/** Stands in for the mentoring feature's learning tab: says which cycle it was asked for, and links back. */
export function FakeLearningSection({ group, cycleId, paths }: LearningSlotProps) {
  return (
    <section data-testid="learning-slot">
      <output data-testid="learning-cycle">{cycleId === null ? `${group.id}:list` : `${group.id}:${cycleId}`}</output>
      <output data-testid="learning-paths">{[paths.learning, paths.cycle(4), paths.deliberation(7), paths.meeting(9)].join(' ')}</output>
    </section>
  );
}

export function renderWorkspace(at: string, props: Partial<Omit<GroupWorkspaceProps, 'section'>> = {}, language: Language = 'id') {
  const all = { canSearchPeople: false, showAllGroups: true, LearningSection: FakeLearningSection, ...props };
  const workspace = (section: Section) => <GroupWorkspace section={section} {...all} />;
  return renderAt(workspace('summary'), {
    path: '/groups/:id',
    at,
    language,
    others: {
      '/groups/:id/mine': workspace('mine'),
      '/groups/:id/members': workspace('members'),
      '/groups/:id/meetings': workspace('meetings'),
      '/groups/:id/meetings/:meetingId': workspace('meetings'),
      '/groups/:id/deliberations': workspace('deliberations'),
      '/groups/:id/deliberations/:deliberationId': workspace('deliberations'),
      '/groups/:id/learning': workspace('learning'),
      '/groups/:id/learning/:cycleId': workspace('learning'),
      '/groups/:id/treasury': workspace('treasury'),
      '/groups/:id/markets': workspace('markets'),
      '/groups/:id/orders': workspace('orders'),
      '/groups/:id/orders/:orderId': workspace('orders'),
      '/groups/:id/materials': workspace('materials'),
      '/groups/:id/knowledge': workspace('knowledge'),
      '/groups/:id/compliance': workspace('compliance'),
      '/groups/:id/settings': workspace('settings'),
    },
  });
}

/** Opens a workspace tab, taps its Add button and gives the form that opens. */
export async function openSectionForm(user: UserEvent, at: string, add: string, formTestId: string): Promise<HTMLElement> {
  renderWorkspace(at);
  await user.click(await screen.findByRole('button', { name: add }));
  return screen.findByTestId(formTestId);
}
