// The programmes feature's reads and writes through TanStack Query, keyed by `programmeKeys`: a
// write refreshes what it changed (a record of assistance: the ledger, the budget and the loan book).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkEligibility,
  createProgramme,
  enrol,
  getBudget,
  getLearningOutcomes,
  getLoan,
  getProgramme,
  listEnrolments,
  listFacilitators,
  listLedger,
  listLoans,
  listProgrammes,
  listStakeholders,
  recordAssistance,
  repayLoan,
  searchRecipients,
  updateEnrolment,
  updateProgramme,
} from '../api/programmes';
import { programmeKeys } from '../api/keys';
import type { AssistanceInput, EnrolmentInput, LoanDetail, ProgrammeInput, ProgrammeStatus, ProgrammeView, RepaymentInput } from '../types';

export function useProgrammeList(filters: { q: string; status: ProgrammeStatus | null; offset: number }) {
  return useQuery({
    queryKey: programmeKeys.list(filters),
    queryFn: ({ signal }) => listProgrammes(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: number) {
  return useQuery({ queryKey: programmeKeys.programme(id), queryFn: ({ signal }) => getProgramme(id, signal) });
}

export function useStakeholders() {
  return useQuery({ queryKey: programmeKeys.stakeholders(), queryFn: ({ signal }) => listStakeholders(signal), staleTime: 5 * 60_000 });
}

/** Saves the design: a new programme, or a change (a status step is one too). */
export function useSaveProgramme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: { id: number | null; body: ProgrammeInput; idempotencyKey?: string }): Promise<ProgrammeView> =>
      save.id === null ? createProgramme(save.body, save.idempotencyKey) : updateProgramme(save.id, save.body),
    onSuccess: (saved) => {
      client.setQueryData(programmeKeys.programme(saved.id), saved);
      void client.invalidateQueries({ queryKey: programmeKeys.lists() });
    },
  });
}

export function useEnrolments(id: number) {
  return useQuery({ queryKey: programmeKeys.enrolments(id), queryFn: ({ signal }) => listEnrolments(id, signal) });
}

export function useEligibility(id: number, kind: 'group' | 'enterprise', recipientId: number | null) {
  return useQuery({
    queryKey: programmeKeys.eligibility(id, kind, recipientId ?? 0),
    queryFn: ({ signal }) => checkEligibility(id, kind, recipientId!, signal),
    enabled: recipientId !== null,
  });
}

export function useRecipientSearch(kind: 'group' | 'enterprise', q: string) {
  return useQuery({
    queryKey: programmeKeys.search(kind, q),
    queryFn: ({ signal }) => searchRecipients(kind, q, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useFacilitators(id: number) {
  return useQuery({ queryKey: programmeKeys.facilitators(id), queryFn: ({ signal }) => listFacilitators(id, signal) });
}

export function useEnrol(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: EnrolmentInput; idempotencyKey?: string }) => enrol(id, body, idempotencyKey),
    onSuccess: () => void client.invalidateQueries({ queryKey: programmeKeys.enrolments(id) }),
  });
}

export function useUpdateEnrolment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, body }: { enrolmentId: number; body: EnrolmentInput }) => updateEnrolment(enrolmentId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: programmeKeys.enrolments(id) }),
  });
}

export function useBudget(id: number) {
  return useQuery({ queryKey: programmeKeys.budget(id), queryFn: ({ signal }) => getBudget(id, signal) });
}

export function useLedger(id: number, offset: number) {
  return useQuery({
    queryKey: programmeKeys.ledger(id, offset),
    queryFn: ({ signal }) => listLedger(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRecordAssistance(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AssistanceInput; idempotencyKey?: string }) => recordAssistance(body, idempotencyKey),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...programmeKeys.programme(id), 'ledger'] });
      void client.invalidateQueries({ queryKey: programmeKeys.budget(id) });
      void client.invalidateQueries({ queryKey: programmeKeys.loans(id) });
    },
  });
}

export function useLoanBook(id: number) {
  return useQuery({ queryKey: programmeKeys.loans(id), queryFn: ({ signal }) => listLoans(id, signal) });
}

export function useLearningOutcomes(id: number) {
  return useQuery({ queryKey: programmeKeys.outcomes(id), queryFn: ({ signal }) => getLearningOutcomes(id, signal), retry: false });
}

export function useLoan(id: number) {
  return useQuery({ queryKey: programmeKeys.loan(id), queryFn: ({ signal }) => getLoan(id, signal) });
}

export function useRepay(loanId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RepaymentInput; idempotencyKey?: string }) => repayLoan(loanId, body, idempotencyKey),
    onSuccess: (loan: LoanDetail) => {
      client.setQueryData(programmeKeys.loan(loanId), loan);
      if (loan.programme_id !== null) void client.invalidateQueries({ queryKey: programmeKeys.loans(loan.programme_id) });
    },
  });
}
