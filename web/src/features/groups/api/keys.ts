// The groups feature's query keys. Everything one group owns sits under `groupKeys.group(id)`,
// so a write can invalidate exactly the part of the cache it changed (the treasury, the members …).
import type { QueryValue } from '../../../lib/api-client';

type Query = Record<string, QueryValue>;

export const groupKeys = {
  all: ['groups'] as const,
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (query: Query) => [...groupKeys.lists(), query] as const,
  regionCompliance: (query: Query) => [...groupKeys.all, 'region-compliance', query] as const,

  group: (groupId: number) => [...groupKeys.all, 'group', groupId] as const,
  view: (groupId: number) => [...groupKeys.group(groupId), 'view'] as const,

  members: (groupId: number) => [...groupKeys.group(groupId), 'members'] as const,
  /** One member's own records (the "mine" view); read afresh each time the view opens. */
  mine: (groupId: number, memberId: number, limit: number) => [...groupKeys.group(groupId), 'mine', memberId, { limit }] as const,
  memberList: (groupId: number, includeLeft: boolean) => [...groupKeys.members(groupId), { includeLeft }] as const,

  meetings: (groupId: number) => [...groupKeys.group(groupId), 'meetings'] as const,
  meetingPages: (groupId: number) => [...groupKeys.meetings(groupId), 'page'] as const,
  meetingPage: (groupId: number, limit: number, offset: number) => [...groupKeys.meetingPages(groupId), { limit, offset }] as const,
  meeting: (groupId: number, meetingId: number) => [...groupKeys.meetings(groupId), 'one', meetingId] as const,

  deliberations: (groupId: number) => [...groupKeys.group(groupId), 'deliberations'] as const,
  deliberationPages: (groupId: number) => [...groupKeys.deliberations(groupId), 'page'] as const,
  deliberationPage: (groupId: number, limit: number, offset: number) => [...groupKeys.deliberationPages(groupId), { limit, offset }] as const,
  deliberation: (groupId: number, deliberationId: number) => [...groupKeys.deliberations(groupId), 'one', deliberationId] as const,
  norms: (groupId: number) => [...groupKeys.group(groupId), 'norms'] as const,

  compliance: (groupId: number, range: { from: string | null; to: string | null; sop: number }) =>
    [...groupKeys.group(groupId), 'compliance', range] as const,

  treasury: (groupId: number) => [...groupKeys.group(groupId), 'treasury'] as const,
  statement: (groupId: number) => [...groupKeys.treasury(groupId), 'statement'] as const,
  balances: (groupId: number) => [...groupKeys.treasury(groupId), 'balances'] as const,
  ledger: (groupId: number, limit: number, offset: number) => [...groupKeys.treasury(groupId), 'ledger', { limit, offset }] as const,
  fees: (groupId: number) => [...groupKeys.treasury(groupId), 'fees'] as const,
  /** What a meeting's fee sheet recorded: under the treasury, so any treasury write reloads it. */
  meetingFees: (groupId: number, meetingId: number) => [...groupKeys.treasury(groupId), 'meeting-fees', meetingId] as const,
  feeRules: (groupId: number) => [...groupKeys.treasury(groupId), 'fee-rules'] as const,
  assets: (groupId: number) => [...groupKeys.treasury(groupId), 'assets'] as const,

  areas: (groupId: number) => [...groupKeys.group(groupId), 'areas'] as const,
  areaList: (groupId: number, includeEnded: boolean) => [...groupKeys.areas(groupId), { includeEnded }] as const,

  orders: (groupId: number) => [...groupKeys.group(groupId), 'orders'] as const,
  orderPages: (groupId: number) => [...groupKeys.orders(groupId), 'page'] as const,
  orderPage: (groupId: number, limit: number, offset: number) => [...groupKeys.orderPages(groupId), { limit, offset }] as const,
  order: (groupId: number, orderId: number) => [...groupKeys.orders(groupId), 'one', orderId] as const,

  posts: (groupId: number) => [...groupKeys.group(groupId), 'posts'] as const,
  postPage: (groupId: number, limit: number, offset: number) => [...groupKeys.posts(groupId), 'page', { limit, offset }] as const,

  materials: (groupId: number) => [...groupKeys.group(groupId), 'materials'] as const,
  board: (groupId: number) => [...groupKeys.materials(groupId), 'board'] as const,
  purchases: (groupId: number, limit: number, offset: number) => [...groupKeys.materials(groupId), 'purchases', { limit, offset }] as const,
};
