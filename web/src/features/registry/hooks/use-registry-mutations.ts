// The registry's writes through TanStack Query: each invalidates what it changed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { verifyEnterprise } from '../api/registry';
import { registryKeys } from '../api/keys';
import type { Enterprise } from '../types';

/**
 * "Still right": the record shows the server's answer at once; its history gains a line, and the
 * lists and area counts (stale or not) change.
 */
export function useVerifyEnterprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => verifyEnterprise(id),
    onSuccess: (enterprise: Enterprise) => {
      client.setQueryData(registryKeys.enterprise(enterprise.id), enterprise);
      void client.invalidateQueries({ queryKey: registryKeys.history(enterprise.id) });
      void client.invalidateQueries({ queryKey: registryKeys.lists(), refetchType: 'none' });
      void client.invalidateQueries({ queryKey: [...registryKeys.enterprises, 'areas'] });
    },
  });
}

/**
 * A record created or edited (EnterpriseForm): the record shows the server's answer at once (the
 * detail page never shows the old values under "saved"), its history and every list that may
 * show it refetch.
 */
export function useEnterpriseSaved() {
  const client = useQueryClient();
  return (enterprise: Enterprise) => {
    client.setQueryData(registryKeys.enterprise(enterprise.id), enterprise);
    void client.invalidateQueries({ queryKey: registryKeys.history(enterprise.id) });
    void client.invalidateQueries({ queryKey: registryKeys.lists() });
    void client.invalidateQueries({ queryKey: [...registryKeys.enterprises, 'areas'] });
  };
}
