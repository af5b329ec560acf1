// The programmes feature's calls: /programmes (with enrolments, eligibility, budget, learning
// outcomes), /enrolments, /assistance and /loans, and the stakeholders, groups, enterprises and
// facilitators the forms pick from.
import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import type {
  Assistance,
  AssistanceInput,
  AssistancePage,
  Eligibility,
  EnrolmentInput,
  EnrolmentPage,
  EnrolmentView,
  EnterprisePage,
  Facilitator,
  GroupPage,
  LoanBook,
  LoanDetail,
  ProgrammeBudget,
  ProgrammeInput,
  ProgrammeLearningOutcomes,
  ProgrammePage,
  ProgrammeStatus,
  ProgrammeView,
  RepaymentInput,
  StakeholderPage,
} from '../types';

export const PAGE_SIZE = 25;

export function listProgrammes(filters: { q: string; status: ProgrammeStatus | null; offset: number }, signal?: AbortSignal) {
  return api.get<ProgrammePage>('/programmes', {
    query: { q: filters.q || undefined, status: filters.status ?? undefined, limit: PAGE_SIZE, offset: filters.offset },
    ...withSignal(signal),
  });
}

export const getProgramme = (id: number, signal?: AbortSignal) => api.get<ProgrammeView>(`/programmes/${id}`, withSignal(signal));

export const createProgramme = (body: ProgrammeInput, idempotencyKey?: string) =>
  api.post<ProgrammeView>('/programmes', body, { idempotencyKey });

export const updateProgramme = (id: number, body: ProgrammeInput) => api.patch<ProgrammeView>(`/programmes/${id}`, body);

export const listEnrolments = (id: number, signal?: AbortSignal) =>
  api.get<EnrolmentPage>(`/programmes/${id}/enrolments`, { query: { limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });

export const checkEligibility = (id: number, kind: 'group' | 'enterprise', recipientId: number, signal?: AbortSignal) =>
  api.get<Eligibility>(`/programmes/${id}/eligibility`, { query: { [`${kind}_id`]: recipientId }, ...withSignal(signal) });

export const enrol = (id: number, body: EnrolmentInput, idempotencyKey?: string) =>
  api.post<EnrolmentView>(`/programmes/${id}/enrolments`, body, { idempotencyKey });

export const updateEnrolment = (enrolmentId: number, body: EnrolmentInput) =>
  api.patch<EnrolmentView>(`/enrolments/${enrolmentId}`, body);

export const getBudget = (id: number, signal?: AbortSignal) => api.get<ProgrammeBudget>(`/programmes/${id}/budget`, withSignal(signal));

export const listLedger = (programmeId: number, offset: number, signal?: AbortSignal) =>
  api.get<AssistancePage>('/assistance', { query: { programme_id: programmeId, limit: PAGE_SIZE, offset }, ...withSignal(signal) });

export const recordAssistance = (body: AssistanceInput, idempotencyKey?: string) =>
  api.post<Assistance>('/assistance', body, { idempotencyKey });

export const listLoans = (programmeId: number, signal?: AbortSignal) =>
  api.get<LoanBook>('/loans', { query: { programme_id: programmeId, limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });

export const getLoan = (id: number, signal?: AbortSignal) => api.get<LoanDetail>(`/loans/${id}`, withSignal(signal));

export const repayLoan = (id: number, body: RepaymentInput, idempotencyKey?: string) =>
  api.post<LoanDetail>(`/loans/${id}/repayments`, body, { idempotencyKey });

export const getLearningOutcomes = (id: number, signal?: AbortSignal) =>
  api.get<ProgrammeLearningOutcomes>(`/programmes/${id}/learning-outcomes`, withSignal(signal));

/** Every stakeholder (a city's few dozen), by helix and name. */
export const listStakeholders = (signal?: AbortSignal) =>
  api.get<StakeholderPage>('/stakeholders', { query: { limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });

/** Groups or enterprises whose name holds `q`: the first page, to pick one from. */
export function searchRecipients(kind: 'group' | 'enterprise', q: string, signal?: AbortSignal): Promise<{ id: number; name: string; place: string }[]> {
  if (kind === 'group') {
    return api
      .get<GroupPage>('/groups', { query: { q, limit: 20, offset: 0 }, ...withSignal(signal) })
      .then((page) => page.items.map((g) => ({ id: g.id, name: g.name, place: g.village?.name ?? '' })));
  }
  return api
    .get<EnterprisePage>('/enterprises', { query: { q, limit: 20, offset: 0 }, ...withSignal(signal) })
    .then((page) => page.items.map((e) => ({ id: e.id, name: e.name, place: e.village?.name ?? '' })));
}

/** The active facilitator accounts scoped to a programme, for those who enrol. */
export const listFacilitators = (programmeId: number, signal?: AbortSignal): Promise<Facilitator[]> =>
  api.get<{ items: Facilitator[] }>(`/programmes/${programmeId}/facilitators`, withSignal(signal)).then((list) => list.items);
