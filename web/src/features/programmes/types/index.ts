// The programmes feature's wire types, named from the spec (docs/openapi.yaml, tags programmes and
// assistance): programmes with their partners and criteria, enrolments, the assistance ledger and
// soft loans.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import type { Page } from '../../../lib/page';

export { ASSISTANCE_KINDS, isAssistanceKind, type AssistanceKind } from '../../../lib/assistance';

export type Programme = Schemas['Programme'];
export type ProgrammeView = Schemas['ProgrammeView'];
export type ProgrammeInput = Schemas['ProgrammeInput'];
export type ProgrammePage = Schemas['ProgrammePage'];
export type ProgrammeStatus = Schemas['ProgrammeStatus'];
export type ProgrammeCriteria = Schemas['ProgrammeCriteria'];
export type ProgrammePartner = Schemas['ProgrammePartner'];
export type EmpowermentFactor = Schemas['EmpowermentFactor'];
export type ProgrammeCategory = Schemas['ProgrammeCategory'];
export type Helix = Schemas['Helix'];
export type Scale = Schemas['Scale'];

export type Enrolment = Schemas['Enrolment'];
export type EnrolmentView = Schemas['EnrolmentView'];
export type EnrolmentInput = Schemas['EnrolmentInput'];
export type EnrolmentPage = Schemas['EnrolmentPage'];
export type Eligibility = Schemas['Eligibility'];
export type EligibilityCheck = Eligibility['checks'][number];
export type Criterion = EligibilityCheck['criterion'];

export type Assistance = Schemas['Assistance'];
export type AssistanceInput = Schemas['AssistanceInput'];
export type AssistancePage = Schemas['AssistancePage'];
export type LoanTerms = Schemas['LoanTerms'];
export type LoanMethod = LoanTerms['method'];
export type LoanBook = Schemas['LoanBook'];
export type LoanBookItem = Schemas['LoanBookItem'];
export type PortfolioAtRisk = Schemas['PortfolioAtRisk'];
export type Arrears = Schemas['Arrears'];
export type LoanDetail = Schemas['LoanDetail'];
export type LoanInstalment = Schemas['LoanInstalment'];
export type RepaymentInput = Schemas['RepaymentInput'];
export type ProgrammeBudget = Schemas['ProgrammeBudget'];
export type ProgrammeLearningOutcomes = Schemas['ProgrammeLearningOutcomes'];
export type GroupOutcomeLine = ProgrammeLearningOutcomes['groups'][number];

// Exit to a local hero, follow-ups and the programme dashboard.
export type ExitStatus = Schemas['ExitStatus'];
export type ExitSummary = Schemas['ExitSummary'];
export type ExitSummaryPage = Schemas['ExitSummaryPage'];
export type ExitView = Schemas['ExitView'];
export type Nomination = Schemas['Nomination'];
export type HeroRecord = Schemas['HeroRecord'];
export type ReadinessItem = Schemas['ReadinessItem'];
export type ReadinessCheck = Schemas['ReadinessCheck'];
export type NominationInput = Schemas['NominationInput'];
export type ChecklistInput = Schemas['ChecklistInput'];
export type HandOverInput = Schemas['HandOverInput'];
export type GroupCondition = Schemas['GroupCondition'];
export type FollowUp = Schemas['FollowUp'];
export type FollowUpInput = Schemas['FollowUpInput'];
export type ScheduledVisit = Schemas['ScheduledVisit'];
export type GroupFollowUps = Schemas['GroupFollowUps'];
export type FollowUpBoard = Schemas['FollowUpBoard'];
export type ProgrammeDashboard = Schemas['ProgrammeDashboard'];
export type MembershipPage = Schemas['MembershipPage'];
export type Membership = Schemas['Membership'];

export type Stakeholder = Schemas['Stakeholder'];
export type StakeholderPage = Page<Stakeholder>;
export type GroupPage = Schemas['GroupPage'];
export type EnterprisePage = Schemas['EnterprisePage'];
export type Facilitator = Schemas['ExitAccountRef'];

export const PROGRAMME_STATUSES = valuesOf<ProgrammeStatus>()(['draft', 'active', 'closed']);
export const FACTORS = valuesOf<EmpowermentFactor>()(['capital_access', 'human_resources', 'partnership', 'market_strengthening']);
export const HELICES = valuesOf<Helix>()(['government', 'business', 'academia', 'civil_society']);
export const SCALES = valuesOf<Scale>()(['micro', 'small', 'medium', 'large']);
export const CATEGORIES = valuesOf<ProgrammeCategory>()(['poor', 'zakat_recipient']);
export const CRITERIA = valuesOf<Criterion>()(['region', 'sector', 'scale', 'founded_within_years', 'homogeneous', 'category']);
export const LOAN_METHODS = valuesOf<LoanMethod>()(['flat', 'declining']);
export const EXIT_STATUSES = valuesOf<ExitStatus>()(['none', 'nominated', 'ready', 'handed_over']);
export const READINESS_ITEMS = valuesOf<ReadinessItem>()(['leads_meetings', 'keeps_books', 'outside_network']);
export const GROUP_CONDITIONS = valuesOf<GroupCondition>()(['active', 'struggling', 'dormant', 'dissolved']);

export function isProgrammeStatus(value: string | null | undefined): value is ProgrammeStatus {
  return value !== null && value !== undefined && (PROGRAMME_STATUSES as readonly string[]).includes(value);
}


/** The step a programme's status may take next: draft → active → closed. */
export function nextStatus(status: ProgrammeStatus): ProgrammeStatus | null {
  if (status === 'draft') return 'active';
  if (status === 'active') return 'closed';
  return null;
}

// ---- paths ----

export const PROGRAMMES_PATH = '/programmes';
export const NEW_PROGRAMME_PATH = '/programmes/new';
export const PROGRAMME_TABS = ['overview', 'dashboard', 'enrolments', 'budget', 'ledger', 'loans', 'learning', 'exits', 'candidates'] as const;
export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];
/** The tabs only those who manage the programme see (targeting's candidates and rounds). */
export const MANAGER_TABS: readonly ProgrammeTab[] = ['candidates'];

export function isProgrammeTab(value: string | undefined): value is ProgrammeTab {
  return value !== undefined && (PROGRAMME_TABS as readonly string[]).includes(value);
}

export const programmePath = (id: number, tab: ProgrammeTab = 'overview') =>
  tab === 'overview' ? `${PROGRAMMES_PATH}/${id}` : `${PROGRAMMES_PATH}/${id}/${tab}`;
export const programmeEditPath = (id: number) => `${PROGRAMMES_PATH}/${id}/edit`;
export const loanPath = (id: number) => `/loans/${id}`;
