// The groups feature's writes through TanStack Query. Each one invalidates what it changed (a
// ledger entry: the whole treasury; a member: the members and the group's count), or puts the
// record the server answered with straight into the cache when a page shows that very record.
// Forms send them through useSubmission, which supplies the Idempotency-Key of the submission.
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { claimArea, closeMaterial, createOrder, createPost, endArea, markUseful, postMaterial, recordPurchase } from '../api/cooperation';
import { cancelOrder, updateShare } from '../api/cooperation';
import {
  addMember,
  castVote,
  createDeliberation,
  createGroup,
  createMeeting,
  decide,
  recordAttendance,
  recordVotes,
  updateGroup,
  updateMeeting,
  withdrawVote,
} from '../api/groups';
import { groupKeys } from '../api/keys';
import { addAsset, addFeeRule, postEntry, recordFees, reverseEntry } from '../api/treasury';
import type {
  AttendanceInput,
  DecisionInput,
  DeliberationInput,
  DeliberationView,
  GroupInput,
  MeetingInput,
  MeetingView,
  MemberInput,
  VoteInput,
  VoteSheetInput,
} from '../types';
import type { AreaInput, JointOrder, KnowledgePost, MaterialInput, OrderInput, PostInput, PostPage, PurchaseInput, ShareInput } from '../types/cooperation';
import type { FeeSheetInput } from '../types/fee-sheet';
import type { AssetInput, EntryInput, FeeRuleInput, ReversalInput } from '../types/treasury';

/** A form's submission: the body, and the Idempotency-Key its retries share. */
export interface Submission<Body> {
  body: Body;
  idempotencyKey?: string | undefined;
}

function invalidate(client: QueryClient, ...keys: QueryKey[]) {
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}

/** A write after which what it changed loads again: the queries under `keys`. */
function useWrite<Vars, Result>(write: (vars: Vars) => Promise<Result>, ...keys: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => invalidate(client, ...keys) });
}

/** A write that answers with the record: its page shows the answer at once, and `keys` load again. */
function useRecordWrite<Vars, Result>(write: (vars: Vars) => Promise<Result>, recordKey: QueryKey, ...keys: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (record: Result) => {
      client.setQueryData(recordKey, record);
      invalidate(client, ...keys);
    },
  });
}

// ---- the group and its members ----

export function useCreateGroup() {
  return useWrite(({ body, idempotencyKey }: Submission<GroupInput>) => createGroup(body, idempotencyKey), groupKeys.lists());
}

export function useUpdateGroup(groupId: number) {
  return useRecordWrite((body: GroupInput) => updateGroup(groupId, body), groupKeys.view(groupId), groupKeys.lists());
}

/** A new member: the members list and the group's count of active members change. */
export function useAddMember(groupId: number) {
  return useWrite(
    ({ body, idempotencyKey }: Submission<MemberInput>) => addMember(groupId, body, idempotencyKey),
    groupKeys.members(groupId),
    groupKeys.view(groupId),
  );
}

// ---- meetings ----

/** What a meeting's date, status or attendance changes: the group's compliance and its region's. */
function complianceKeys(groupId: number): QueryKey[] {
  return [[...groupKeys.group(groupId), 'compliance'], [...groupKeys.all, 'region-compliance']];
}

export function useCreateMeeting(groupId: number) {
  // A held meeting counts towards the group's SOP compliance and its region's.
  return useWrite(
    ({ body, idempotencyKey }: Submission<MeetingInput>) => createMeeting(groupId, body, idempotencyKey),
    groupKeys.meetingPages(groupId),
    ...complianceKeys(groupId),
  );
}

/** A meeting changed (held, its attendance): the page shows the answer; lists and compliance reload. */
function useMeetingWrite<Vars>(groupId: number, meetingId: number, write: (vars: Vars) => Promise<MeetingView>) {
  return useRecordWrite(write, groupKeys.meeting(groupId, meetingId), groupKeys.meetingPages(groupId), ...complianceKeys(groupId));
}

export function useUpdateMeeting(groupId: number, meetingId: number) {
  return useMeetingWrite(groupId, meetingId, (body: MeetingInput) => updateMeeting(groupId, meetingId, body));
}

export function useRecordAttendance(groupId: number, meetingId: number) {
  return useMeetingWrite(groupId, meetingId, (body: AttendanceInput) => recordAttendance(groupId, meetingId, body));
}

// ---- deliberations ----

export function useCreateDeliberation(groupId: number) {
  return useWrite(
    ({ body, idempotencyKey }: Submission<DeliberationInput>) => createDeliberation(groupId, body, idempotencyKey),
    groupKeys.deliberationPages(groupId),
  );
}

/**
 * A vote or a decision: the proposal shows the answer; the list and the group's norms reload.
 * A refusal reloads the proposal, since it may have changed meanwhile (another recorder's votes,
 * a decision): the page then shows the count the server holds.
 */
function useDeliberationWrite<Body>(
  groupId: number,
  deliberationId: number,
  write: (body: Body, idempotencyKey?: string) => Promise<DeliberationView>,
  alsoChanges: QueryKey[] = [],
) {
  const client = useQueryClient();
  const recordKey = groupKeys.deliberation(groupId, deliberationId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<Body>) => write(body, idempotencyKey),
    onSuccess: (record: DeliberationView) => {
      client.setQueryData(recordKey, record);
      invalidate(client, groupKeys.deliberationPages(groupId), groupKeys.norms(groupId), ...alsoChanges);
    },
    onError: () => invalidate(client, recordKey),
  });
}

