// Groups as alliances (seeds 000 and 001) as the API answers them: the group with what the caller
// may write, its members, meetings with attendance, SOP compliance, deliberations with votes, and
// the norms agreed outcomes become. Words are the API's; i18n turns them into the reader's.
import type { Page } from '../../../lib/page';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';

export type GroupKind = Schemas['GroupKind'];
export const GROUP_KINDS = valuesOf<GroupKind>()(['learning_community', 'joint_business_group', 'cooperative']);

export type GroupStatus = Schemas['GroupStatus'];
export const GROUP_STATUSES = valuesOf<GroupStatus>()(['embryo', 'active', 'inactive', 'dissolved']);

export type Origin = Schemas['GroupOrigin'];
export const ORIGINS = valuesOf<Origin>()(['self_initiated', 'programme_formed']);

/** A member's office; mentoring and being the local hero are separate flags. */
export type MemberRole = Schemas['MemberRole'];
export const MEMBER_ROLES = valuesOf<MemberRole>()(['leader', 'secretary', 'treasurer', 'member']);

export type MeetingKind = Schemas['MeetingKind'];
export const MEETING_KINDS = valuesOf<MeetingKind>()(['formal', 'informal']);

export type MeetingStatus = Schemas['MeetingStatus'];
export const MEETING_STATUSES = valuesOf<MeetingStatus>()(['planned', 'held', 'cancelled']);

export type Presence = Schemas['Presence'];
export const PRESENCES = valuesOf<Presence>()(['present', 'excused', 'absent']);

export type Topic = Schemas['DeliberationTopic'];
export const TOPICS = valuesOf<Topic>()([
  'learning_theme',
  'schedule',
  'venue',
  'price',
  'market_areas',
  'fee_rule',
  'rule',
  'other',
]);

export type DecisionMethod = Schemas['DecisionMethod'];
export const DECISION_METHODS = valuesOf<DecisionMethod>()(['vote', 'consensus']);

/** How a proposal is decided: more than half, at least two thirds of the votes cast, or by consensus. */
export type DecisionRule = Schemas['DecisionRule'];
export const DECISION_RULES = valuesOf<DecisionRule>()(['majority', 'two_thirds', 'consensus']);

/** A group setting an agreed proposal changes. */
export type GroupSetting = Schemas['GroupSetting'];
export const GROUP_SETTINGS = valuesOf<GroupSetting>()(['monthly_fee', 'sop_meetings', 'market_area']);

/** What an agreed proposal changes, applied when it is decided as agreed. */
export type SettingChange = Schemas['SettingChange'];

export type Outcome = Schemas['Outcome'];
export const OUTCOMES = valuesOf<Outcome>()(['agreed', 'not_agreed']);

/** The parts of a group's workspace; GET /groups/{id} lists those the caller may write. */
export type Part = Schemas['GroupPart'];
export const PARTS = valuesOf<Part>()([
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
]);

export type Group = Schemas['Group'];

/**
 * One group as GET/PATCH /groups/{id} answer it: what the caller may write (`writes`), and her
 * own membership (`member_id`, null when she is not a member: an officer, an admin).
 */
export type GroupView = Schemas['GroupView'];

export type GroupPage = Schemas['GroupPage'];

export type Member = Schemas['Membership'];

export type MemberPage = Schemas['MembershipPage'];

/** A person in the registry as GET /people lists her: enough to tell two people of one name apart. */
export type PersonHit = Pick<Schemas['Person'], 'id' | 'name' | 'birth_year' | 'village'>;

export type PersonPage = Page<PersonHit>;

export type Meeting = Schemas['Meeting'];

export type MeetingPage = Schemas['MeetingPage'];

export type AttendanceLine = Schemas['Attendance'];

/** A meeting with its attendance as recorded (only the members someone marked). */
export type MeetingView = Schemas['MeetingDetail'];

/**
 * One month of SOP compliance: `percent` is held ÷ required in whole percent (200 where the
 * group met twice and the SOP asked once); `attendance_percent` present ÷ recorded, null when
 * no attendance was taken that month.
 */
export type ComplianceMonth = Schemas['ComplianceMonth'];

export type Compliance = Schemas['Compliance'];

/** Groups by their compliance in a period: ≥ 100%, 50–99%, 1–49%, no meeting held. */
export type ComplianceBand = keyof Schemas['RegionCompliance']['bands'];
export const COMPLIANCE_BANDS = valuesOf<ComplianceBand>()(['met', 'partial', 'low', 'none']);

/** One group's line of GET /groups/compliance: meetings held in the period against its SOP. */
export type RegionComplianceRow = Schemas['RegionCompliance']['items'][number];

/** GET /groups/compliance: one page of a region's groups, and every matching group counted by band. */
export type RegionCompliance = Schemas['RegionCompliance'];

export type DeliberationOption = Schemas['DeliberationOption'];

export type Deliberation = Schemas['Deliberation'];

export type DeliberationPage = Schemas['DeliberationPage'];

export type Norm = Schemas['Norm'];

/** One member's vote; `option_id` null: against the proposal. */
export type VoteLine = Schemas['Vote'];

export type DeliberationView = Schemas['DeliberationDetail'];

// ---- request bodies ---------------------------------------------------------------------

/** Body of POST /groups as the form builds it, field by field; PATCH takes any subset of it. */
export type GroupInput = Partial<Schemas['GroupInput']>;

/** A new person created with her membership: the few fields the member form asks for. */
export type NewPersonInput = Pick<Schemas['PersonInput'], 'name' | 'gender' | 'phone'>;

/** Body of POST /groups/{id}/members as the form builds it; PATCH takes the fields but the person. */
export type MemberInput = Partial<Schemas['MembershipInput']>;

/** Body of POST …/meetings as the form builds it; PATCH takes any subset of it. */
export type MeetingInput = Partial<Schemas['MeetingInput']>;

export type AttendanceInput = Schemas['AttendanceInput'];

export type DeliberationInput = Schemas['DeliberationInput'];

/** A vote; `option_id` null: against the proposal. */
export type VoteInput = Schemas['VoteInput'];

/** PUT …/votes: a meeting's votes of members without an account, saved at once. */
export type VoteSheetInput = Schemas['VoteSheetInput'];

export type DecisionInput = Schemas['DecisionInput'];

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

export { SECTORS, isSectorCode, type SectorCode } from '../../../lib/sectors';

