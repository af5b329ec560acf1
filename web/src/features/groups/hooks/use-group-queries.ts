// The groups feature's reads through TanStack Query: one hook per thing a section shows, each
// keyed by `groupKeys` so that the writes in use-group-mutations.ts can invalidate them. A new
// key aborts the request of the old one (the signal goes to the API client), and a list keeps
// the previous page on screen while the next one loads.
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { getMaterials, listAreas, listOrders, listPosts, listPurchases, getOrder } from '../api/cooperation';
import {
  getCompliance,
  getDeliberation,
  getGroup,
  getMeeting,
  listAllMembers,
  listDeliberations,
  listGroups,
  listMeetings,
  listNorms,
  listRegionCompliance,
} from '../api/groups';
import { groupKeys } from '../api/keys';
import { getMemberSummary } from '../api/mine';
import { getBalances, getFees, getStatement, listAssets, listFeeRules, listLedger, listMeetingFees } from '../api/treasury';
import { listQuery, type GroupFilters } from '../types/filters';
import { regionComplianceQuery, type RegionComplianceFilters } from '../types/region-compliance';

/** A list that changes as she pages or filters it: the last answer stays on screen while the next loads. */
function usePage<T>(queryKey: QueryKey, read: (signal: AbortSignal) => Promise<T>) {
  return useQuery({ queryKey, queryFn: ({ signal }) => read(signal), placeholderData: keepPreviousData });
}

export function useGroupList(filters: GroupFilters) {
  return usePage(groupKeys.list(listQuery(filters)), (signal) => listGroups(filters, signal));
}

export function useRegionCompliance(filters: RegionComplianceFilters, thisMonth: string) {
  return usePage(
    groupKeys.regionCompliance(regionComplianceQuery(filters, thisMonth)),
    (signal) => listRegionCompliance(filters, thisMonth, signal),
  );
}

/** The group itself (null: nothing to load, e.g. a bad id in the address). */
export function useGroup(groupId: number | null) {
  return useQuery({
    queryKey: groupKeys.view(groupId ?? 0),
    queryFn: ({ signal }) => getGroup(groupId!, signal),
    enabled: groupId !== null,
  });
}

/**
 * Every member of a group (those who left too, when asked), loaded page after page; nothing loads
 * while not `enabled`.
 */
export function useMembers(groupId: number, includeLeft: boolean, enabled = true) {
  return useQuery({
    queryKey: groupKeys.memberList(groupId, includeLeft),
    queryFn: ({ signal }) => listAllMembers(groupId, includeLeft, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMeetings(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.meetingPage(groupId, limit, offset), (signal) => listMeetings(groupId, limit, offset, signal));
}

export function useMeeting(groupId: number, meetingId: number) {
  return useQuery({
    queryKey: groupKeys.meeting(groupId, meetingId),
    queryFn: ({ signal }) => getMeeting(groupId, meetingId, signal),
  });
}

export function useDeliberations(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.deliberationPage(groupId, limit, offset), (signal) => listDeliberations(groupId, limit, offset, signal));
}

export function useDeliberation(groupId: number, deliberationId: number) {
  return useQuery({
    queryKey: groupKeys.deliberation(groupId, deliberationId),
    queryFn: ({ signal }) => getDeliberation(groupId, deliberationId, signal),
  });
}

export function useNorms(groupId: number) {
  return useQuery({ queryKey: groupKeys.norms(groupId), queryFn: ({ signal }) => listNorms(groupId, signal) });
}

/** Meetings against the SOP, from month to month (both null: the twelve months to this one). */
export function useCompliance(groupId: number, sopMeetingsPerMonth: number, range: { from: string | null; to: string | null }) {
  return usePage(groupKeys.compliance(groupId, { ...range, sop: sopMeetingsPerMonth }), (signal) => getCompliance(groupId, range, signal));
}

// ---- treasury ----

export function useStatement(groupId: number) {
  return useQuery({ queryKey: groupKeys.statement(groupId), queryFn: ({ signal }) => getStatement(groupId, signal) });
}

export function useBalances(groupId: number) {
  return useQuery({ queryKey: groupKeys.balances(groupId), queryFn: ({ signal }) => getBalances(groupId, signal) });
}

export function useLedger(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.ledger(groupId, limit, offset), (signal) => listLedger(groupId, limit, offset, signal));
}

export function useFees(groupId: number) {
  return useQuery({ queryKey: groupKeys.fees(groupId), queryFn: ({ signal }) => getFees(groupId, signal) });
}

export function useFeeRules(groupId: number, enabled = true) {
  return useQuery({ queryKey: groupKeys.feeRules(groupId), queryFn: ({ signal }) => listFeeRules(groupId, signal), enabled });
}

/** The fees a meeting's sheet recorded (nothing loads while not `enabled`). */
export function useMeetingFees(groupId: number, meetingId: number, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.meetingFees(groupId, meetingId),
    queryFn: ({ signal }) => listMeetingFees(groupId, meetingId, signal),
    enabled,
  });
}

export function useAssets(groupId: number) {
  return useQuery({ queryKey: groupKeys.assets(groupId), queryFn: ({ signal }) => listAssets(groupId, signal) });
}

// ---- cooperation ----

export function useAreas(groupId: number, includeEnded: boolean) {
  return usePage(groupKeys.areaList(groupId, includeEnded), (signal) => listAreas(groupId, includeEnded, signal));
}

export function useOrders(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.orderPage(groupId, limit, offset), (signal) => listOrders(groupId, limit, offset, signal));
}

export function useOrder(groupId: number, orderId: number) {
  return useQuery({ queryKey: groupKeys.order(groupId, orderId), queryFn: ({ signal }) => getOrder(groupId, orderId, signal) });
}

export function usePosts(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.postPage(groupId, limit, offset), (signal) => listPosts(groupId, limit, offset, signal));
}

export function useMaterialsBoard(groupId: number) {
  return useQuery({ queryKey: groupKeys.board(groupId), queryFn: ({ signal }) => getMaterials(groupId, signal) });
}

export function usePurchases(groupId: number, limit: number, offset: number) {
  return usePage(groupKeys.purchases(groupId, limit, offset), (signal) => listPurchases(groupId, limit, offset, signal));
}

/** One member's fees, order shares, votes and posts (the "mine" view), in one request. */
export function useMemberSummary(groupId: number, memberId: number, limit: number) {
  return useQuery({
    queryKey: groupKeys.mine(groupId, memberId, limit),
    queryFn: ({ signal }) => getMemberSummary(groupId, memberId, limit, signal),
  });
}
