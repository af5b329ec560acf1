// Targeting through TanStack Query, keyed by `programmeKeys`: freezing a round refreshes the rounds;
// confirming one refreshes the rounds, the candidates (the enrolled leave them) and the participants.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { programmeKeys } from '../api/keys';
import {
  cancelRound,
  confirmRound,
  createRound,
  getDecision,
  getRound,
  listBeneficiaries,
  listCandidates,
  listMySelections,
  listRounds,
} from '../api/targeting';
import type { Narrowing, RecipientKind, TargetingRoundInput, TargetingRoundView } from '../types/targeting';

export function useCandidates(id: number, narrowing: Narrowing, offset: number) {
  return useQuery({
    queryKey: programmeKeys.candidates(id, narrowing, offset),
    queryFn: ({ signal }) => listCandidates(id, narrowing, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRounds(id: number, offset: number) {
  return useQuery({
    queryKey: programmeKeys.roundPage(id, offset),
    queryFn: ({ signal }) => listRounds(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every page of the rounds list (not the rounds themselves, which the caller has just set). */
const roundPages = (id: number) => ({ queryKey: [...programmeKeys.rounds(id), 'page'] });

export function useRound(id: number, roundId: number) {
  return useQuery({ queryKey: programmeKeys.round(id, roundId), queryFn: ({ signal }) => getRound(id, roundId, signal) });
}

export function useBeneficiaries(id: number, roundId: number, offset: number) {
  return useQuery({
    queryKey: programmeKeys.beneficiaries(id, roundId, offset),
    queryFn: ({ signal }) => listBeneficiaries(id, roundId, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: number, roundId: number, kind: RecipientKind, recipientId: number | null) {
  return useQuery({
    queryKey: programmeKeys.decision(id, roundId, kind, recipientId ?? 0),
    queryFn: ({ signal }) => getDecision(id, roundId, kind, recipientId!, signal),
    enabled: recipientId !== null,
    retry: false,
  });
}

export function useMySelections() {
  return useQuery({ queryKey: programmeKeys.mySelections(), queryFn: ({ signal }) => listMySelections(signal) });
}

export function useFreezeRound(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TargetingRoundInput; idempotencyKey?: string }) => createRound(id, body, idempotencyKey),
    onSuccess: (round) => {
      client.setQueryData(programmeKeys.round(id, round.id), round);
      void client.invalidateQueries(roundPages(id));
    },
  });
}

/** Confirms (naming the count) or cancels a draft round. */
export function useDecideRound(id: number, roundId: number) {
  const client = useQueryClient();
  const decided = (round: TargetingRoundView) => {
    client.setQueryData(programmeKeys.round(id, roundId), round);
    void client.invalidateQueries(roundPages(id));
    if (round.status === 'confirmed') {
      void client.invalidateQueries({ queryKey: [...programmeKeys.programme(id), 'candidates'] });
      void client.invalidateQueries({ queryKey: programmeKeys.enrolments(id) });
    }
  };
  const confirm = useMutation({ mutationFn: (count: number) => confirmRound(id, roundId, count), onSuccess: decided });
  const cancel = useMutation({ mutationFn: () => cancelRound(id, roundId), onSuccess: decided });
  return { confirm, cancel };
}
