// A group setting an agreed proposal changes (issue 13): the monthly fee, the SOP's meetings a
// month, a member's market area. Here: the topic each belongs to, and the change in words
// ("Iuran Rp 15.000 per bulan mulai Januari 2027") as an i18n key with its values.
import { formatDay, formatMonth } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import type { TranslationKey } from './forms';
import type { GroupSetting, SettingChange, Topic } from './index';

/** A proposal that changes a setting is about its topic: the server refuses any other. */
export const TOPIC_OF_SETTING: Readonly<Record<GroupSetting, Topic>> = {
  monthly_fee: 'fee_rule',
  sop_meetings: 'rule',
  market_area: 'market_areas',
};

export interface ChangeText {
  key: TranslationKey;
  values: Record<string, string | number>;
}

/**
 * A change as a sentence's key and values. A fee or an SOP applies from a month ("Januari 2027"),
 * a market area from a day; `memberName` names the member who claims the area (null while the
 * members are loading: then she is "anggota #5").
 */
export function changeText(change: SettingChange, language: string | undefined, memberName: (id: number) => string | null): ChangeText {
  const month = formatMonth(change.effective_on.slice(0, 7), language, 'long');
  switch (change.setting) {
    case 'monthly_fee':
      return { key: 'groups.changes.monthlyFee', values: { amount: formatRupiah(change.amount ?? 0), month } };
    case 'sop_meetings':
      return { key: 'groups.changes.sopMeetings', values: { count: change.meetings ?? 0, month } };
    case 'market_area': {
      const id = change.member_id ?? 0;
      const member = memberName(id);
      const values = { area: change.area ?? '', date: formatDay(change.effective_on, language, 'long') };
      return member === null
        ? { key: 'groups.changes.marketAreaOfNumber', values: { ...values, id } }
        : { key: 'groups.changes.marketArea', values: { ...values, member } };
    }
  }
}
