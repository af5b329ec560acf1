// The workspace's forms: what was typed, the checks the server also makes (so mistakes show
// before sending, on a phone with a weak signal) and the request body each becomes.
import type { ParseKeys } from 'i18next';
import { levelOfCode } from '../../../lib/places';
import { readAmount } from './treasury';
import { TOPIC_OF_SETTING } from './changes';
import {
  isSectorCode,
  type DecisionInput,
  type DecisionMethod,
  type DecisionRule,
  type DeliberationInput,
  type GroupSetting,
  type SettingChange,
  type GroupInput,
  type GroupKind,
  type MeetingInput,
  type MeetingKind,
  type MemberInput,
  type MemberRole,
  type Origin,
  type Outcome,
  type Topic,
} from './index';

export type TranslationKey = ParseKeys<'translation'>;

/** A message to show, as an i18n key with its values, so the rules stay testable without i18n. */
export interface Problem {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

export type Problems<Field extends string> = Partial<Record<Field, Problem[]>>;

export interface Validated<Field extends string, Body> {
  errors: Problems<Field>;
  /** The request body when there are no errors. */
  input: Body | null;
}

/** A text's length as the server counts it: in characters (code points), "é" one. */
export const codePoints = (value: string) => [...value].length;

/** "2026-11-23" naming a real day. */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/**
 * A form's problems, gathered field by field: `add` one, or read with `text` a box that must be
 * filled and may hold at most `max` characters (it gives back what was typed, trimmed).
 */
export function collector<Field extends string>() {
  const errors: Problems<Field> = {};
  const add = (field: Field, problem: Problem) => {
    (errors[field] ??= []).push(problem);
  };
  const text = (field: Field, typed: string, max: number, required: TranslationKey) => {
    const value = typed.trim();
    if (value === '') add(field, { key: required });
    else if (codePoints(value) > max) add(field, { key: 'groups.form.errors.tooLong', values: { max } });
    return value;
  };
  return { errors, add, text };
}

export type Collector<Field extends string> = ReturnType<typeof collector<Field>>;

// ---- a new group ----------------------------------------------------------------------------

export interface GroupDraft {
  name: string;
  kind: '' | GroupKind;
  sector: string;
  business_centre: string;
  village_code: string | null;
  origin: Origin;
  legality: string;
  legality_date: string;
  founded_on: string;
  sop_meetings_per_month: string;
}

export const GROUP_FIELDS = [
  'name',
  'kind',
  'sector',
  'business_centre',
  'village_code',
  'origin',
  'legality',
  'legality_date',
  'founded_on',
  'sop_meetings_per_month',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The server's limits on text, in characters. */
export const MAX_GROUP_NAME = 120;
export const MAX_BUSINESS_CENTRE = 120;
export const MAX_LEGALITY = 200;
export const MAX_SOP = 31;

export function emptyGroupDraft(): GroupDraft {
  return {
    name: '',
    kind: '',
    sector: '',
    business_centre: '',
    village_code: null,
    origin: 'self_initiated',
    legality: '',
    legality_date: '',
    founded_on: '',
    sop_meetings_per_month: '1',
  };
}

/** Checks a new group as the server would; optional fields left empty are not sent. */
export function validateGroup(draft: GroupDraft, today: string): Validated<GroupField, GroupInput> {
  const { errors, add } = collector<GroupField>();
  const input: GroupInput = {};
  const name = draft.name.trim();
  if (name === '') add('name', { key: 'groups.form.errors.nameRequired' });
  else if (codePoints(name) > MAX_GROUP_NAME) add('name', { key: 'groups.form.errors.tooLong', values: { max: MAX_GROUP_NAME } });
  else input.name = name;
  if (draft.kind === '') add('kind', { key: 'groups.form.errors.kindRequired' });
  else input.kind = draft.kind;
  if (!isSectorCode(draft.sector)) add('sector', { key: 'groups.form.errors.sectorRequired' });
  else input.sector = draft.sector;
  const centre = draft.business_centre.trim();
  if (centre && codePoints(centre) > MAX_BUSINESS_CENTRE) {
    add('business_centre', { key: 'groups.form.errors.tooLong', values: { max: MAX_BUSINESS_CENTRE } });
  } else if (centre) input.business_centre = centre;
  if (!draft.village_code) add('village_code', { key: 'groups.form.errors.villageRequired' });
  else if (levelOfCode(draft.village_code) !== 'village') add('village_code', { key: 'groups.form.errors.villageLevel' });
  else input.village_code = draft.village_code;
  input.origin = draft.origin;
  const legality = draft.legality.trim();
  if (legality && codePoints(legality) > MAX_LEGALITY) {
    add('legality', { key: 'groups.form.errors.tooLong', values: { max: MAX_LEGALITY } });
  } else if (legality) input.legality = legality;
  const pastDay = (field: 'legality_date' | 'founded_on', value: string) => {
    if (value === '') return;
    if (!isIsoDay(value)) add(field, { key: 'groups.form.errors.date' });
    else if (value > today) add(field, { key: 'groups.form.errors.dateInFuture' });
    else input[field] = value;
  };
  pastDay('legality_date', draft.legality_date);
  pastDay('founded_on', draft.founded_on);
  const sop = draft.sop_meetings_per_month.trim();
  const perMonth = /^\d+$/.test(sop) ? Number(sop) : NaN;
  if (!(perMonth >= 1 && perMonth <= MAX_SOP)) {
    add('sop_meetings_per_month', { key: 'groups.form.errors.sop', values: { max: MAX_SOP } });
  } else input.sop_meetings_per_month = perMonth;
  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}

// ---- a new member -----------------------------------------------------------------------------

export interface MemberDraft {
  /** A person already in the registry (officers find her by name), or a new one typed here. */
  mode: 'new' | 'existing';
  person: { id: number; name: string } | null;
  name: string;
  gender: '' | 'female' | 'male';
  phone: string;
  role: MemberRole;
  mentor: boolean;
  local_hero: boolean;
  joined_on: string;
}

export const MEMBER_FIELDS = ['person_id', 'person_name', 'person_gender', 'person_phone', 'role', 'joined_on'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** The fields the member form shows for a mode: the registry search, or the new person's boxes. */
export function memberFieldsShown(mode: MemberDraft['mode']): MemberField[] {
  const personBoxes = (field: MemberField) => field !== 'person_id' && field.startsWith('person_');
  return MEMBER_FIELDS.filter((field) => (mode === 'existing' ? !personBoxes(field) : field !== 'person_id'));
}

export const MAX_PERSON_NAME = 120;

export function emptyMemberDraft(today: string): MemberDraft {
  return {
    mode: 'new',
    person: null,
    name: '',
    gender: '',
    phone: '',
    role: 'member',
    mentor: false,
    local_hero: false,
    joined_on: today,
  };
}

/** POST /groups/{id}/members: a person by id, or a new person with her name (and gender, phone). */
export function validateMember(draft: MemberDraft, today: string): Validated<MemberField, MemberInput> {
  const { errors, add } = collector<MemberField>();
  const input: MemberInput = { role: draft.role, mentor: draft.mentor, local_hero: draft.local_hero };
  if (draft.mode === 'existing') {
    if (draft.person) input.person_id = draft.person.id;
    else add('person_id', { key: 'groups.members.errors.personRequired' });
  } else {
    const name = draft.name.trim();
    if (name === '') add('person_name', { key: 'groups.members.errors.nameRequired' });
    else if (codePoints(name) > MAX_PERSON_NAME) {
      add('person_name', { key: 'groups.form.errors.tooLong', values: { max: MAX_PERSON_NAME } });
    } else {
      input.person = { name };
      if (draft.gender) input.person.gender = draft.gender;
      const phone = draft.phone.trim();
      if (phone) input.person.phone = phone;
    }
  }
  if (draft.joined_on !== '') {
    if (!isIsoDay(draft.joined_on)) add('joined_on', { key: 'groups.form.errors.date' });
    else if (draft.joined_on > today) add('joined_on', { key: 'groups.form.errors.dateInFuture' });
    else input.joined_on = draft.joined_on;
  }
  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}

// ---- a new meeting ----------------------------------------------------------------------------

export interface MeetingDraft {
  held_on: string;
  kind: MeetingKind;
  venue: string;
  agenda: string;
}

export const MEETING_FIELDS = ['held_on', 'kind', 'status', 'venue', 'agenda'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export const MAX_VENUE = 200;
export const MAX_AGENDA = 2000;

export function emptyMeetingDraft(today: string): MeetingDraft {
  return { held_on: today, kind: 'formal', venue: '', agenda: '' };
}

/** A meeting on a day to come is recorded as planned, one today or before as held (the server decides). */
export function validateMeeting(draft: MeetingDraft): Validated<MeetingField, MeetingInput> {
  const { errors, add } = collector<MeetingField>();
  const input: MeetingInput = { kind: draft.kind };
  if (draft.held_on === '') add('held_on', { key: 'groups.meetings.errors.dateRequired' });
  else if (!isIsoDay(draft.held_on)) add('held_on', { key: 'groups.form.errors.date' });
  else input.held_on = draft.held_on;
  const venue = draft.venue.trim();
  if (codePoints(venue) > MAX_VENUE) add('venue', { key: 'groups.form.errors.tooLong', values: { max: MAX_VENUE } });
  else if (venue) input.venue = venue;
  const agenda = draft.agenda.trim();
  if (codePoints(agenda) > MAX_AGENDA) add('agenda', { key: 'groups.form.errors.tooLong', values: { max: MAX_AGENDA } });
  else if (agenda) input.agenda = agenda;
  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}

// ---- a new proposal (musyawarah) ----------------------------------------------------------------

export interface DeliberationDraft {
  title: string;
  description: string;
  /** Asked only when the proposal changes no setting: then the setting gives it. */
  topic: '' | Topic;
  rule: DecisionRule;
  /** Votes needed before deciding, as typed; empty for the default (more than half). */
  quorum: string;
  /** One text box per option; empty boxes are left out. Not asked when a setting changes. */
  options: string[];
  /** "Usulan ini mengubah pengaturan kelompok". */
  changes: boolean;
  change_setting: '' | GroupSetting;
  /** The new monthly fee, as typed ("15.000"). */
  change_amount: string;
  /** The SOP's meetings a month, as typed. */
  change_meetings: string;
  /** The member who claims the market area, as the select holds her id. */
  change_member_id: string;
  change_area: string;
  /** A month "2027-01" for a fee or the SOP (sent as its first day); a day for a market area. */
  change_effective_on: string;
}

export const DELIBERATION_FIELDS = [
  'title',
  'description',
  'topic',
  'rule',
  'method',
  'quorum',
  'options',
  'change',
  'change_setting',
  'change_amount',
  'change_meetings',
  'change_member_id',
  'change_area',
  'change_effective_on',
] as const;
export type DeliberationField = (typeof DELIBERATION_FIELDS)[number] | `options[${number}]`;

/**
 * The fields the form shows for a draft, where the server's messages can stand: a change's own
 * fields instead of the topic and the options, and no quorum under consensus. Messages about a
 * field not shown go above the form.
 */
export function deliberationFieldsShown(draft: Pick<DeliberationDraft, 'changes' | 'change_setting' | 'rule'>): string[] {
  const setting = draft.change_setting;
  const changeFields: Record<'' | GroupSetting, string[]> = {
    '': [],
    monthly_fee: ['change_amount', 'change_effective_on'],
    sop_meetings: ['change_meetings', 'change_effective_on'],
    market_area: ['change_member_id', 'change_area', 'change_effective_on'],
  };
  return DELIBERATION_FIELDS.filter((field) => {
    if (field === 'quorum') return draft.rule !== 'consensus';
    if (field === 'topic' || field === 'options') return !draft.changes;
    if (field === 'change' || field === 'change_setting') return draft.changes;
    if (field.startsWith('change_')) return draft.changes && changeFields[setting].includes(field);
    return true;
  });
}

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_OPTION = 200;
export const MAX_OPTIONS = 12;
export const MAX_AREA = 120;
export const MAX_SOP_MEETINGS = 31;
/** The largest monthly fee the server takes (Rp 10.000.000.000). */
export const MAX_FEE = 10_000_000_000;

export function emptyDeliberationDraft(): DeliberationDraft {
  return {
    title: '',
    description: '',
    topic: '',
    rule: 'majority',
    quorum: '',
    options: ['', ''],
    changes: false,
    change_setting: '',
    change_amount: '',
    change_meetings: '',
    change_member_id: '',
    change_area: '',
    change_effective_on: '',
  };
}

/** The month after `today` ("2026-12-03" → "2027-01"): a new fee or SOP usually starts then. */
export function nextMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** When a setting is chosen, the day it applies from starts at next month (fee, SOP) or today (an area). */
export function effectiveDefault(setting: '' | GroupSetting, today: string): string {
  if (setting === '') return '';
  return setting === 'market_area' ? today : nextMonth(today);
}

/** Two options are the same when they differ only in case and spacing ("Rp 10.000" and "rp  10.000"), as the server sees it. */
export function optionKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const isMonthText = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** A whole number typed in a box ("6"), or null. */
function wholeNumber(text: string): number | null {
  const value = text.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The change's own checks; the change to send when they pass. */
function checkChange(
  draft: DeliberationDraft,
  add: (field: DeliberationField, problem: Problem) => void,
): SettingChange | null {
  const errorsBefore: Problem[] = [];
  const fail = (field: DeliberationField, problem: Problem) => {
    errorsBefore.push(problem);
    add(field, problem);
  };
  if (draft.change_setting === '') {
    fail('change_setting', { key: 'groups.deliberations.errors.settingRequired' });
    return null;
  }
  const setting = draft.change_setting;
  const monthly = setting !== 'market_area';
  let effective_on = '';
  if (draft.change_effective_on === '') {
    fail('change_effective_on', { key: monthly ? 'groups.deliberations.errors.monthRequired' : 'groups.deliberations.errors.dayRequired' });
  } else if (monthly ? !isMonthText(draft.change_effective_on) : !isIsoDay(draft.change_effective_on)) {
    fail('change_effective_on', { key: monthly ? 'groups.treasury.errors.month' : 'groups.form.errors.date' });
  } else {
    effective_on = monthly ? `${draft.change_effective_on}-01` : draft.change_effective_on;
  }
  const change: SettingChange = { setting, effective_on };
  if (setting === 'monthly_fee') {
    // The server takes no fee of Rp 0, as for any fee rule (the contract's minimum says 0).
    const amount = readAmount(draft.change_amount);
    if (!amount.ok) fail('change_amount', amount.problem);
    else if (amount.value > MAX_FEE) fail('change_amount', { key: 'amount.too_large' });
    else change.amount = amount.value;
  } else if (setting === 'sop_meetings') {
    const meetings = wholeNumber(draft.change_meetings);
    if (meetings === null || meetings < 1 || meetings > MAX_SOP_MEETINGS) {
      fail('change_meetings', { key: 'groups.form.errors.sop', values: { max: MAX_SOP_MEETINGS } });
    } else change.meetings = meetings;
  } else {
    if (draft.change_member_id === '') fail('change_member_id', { key: 'groups.deliberations.errors.memberRequired' });
    else change.member_id = Number(draft.change_member_id);
    const area = draft.change_area.trim();
    if (area === '') fail('change_area', { key: 'groups.deliberations.errors.areaRequired' });
    else if (codePoints(area) > MAX_AREA) fail('change_area', { key: 'groups.form.errors.tooLong', values: { max: MAX_AREA } });
    else change.area = area;
  }
  return errorsBefore.length === 0 ? change : null;
}

/**
 * Checks a proposal as the server would. Errors about one option are filed under its box
 * ("options[2]"), counted among the boxes as shown; the body carries the filled boxes only.
 * A proposal that changes a setting takes its topic from the setting and has no options of its
 * own (the server makes one, its title, to vote for or against). `voters`: the members who may
 * vote today, the most a quorum can be.
 */
export function validateDeliberation(
  draft: DeliberationDraft,
  voters: number,
): Validated<DeliberationField, DeliberationInput> {
  const { errors, add } = collector<DeliberationField>();
  const title = draft.title.trim();
  if (title === '') add('title', { key: 'groups.deliberations.errors.titleRequired' });
  else if (codePoints(title) > MAX_TITLE) add('title', { key: 'groups.form.errors.tooLong', values: { max: MAX_TITLE } });
  const description = draft.description.trim();
  if (codePoints(description) > MAX_DESCRIPTION) {
    add('description', { key: 'groups.form.errors.tooLong', values: { max: MAX_DESCRIPTION } });
  }
  const change = draft.changes ? checkChange(draft, add) : null;
  const topic: '' | Topic = draft.changes ? (draft.change_setting === '' ? '' : TOPIC_OF_SETTING[draft.change_setting]) : draft.topic;
  if (!draft.changes && draft.topic === '') add('topic', { key: 'groups.deliberations.errors.topicRequired' });

  let quorum: number | null = null;
  if (draft.rule !== 'consensus' && draft.quorum.trim() !== '') {
    const typed = wholeNumber(draft.quorum);
    if (typed === null || typed < 1 || typed > Math.max(1, voters)) {
      add('quorum', { key: 'groups.deliberations.errors.quorumRange', values: { max: Math.max(1, voters) } });
    } else quorum = typed;
  }

  const options: string[] = [];
  if (!draft.changes) {
    const seen = new Set<string>();
    draft.options.forEach((text, index) => {
      const label = text.trim();
      if (label === '') return;
      if (codePoints(label) > MAX_OPTION) {
        add(`options[${index}]`, { key: 'groups.form.errors.tooLong', values: { max: MAX_OPTION } });
        return;
      }
      const key = optionKey(label);
      if (seen.has(key)) {
        add(`options[${index}]`, { key: 'groups.deliberations.errors.optionDuplicate' });
        return;
      }
      seen.add(key);
      options.push(label);
    });
    if (options.length === 0 && !Object.keys(errors).some((field) => field.startsWith('options['))) {
      add('options', { key: 'groups.deliberations.errors.optionsRequired' });
    }
    if (options.length > MAX_OPTIONS) add('options', { key: 'groups.deliberations.errors.optionsTooMany', values: { max: MAX_OPTIONS } });
  }
  if (Object.keys(errors).length > 0 || topic === '' || (draft.changes && change === null)) return { errors, input: null };
  const input: DeliberationInput = { title, topic, rule: draft.rule };
  if (description) input.description = description;
  if (quorum !== null) input.quorum = quorum;
  if (change !== null) input.change = change;
  if (options.length > 0) input.options = options;
  return { errors, input };
}

/**
 * The server numbers options among those it was sent; the form numbers its boxes, empty ones
 * included. "options[1]" from the server becomes the box that held the second filled option.
 */
export function optionBoxOfSent(options: readonly string[], sentIndex: number): number | null {
  let filled = -1;
  for (let box = 0; box < options.length; box += 1) {
    if (options[box]!.trim() === '') continue;
    filled += 1;
    if (filled === sentIndex) return box;
  }
  return null;
}

// ---- deciding ---------------------------------------------------------------------------------

export interface DecisionDraft {
  outcome: '' | Outcome;
  /** The agreed option's id as the select holds it; '' for none. */
  option_id: string;
  note: string;
}

export type DecisionField = 'outcome' | 'option_id' | 'note';

export const MAX_NOTE = 2000;

export function emptyDecisionDraft(): DecisionDraft {
  return { outcome: '', option_id: '', note: '' };
}

/**
 * POST …/decide. A vote is decided by its count: only the note is sent. A consensus needs its
 * outcome, and the option the members agreed on when they agreed.
 */
export function validateDecision(method: DecisionMethod, draft: DecisionDraft): Validated<DecisionField, DecisionInput> {
  const { errors, add } = collector<DecisionField>();
  const input: DecisionInput = {};
  const note = draft.note.trim();
  if (codePoints(note) > MAX_NOTE) add('note', { key: 'groups.form.errors.tooLong', values: { max: MAX_NOTE } });
  else if (note) input.note = note;
  if (method === 'consensus') {
    if (draft.outcome === '') add('outcome', { key: 'groups.deliberations.errors.outcomeRequired' });
    else input.outcome = draft.outcome;
    if (draft.outcome === 'agreed') {
      if (draft.option_id === '') add('option_id', { key: 'groups.deliberations.errors.optionRequired' });
      else input.option_id = Number(draft.option_id);
    }
  }
  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}
