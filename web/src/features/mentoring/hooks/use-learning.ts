// The learning tab's reads and writes through TanStack Query, keyed by `mentoringKeys`: a write
// on a cycle puts the server's answer in the cache (the page shows it at once) and marks the
// group's list of cycles stale.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sendSave, type Save } from '../../../lib/save';
import { listCompetencies } from '../api/competencies';
import {
  addEvaluation,
  addSession,
  correctEvaluation,
  createCycle,
  createThemeProposal,
  getCycle,
  getLearningOutcomes,
  listCycles,
  listGroupMembers,
  listPlanProposals,
  transitionCycle,
  updateCycle,
} from '../api/cycles';
import { mentoringKeys } from '../api/keys';
import { createMentorship, listMentorships, updateMentorship } from '../api/mentorships';
import type {
  Cycle,
  CycleInput,
  CyclePatch,
  CycleStatus,
  EvaluationInput,
  EvaluationPatch,
  Mentorship,
  MentorshipInput,
  ProposalInput,
  SessionInput,
} from '../types/cycles';

/** A write's body with its submission's Idempotency-Key (useForm keeps it for a retry). */
export interface Submission<Body> {
  body: Body;
  idempotencyKey?: string | undefined;
}

export function useCycles(groupId: number) {
  return useQuery({ queryKey: mentoringKeys.cycles(groupId), queryFn: ({ signal }) => listCycles(groupId, signal) });
}

export function useLearningOutcomes(groupId: number) {
  return useQuery({
    queryKey: mentoringKeys.outcomes(groupId),
    queryFn: ({ signal }) => getLearningOutcomes(groupId, signal),
  });
}

export function useCycle(cycleId: number) {
  return useQuery({ queryKey: mentoringKeys.cycle(cycleId), queryFn: ({ signal }) => getCycle(cycleId, signal) });
}

/** The group's members, those who left included (a closed cycle names them too). */
export function useGroupMembers(groupId: number, enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.members(groupId),
    queryFn: ({ signal }) => listGroupMembers(groupId, signal),
    enabled,
  });
}

/** The competencies a group of `sector` learns; the catalogue changes rarely: kept ten minutes. */
export function useSectorCompetencies(sector: string, enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.sectorCatalogue(sector),
    queryFn: ({ signal }) => listCompetencies(signal, sector),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The group's proposals on a cycle's theme, schedule and venue. */
export function usePlanProposals(groupId: number, enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.proposals(groupId),
    queryFn: ({ signal }) => listPlanProposals(groupId, signal),
    enabled,
  });
}

export function useMentorships(groupId: number) {
  return useQuery({ queryKey: mentoringKeys.mentorships(groupId), queryFn: ({ signal }) => listMentorships(groupId, signal) });
}

/** The cycle as the server answered a write: on its page at once; the group's list reloads. */
function showCycle(client: QueryClient, cycle: Cycle) {
  client.setQueryData(mentoringKeys.cycle(cycle.id), cycle);
  void client.invalidateQueries({ queryKey: mentoringKeys.cycles(cycle.group_id) });
  void client.invalidateQueries({ queryKey: mentoringKeys.outcomes(cycle.group_id) });
}

export type CycleSave = Save<Cycle, CycleInput, CyclePatch>;

/** Plans a cycle, or changes its plan (a change of nothing sends nothing). */
export function useSaveCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: CycleSave) => sendSave(save, createCycle, updateCycle),
    onSuccess: (cycle) => showCycle(client, cycle),
  });
}

/**
 * One step to the next stage. A refusal reloads the cycle: what it names as missing may have
 * changed meanwhile (another guide's session or evaluation).
 */
export function useTransitionCycle(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<CycleStatus>) => transitionCycle(cycleId, body, idempotencyKey),
    onSuccess: (cycle) => showCycle(client, cycle),
    onError: () => void client.invalidateQueries({ queryKey: mentoringKeys.cycle(cycleId) }),
  });
}

export function useAddSession(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<SessionInput>) => addSession(cycleId, body, idempotencyKey),
    onSuccess: (cycle) => showCycle(client, cycle),
  });
}

export function useAddEvaluation(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<EvaluationInput>) => addEvaluation(cycleId, body, idempotencyKey),
    onSuccess: (cycle) => showCycle(client, cycle),
  });
}

/** Corrects an evaluation; the cycle (and its completion) comes back as it now stands. */
export function useCorrectEvaluation(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ evaluationId, body }: { evaluationId: number; body: EvaluationPatch }) => correctEvaluation(cycleId, evaluationId, body),
    onSuccess: (cycle) => showCycle(client, cycle),
  });
}

/**
 * "Buat usulan tema": puts a proposal on topic learning_theme to the group, then links it to the
 * cycle, whose theme becomes the option the group agrees on.
 */
export function useProposeTheme(groupId: number, cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: Submission<ProposalInput>) => {
      const proposal = await createThemeProposal(groupId, body, idempotencyKey);
      return updateCycle(cycleId, { deliberation_id: proposal.id });
    },
    onSuccess: (cycle) => {
      showCycle(client, cycle);
      void client.invalidateQueries({ queryKey: mentoringKeys.proposals(groupId) });
    },
  });
}

export function useCreateMentorship(groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<MentorshipInput>) => createMentorship(body, idempotencyKey),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: mentoringKeys.mentorships(groupId) });
      void client.invalidateQueries({ queryKey: mentoringKeys.outcomes(groupId) });
    },
  });
}

/** Ends a mentorship on `day` (its last day). */
export function useEndMentorship(groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mentorship, day }: { mentorship: Mentorship; day: string }) => updateMentorship(mentorship.id, { ended_on: day }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: mentoringKeys.mentorships(groupId) });
      void client.invalidateQueries({ queryKey: mentoringKeys.outcomes(groupId) });
    },
  });
}
