import { api } from '../../../lib/api-client';
import type { Credentials, SessionResponse } from '../types';

export function createSession(credentials: Credentials): Promise<SessionResponse> {
  return api.post<SessionResponse>('/session', credentials);
}

export function deleteSession(): Promise<void> {
  return api.delete<void>('/session');
}

export function fetchMe(signal?: AbortSignal): Promise<SessionResponse> {
  return api.get<SessionResponse>('/me', signal ? { signal } : {});
}
