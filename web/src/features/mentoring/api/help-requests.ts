import { api, withSignal } from '../../../lib/api-client';
import type {
  HelpAdviceInput,
  HelpAttemptInput,
  HelpRequestDetail,
  HelpRequestInput,
  HelpRequestPage,
  HelpShareInput,
  HelpTransitionInput,
  SharedPost,
} from '../types/help';

export interface HelpListQuery {
  group_id: number;
  status?: string | undefined;
  mine?: boolean | undefined;
  limit: number;
  offset: number;
}

export function listHelpRequests(query: HelpListQuery, signal?: AbortSignal): Promise<HelpRequestPage> {
  return api.get<HelpRequestPage>('/help-requests', { query: { ...query }, ...withSignal(signal) });
}

export function getHelpRequest(id: number, signal?: AbortSignal): Promise<HelpRequestDetail> {
  return api.get<HelpRequestDetail>(`/help-requests/${id}`, withSignal(signal));
}

export function reportHelpRequest(body: HelpRequestInput, idempotencyKey?: string): Promise<HelpRequestDetail> {
  return api.post<HelpRequestDetail>('/help-requests', body, { idempotencyKey });
}

export function adviseHelpRequest(id: number, body: HelpAdviceInput, idempotencyKey?: string): Promise<HelpRequestDetail> {
  return api.post<HelpRequestDetail>(`/help-requests/${id}/advice`, body, { idempotencyKey });
}

export function logHelpAttempt(id: number, body: HelpAttemptInput, idempotencyKey?: string): Promise<HelpRequestDetail> {
  return api.post<HelpRequestDetail>(`/help-requests/${id}/attempts`, body, { idempotencyKey });
}

export function closeHelpRequest(id: number, body: HelpTransitionInput, idempotencyKey?: string): Promise<HelpRequestDetail> {
  return api.post<HelpRequestDetail>(`/help-requests/${id}/transitions`, body, { idempotencyKey });
}

export function shareHelpRequest(id: number, body: HelpShareInput, idempotencyKey?: string): Promise<SharedPost> {
  return api.post<SharedPost>(`/help-requests/${id}/share`, body, { idempotencyKey });
}

/**
 * The photo's bytes as the body, as the phone's camera gave them (the server tells what they are
 * from the bytes), with the upload's progress.
 */
export function sendHelpPhoto(
  id: number,
  photo: Blob,
  onProgress: (sent: number, total: number) => void,
  idempotencyKey?: string,
): Promise<HelpRequestDetail> {
  return api.upload<HelpRequestDetail>(`/help-requests/${id}/photo`, photo, {
    contentType: photo.type || 'application/octet-stream',
    onProgress,
    idempotencyKey,
  });
}
