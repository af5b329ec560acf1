// Help requests through TanStack Query, keyed by `helpKeys`: every write answers with the request
// as it now stands, which the cache takes at once; the group's lists are read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  adviseHelpRequest,
  closeHelpRequest,
  getHelpRequest,
  listHelpRequests,
  logHelpAttempt,
  reportHelpRequest,
  sendHelpPhoto,
  shareHelpRequest,
} from '../api/help-requests';
import { helpKeys, mentoringKeys } from '../api/keys';
import {
  filterQuery,
  type HelpAdviceInput,
  type HelpAttemptInput,
  type HelpFilter,
  type HelpRequestDetail,
  type HelpRequestInput,
  type HelpShareInput,
  type HelpTransitionInput,
} from '../types/help';

export const HELP_PAGE = 20;

export function useHelpRequests(groupId: number, filter: HelpFilter, offset: number) {
  return useQuery({
    queryKey: helpKeys.list(groupId, filter, offset),
    queryFn: ({ signal }) => listHelpRequests({ group_id: groupId, ...filterQuery(filter), limit: HELP_PAGE, offset }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHelpRequest(id: number) {
  return useQuery({ queryKey: helpKeys.request(id), queryFn: ({ signal }) => getHelpRequest(id, signal) });
}

interface Submission<Body> {
  body: Body;
  idempotencyKey?: string | undefined;
}

/**
 * A write whose answer is the request: kept as the request's, and the group's lists and learning
 * outcomes (its help times) read again.
 */
function useRequestWrite<Args>(write: (args: Args) => Promise<HelpRequestDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      client.setQueryData(helpKeys.request(saved.id), saved);
      void client.invalidateQueries({ queryKey: helpKeys.lists(saved.group_id) });
      void client.invalidateQueries({ queryKey: mentoringKeys.outcomes(saved.group_id) });
    },
  });
}

export function useReportHelp() {
  return useRequestWrite(({ body, idempotencyKey }: Submission<HelpRequestInput>) => reportHelpRequest(body, idempotencyKey));
}

export function useAdvise(id: number) {
  return useRequestWrite(({ body, idempotencyKey }: Submission<HelpAdviceInput>) => adviseHelpRequest(id, body, idempotencyKey));
}

export function useLogAttempt(id: number) {
  return useRequestWrite(({ body, idempotencyKey }: Submission<HelpAttemptInput>) => logHelpAttempt(id, body, idempotencyKey));
}

export function useCloseHelp(id: number) {
  return useRequestWrite(({ body, idempotencyKey }: Submission<HelpTransitionInput>) => closeHelpRequest(id, body, idempotencyKey));
}

export interface PhotoSubmission {
  id: number;
  photo: Blob;
  onProgress: (sent: number, total: number) => void;
  idempotencyKey?: string | undefined;
}

export function useSendPhoto() {
  return useRequestWrite(({ id, photo, onProgress, idempotencyKey }: PhotoSubmission) =>
    sendHelpPhoto(id, photo, onProgress, idempotencyKey),
  );
}

/**
 * Shares a resolved request as the group's knowledge post: the request is read again (it now
 * names its post), and `onShared` tells whoever keeps the group's posts that there is a new one.
 */
export function useShareHelp(id: number, groupId: number, onShared?: (groupId: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<HelpShareInput>) => shareHelpRequest(id, body, idempotencyKey),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: helpKeys.request(id) });
      void client.invalidateQueries({ queryKey: helpKeys.lists(groupId) });
      onShared?.(groupId);
    },
  });
}
