import { HelpRequestPage } from './HelpRequestPage';
import { HelpRequestsList } from './HelpRequestsList';
import { ReportHelpForm } from './ReportHelpForm';
import { useLearningTexts } from '../../../lib/i18n/learning';
import type { HelpGroup } from '../types/help';

export interface HelpAreaProps {
  group: HelpGroup;
  /** The request open, or null for the list (or the form, `creating`). */
  requestId: number | null;
  creating: boolean;
  /** Tells whoever keeps the group's knowledge posts that an answer was shared as one. */
  onShared?: ((groupId: number) => void) | undefined;
}

/** A group's help tab: its requests, a new one being reported, or one request. */
export function HelpArea({ group, requestId, creating, onShared }: HelpAreaProps) {
  // Its texts travel with the learning tab's (learning-id.ts), not in the first visit's bundle.
  useLearningTexts();
  if (creating) return <ReportHelpForm group={group} />;
  if (requestId !== null) return <HelpRequestPage key={requestId} group={group} requestId={requestId} onShared={onShared} />;
  return <HelpRequestsList group={group} />;
}