export function useCastVote(groupId: number, deliberationId: number) {
  return useDeliberationWrite(groupId, deliberationId, (body: VoteInput, key) => castVote(groupId, deliberationId, body, key));
}

/** A member takes her own vote back while the proposal is open (a wrong tap), to cast it again. */
export function useWithdrawVote(groupId: number, deliberationId: number) {
  return useDeliberationWrite(groupId, deliberationId, (memberId: number) => withdrawVote(groupId, deliberationId, memberId));
}

/** A meeting's sheet of votes, saved with one request. */
export function useRecordVotes(groupId: number, deliberationId: number) {
  return useDeliberationWrite(groupId, deliberationId, (body: VoteSheetInput, key) => recordVotes(groupId, deliberationId, body, key));
}

export function useDecide(groupId: number, deliberationId: number) {
  // An agreed proposal may change who holds an office, and its change a setting: the monthly fee
  // (the treasury), the SOP (the group and its compliance) or a market area; all of it reloads.
  return useDeliberationWrite(groupId, deliberationId, (body: DecisionInput, key) => decide(groupId, deliberationId, body, key), [
    groupKeys.members(groupId),
    groupKeys.view(groupId),
    groupKeys.treasury(groupId),
    groupKeys.areas(groupId),
    ...complianceKeys(groupId),
  ]);
}

// ---- treasury: any write changes the statement, the balances, the ledger, fees and assets ----

function useTreasuryWrite<Vars, Result>(groupId: number, write: (vars: Vars) => Promise<Result>) {
  return useWrite(write, groupKeys.treasury(groupId));
}

export function usePostEntry(groupId: number) {
  return useTreasuryWrite(groupId, ({ body, idempotencyKey }: Submission<EntryInput>) => postEntry(groupId, body, idempotencyKey));
}

export function useReverseEntry(groupId: number) {
  return useTreasuryWrite(groupId, ({ entryId, body, idempotencyKey }: Submission<ReversalInput> & { entryId: number }) =>
    reverseEntry(groupId, entryId, body, idempotencyKey),
  );
}

/** A meeting's fee sheet: the fees, arrears, ledger and what the meeting holds all load again. */
export function useRecordFees(groupId: number) {
  return useTreasuryWrite(groupId, ({ body, idempotencyKey }: Submission<FeeSheetInput>) => recordFees(groupId, body, idempotencyKey));
}

export function useAddFeeRule(groupId: number) {
  return useTreasuryWrite(groupId, ({ body, idempotencyKey }: Submission<FeeRuleInput>) => addFeeRule(groupId, body, idempotencyKey));
}

export function useAddAsset(groupId: number) {
  return useTreasuryWrite(groupId, ({ body, idempotencyKey }: Submission<AssetInput>) => addAsset(groupId, body, idempotencyKey));
}

// ---- market areas, joint orders, knowledge posts, raw material ----

export function useClaimArea(groupId: number) {
  return useWrite(({ body, idempotencyKey }: Submission<AreaInput>) => claimArea(groupId, body, idempotencyKey), groupKeys.areas(groupId));
}

export function useEndArea(groupId: number) {
  return useWrite((areaId: number) => endArea(groupId, areaId), groupKeys.areas(groupId));
}

export function useCreateOrder(groupId: number) {
  return useWrite(
    ({ body, idempotencyKey }: Submission<OrderInput>) => createOrder(groupId, body, idempotencyKey),
    groupKeys.orderPages(groupId),
  );
}

/** A share filled or the order cancelled: the page shows the answer, the list reloads. */
function useOrderWrite<Vars>(groupId: number, orderId: number, write: (vars: Vars) => Promise<JointOrder>) {
  return useRecordWrite(write, groupKeys.order(groupId, orderId), groupKeys.orderPages(groupId));
}

export function useUpdateShare(groupId: number, orderId: number) {
  return useOrderWrite(groupId, orderId, ({ memberId, body }: { memberId: number; body: ShareInput }) =>
    updateShare(groupId, orderId, memberId, body),
  );
}

export function useCancelOrder(groupId: number, orderId: number) {
  return useOrderWrite(groupId, orderId, () => cancelOrder(groupId, orderId));
}

export function useCreatePost(groupId: number) {
  return useWrite(({ body, idempotencyKey }: Submission<PostInput>) => createPost(groupId, body, idempotencyKey), groupKeys.posts(groupId));
}

/** "Useful": the post's count changes in place on every page that shows it; nothing reloads. */
export function useMarkUseful(groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: number) => markUseful(groupId, postId),
    onSuccess: (post: KnowledgePost) => {
      client.setQueriesData<PostPage>({ queryKey: groupKeys.posts(groupId) }, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === post.id ? post : item)) } : page,
      );
    },
  });
}

export function usePostMaterial(groupId: number) {
  return useWrite(
    ({ body, idempotencyKey }: Submission<MaterialInput>) => postMaterial(groupId, body, idempotencyKey),
    groupKeys.board(groupId),
  );
}

export function useCloseMaterial(groupId: number) {
  return useWrite((postId: number) => closeMaterial(groupId, postId), groupKeys.board(groupId));
}

export function useRecordPurchase(groupId: number) {
  return useWrite(
    ({ body, idempotencyKey }: Submission<PurchaseInput>) => recordPurchase(groupId, body, idempotencyKey),
    [...groupKeys.materials(groupId), 'purchases'],
  );
}
