import { api } from '../../../lib/api-client';
import type { ChangePasswordRequest } from '../types';

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return api.put<void>('/me/password', request);
}
