// The slot through which the app hands the mentoring feature's learning tab to the group
// workspace: the groups feature cannot import mentoring, so its workspace receives the tab as a
// component (as forms receive the regions feature's picker, places.ts), and tells it where the
// workspace's own pages are.
import type { ComponentType } from 'react';
import type { Schemas } from './api/schemas';

/** The workspace's addresses the learning tab links to; the groups feature owns their shape. */
export interface LearningPaths {
  /** The learning tab itself (the list of cycles). */
  learning: string;
  /** One learning cycle's page. */
  cycle: (cycleId: number) => string;
  /** A proposal in the deliberations tab (a cycle's theme proposal). */
  deliberation: (deliberationId: number) => string;
  /** A meeting in the meetings tab (a session is one). */
  meeting: (meetingId: number) => string;
}

export interface LearningSlotProps {
  /** The group as GET /groups/{id} answers the caller: its sector, whether she is a member, what she writes. */
  group: Schemas['GroupView'];
  /** The cycle the address opens; null for the tab's list. */
  cycleId: number | null;
  paths: LearningPaths;
}

/** The mentoring feature's learning tab, passed in by the app layer. */
export type LearningSlot = ComponentType<LearningSlotProps>;
