// The programmes feature's targeting calls (docs/openapi.yaml, tag programmes): the ranked
// candidates, rounds that freeze them (confirmed or cancelled by an officer), a round's frozen
// beneficiaries, the decision about one enterprise or group, and a member's own selections.
import { api, withSignal } from '../../../lib/api-client';
import type {
  MySelections,
  Narrowing,
  RecipientKind,
  RoundBeneficiaryPage,
  TargetingCandidatePage,
  TargetingDecision,
  TargetingRoundInput,
  TargetingRoundPage,
  TargetingRoundView,
} from '../types/targeting';

/** Candidates and beneficiaries a page at a time. */
export const TARGETING_PAGE_SIZE = 20;

/** Rounds a page at a time, newest first. */
export const ROUNDS_PAGE_SIZE = 10;

export const listCandidates = (id: number, narrowing: Narrowing, offset: number, signal?: AbortSignal) =>
  api.get<TargetingCandidatePage>(`/programmes/${id}/candidates`, {
    query: {
      kind: narrowing.kind,
      ...(narrowing.region ? { region: narrowing.region } : {}),
      ...(narrowing.sector ? { sector: narrowing.sector } : {}),
      limit: TARGETING_PAGE_SIZE,
      offset,
    },
    ...withSignal(signal),
  });

export const listRounds = (id: number, offset: number, signal?: AbortSignal) =>
  api.get<TargetingRoundPage>(`/programmes/${id}/rounds`, { query: { limit: ROUNDS_PAGE_SIZE, offset }, ...withSignal(signal) });

export const getRound = (id: number, roundId: number, signal?: AbortSignal) =>
  api.get<TargetingRoundView>(`/programmes/${id}/rounds/${roundId}`, withSignal(signal));

export const createRound = (id: number, body: TargetingRoundInput, idempotencyKey?: string) =>
  api.post<TargetingRoundView>(`/programmes/${id}/rounds`, body, { idempotencyKey });

export const listBeneficiaries = (id: number, roundId: number, offset: number, signal?: AbortSignal) =>
  api.get<RoundBeneficiaryPage>(`/programmes/${id}/rounds/${roundId}/beneficiaries`, {
    query: { limit: TARGETING_PAGE_SIZE, offset },
    ...withSignal(signal),
  });

export const confirmRound = (id: number, roundId: number, count: number) =>
  api.post<TargetingRoundView>(`/programmes/${id}/rounds/${roundId}/confirm`, { count });

export const cancelRound = (id: number, roundId: number) =>
  api.post<TargetingRoundView>(`/programmes/${id}/rounds/${roundId}/cancel`);

export const getDecision = (id: number, roundId: number, kind: RecipientKind, recipientId: number, signal?: AbortSignal) =>
  api.get<TargetingDecision>(`/programmes/${id}/rounds/${roundId}/decision`, {
    query: { [`${kind}_id`]: recipientId },
    ...withSignal(signal),
  });

export const listMySelections = (signal?: AbortSignal) => api.get<MySelections>('/me/selections', withSignal(signal));
