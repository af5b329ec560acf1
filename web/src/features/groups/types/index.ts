// Groups as alliances (seeds 000 and 001) as the API answers them: the group with what the caller
// may write, its members, meetings with attendance, SOP compliance, deliberations with votes, and
// the norms agreed outcomes become. Words are the API's; i18n turns them into the reader's.
import type { Page } from '../../../lib/page';
import type { Place } from '../../../lib/places';

export const GROUP_KINDS = ['learning_community', 'joint_business_group', 'cooperative'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const GROUP_STATUSES = ['embryo', 'active', 'inactive', 'dissolved'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const ORIGINS = ['self_initiated', 'programme_formed'] as const;
export type Origin = (typeof ORIGINS)[number];

/** A member's office; mentoring and being the local hero are separate flags. */
export const MEMBER_ROLES = ['leader', 'secretary', 'treasurer', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEETING_KINDS = ['formal', 'informal'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PRESENCES = ['present', 'excused', 'absent'] as const;
export type Presence = (typeof PRESENCES)[number];

export const TOPICS = [
  'learning_theme',
  'schedule',
  'venue',
  'price',
  'market_areas',
  'fee_rule',
  'rule',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const DECISION_METHODS = ['vote', 'consensus'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

export const OUTCOMES = ['agreed', 'not_agreed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The parts of a group's workspace; GET /groups/{id} lists those the caller may write. */
export const PARTS = [
  'profile',
  'members',
  'meetings',
  'deliberations',
  'ledger',
  'assets',
  'materials',
  'market_areas',
  'orders',
  'posts',
] as const;
export type Part = (typeof PARTS)[number];

export interface Group {
  id: number;
  name: string;
  kind: GroupKind;
  sector: string;
  business_centre: string | null;
  village_code: string;
  village: Place | null;
  origin: Origin;
  programme_id: number | null;
  legality: string | null;
  legality_date: string | null;
  status: GroupStatus;
  status_since: string;
  founded_on: string | null;
  sop_meetings_per_month: number;
  steward_id: number | null;
  active_members: number;
  created_at: string;
  updated_at: string;
}

/** One group as GET/PATCH /groups/{id} answer it: what the caller may write, and who she is in it. */
export interface GroupView extends Group {
  writes: Part[];
  /** The caller's own membership, or null when she is not a member (an officer, an admin). */
  member_id: number | null;
}

export type GroupPage = Page<Group>;

export interface Member {
  id: number;
  group_id: number;
  person: { id: number; name: string };
  enterprise: { id: number; name: string } | null;
  role: MemberRole;
  mentor: boolean;
  local_hero: boolean;
  joined_on: string;
  left_on: string | null;
  active: boolean;
  user_id: number | null;
  created_at: string;
  updated_at: string;
}

export type MemberPage = Page<Member>;

/** A person in the registry as GET /people lists her: enough to tell two people of one name apart. */
export interface PersonHit {
  id: number;
  name: string;
  birth_year: number | null;
  village: Place | null;
}

export type PersonPage = Page<PersonHit>;

export interface Meeting {
  id: number;
  group_id: number;
  kind: MeetingKind;
  held_on: string;
  status: MeetingStatus;
  venue: string | null;
  host_member_id: number | null;
  agenda: string | null;
  minutes: string | null;
  present: number;
  excused: number;
  absent: number;
  created_at: string;
  updated_at: string;
}

export type MeetingPage = Page<Meeting>;

export interface AttendanceLine {
  member_id: number;
  name: string;
  presence: Presence;
}

/** A meeting with its attendance as recorded (only the members someone marked). */
export interface MeetingView extends Meeting {
  attendance: AttendanceLine[];
}

export interface ComplianceMonth {
  /** "2026-11" */
  month: string;
  held: number;
  required: number;
  /** held ÷ required in whole percent: 200 where the group met twice and the SOP asked once. */
  percent: number;
  present: number;
  recorded: number;
  /** present ÷ recorded in whole percent; null when no attendance was taken that month. */
  attendance_percent: number | null;
}

export interface Compliance {
  sop_meetings_per_month: number;
  from: string;
  to: string;
  held: number;
  required: number;
  percent: number;
  months: ComplianceMonth[];
}

/** Groups by their compliance in a period: ≥ 100%, 50–99%, 1–49%, no meeting held. */
export const COMPLIANCE_BANDS = ['met', 'partial', 'low', 'none'] as const;
export type ComplianceBand = (typeof COMPLIANCE_BANDS)[number];

/** One group's line of GET /groups/compliance: meetings held in the period against its SOP. */
export interface RegionComplianceRow {
  id: number;
  name: string;
  village_code: string;
  status: GroupStatus;
  sop_meetings_per_month: number;
  held: number;
  /** The SOP's meetings a month × the months counted. */
  required: number;
  /** held ÷ required in whole percent, rounded half up. */
  percent: number;
}

/** GET /groups/compliance: one page of a region's groups, and every matching group counted by band. */
export interface RegionCompliance extends Page<RegionComplianceRow> {
  from: string;
  to: string;
  bands: Record<ComplianceBand, number>;
}

export interface DeliberationOption {
  id: number;
  label: string;
  votes: number;
}

export interface Deliberation {
  id: number;
  group_id: number;
  meeting_id: number | null;
  title: string;
  description: string | null;
  topic: Topic;
  method: DecisionMethod;
  options: DeliberationOption[];
  votes_against: number;
  votes_cast: number;
  decided: boolean;
  outcome: Outcome | null;
  option_id: number | null;
  decided_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export type DeliberationPage = Page<Deliberation>;

export interface Norm {
  id: number;
  deliberation_id: number;
  topic: Topic;
  text: string;
  adopted_on: string;
}

export interface VoteLine {
  member_id: number;
  name: string;
  /** null: against the proposal. */
  option_id: number | null;
}

export interface DeliberationView extends Deliberation {
  votes: VoteLine[];
  norm: Norm | null;
}

// ---- request bodies ---------------------------------------------------------------------

export interface GroupInput {
  name?: string;
  kind?: GroupKind;
  sector?: string;
  business_centre?: string | null;
  village_code?: string;
  origin?: Origin;
  legality?: string | null;
  legality_date?: string | null;
  founded_on?: string | null;
  sop_meetings_per_month?: number;
  status?: GroupStatus;
  status_since?: string | null;
}

export interface NewPersonInput {
  name: string;
  gender?: 'female' | 'male';
  phone?: string;
}

export interface MemberInput {
  person_id?: number;
  person?: NewPersonInput;
  role?: MemberRole;
  mentor?: boolean;
  local_hero?: boolean;
  joined_on?: string;
  left_on?: string | null;
}

export interface MeetingInput {
  kind?: MeetingKind;
  held_on?: string;
  status?: MeetingStatus;
  venue?: string | null;
  agenda?: string | null;
  minutes?: string | null;
}

export interface AttendanceInput {
  attendance: { member_id: number; presence: Presence }[];
}

export interface DeliberationInput {
  title: string;
  description?: string;
  topic: Topic;
  method: DecisionMethod;
  options: string[];
  meeting_id?: number;
}

export interface VoteInput {
  member_id?: number;
  /** null: against the proposal. */
  option_id: number | null;
}

export interface DecisionInput {
  outcome?: Outcome;
  option_id?: number;
  note?: string;
}

// ---- small rules the pages share ----------------------------------------------------------

/** Whether the caller may write this part of the group (the server checks again). */
export function canWrite(group: Pick<GroupView, 'writes'>, part: Part): boolean {
  return group.writes.includes(part);
}

/** A member on `day` ("2026-11-23"): joined by then and not left before it. */
export function activeOn(member: Pick<Member, 'joined_on' | 'left_on'>, day: string): boolean {
  return member.joined_on <= day && (member.left_on === null || member.left_on >= day);
}

/** The statuses a group may move to from `from`: embryo → active; active ↔ inactive; any but dissolved → dissolved. */
export function nextStatuses(from: GroupStatus): GroupStatus[] {
  switch (from) {
    case 'embryo':
      return ['active', 'dissolved'];
    case 'active':
      return ['inactive', 'dissolved'];
    case 'inactive':
      return ['active', 'dissolved'];
    case 'dissolved':
      return [];
  }
}

export function isGroupStatus(value: string): value is GroupStatus {
  return (GROUP_STATUSES as readonly string[]).includes(value);
}

export function isGroupKind(value: string): value is GroupKind {
  return (GROUP_KINDS as readonly string[]).includes(value);
}

/** The sectors a group may have (the registry's list; GET /sectors gives the same codes). */
export const SECTORS = [
  'batik',
  'food_processing',
  'beverages',
  'fashion',
  'crafts',
  'agriculture',
  'fisheries',
  'trade',
  'culinary',
  'accommodation',
  'services',
] as const;
export type SectorCode = (typeof SECTORS)[number];

export function isSectorCode(value: string): value is SectorCode {
  return (SECTORS as readonly string[]).includes(value);
}
