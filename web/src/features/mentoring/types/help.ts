// Help requests (incidental learning, seed 000): the wire's shapes, the forms' checks, the
// timeline a request's page reads top to bottom, and how a refusal is put into words.
import type { ParseKeys, TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import { learningId } from '../../../lib/i18n/learning-id';
import { fieldErrorMessage, hasPath, problemMessage } from '../../../lib/problem-messages';
import type { Checked } from '../../../lib/use-form';
import { readServerErrors, type FormProblem, type ServerErrors } from '../../../lib/use-form-errors';

type TranslationKey = ParseKeys<'translation'>;

export type HelpRequest = Schemas['HelpRequest'];
export type HelpRequestDetail = Schemas['HelpRequestDetail'];
export type HelpRequestPage = Schemas['HelpRequestPage'];
export type HelpStatus = Schemas['HelpRequestStatus'];
export type HelpActor = Schemas['HelpActor'];
export type HelpRequestInput = Schemas['HelpRequestInput'];
export type HelpAdviceInput = Schemas['HelpAdviceInput'];
export type HelpAttemptInput = Schemas['HelpAttemptInput'];
export type HelpTransitionInput = Schemas['HelpTransitionInput'];
export type HelpShareInput = Schemas['HelpShareInput'];
export type SharedPost = Schemas['KnowledgePost'];

export const HELP_STATUSES = valuesOf<HelpStatus>()(['open', 'advised', 'resolved', 'abandoned']);

/** What a group's page needs to know of the group the help requests are in. */
export interface HelpGroup {
  id: number;
  name: string;
  sector: string;
  status: string;
  /** The membership the caller acts as here; null for officers, facilitators and admins. */
  member_id?: number | null | undefined;
  /** The parts of the group the caller may write (GET /groups/{id}). */
  writes?: readonly string[] | undefined;
}

/**
 * Whether the caller may report a failure for another member (one without an account of her
 * own): the server lets the group's leader and those who oversee the group do it, and they are
 * the ones who may write the group's profile. The server checks again.
 */
export function reportsForOthers(group: HelpGroup): boolean {
  return group.writes?.includes('profile') ?? false;
}

/** The lists a group's help tab offers: waiting first (a mentor's queue), her own, the closed, all. */
export const HELP_FILTERS = ['waiting', 'mine', 'closed', 'all'] as const;
export type HelpFilter = (typeof HELP_FILTERS)[number];

export function isHelpFilter(value: string | null): value is HelpFilter {
  return value !== null && (HELP_FILTERS as readonly string[]).includes(value);
}

/** The query of a filter: `status` and `mine` as GET /help-requests takes them. */
export function filterQuery(filter: HelpFilter): { status?: string; mine?: boolean } {
  if (filter === 'waiting') return { status: 'open,advised' };
  if (filter === 'closed') return { status: 'resolved,abandoned' };
  if (filter === 'mine') return { mine: true };
  return {};
}

/** The filters a caller is offered: "mine" only to one who acts as a member of the group. */
export function filtersFor(group: HelpGroup): HelpFilter[] {
  return HELP_FILTERS.filter((f) => f !== 'mine' || (group.member_id ?? null) !== null);
}

// ---- the report -------------------------------------------------------------------------

/** The server's limits (docs/openapi.yaml). */
export const MAX_TITLE = 120;
export const MAX_TEXT = 4000;
export const MAX_NOTE = 1000;
/** A photo as sent, at most (GOTONG_MAX_PHOTO_BYTES unless the server sets another). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface ReportDraft {
  title: string;
  description: string;
  /** '' for none. */
  competency_id: string;
  /** The member it is for, when the caller reports for others; '' for herself. */
  member_id: string;
}

export type ReportField = 'title' | 'description' | 'competency_id' | 'member_id' | 'photo';

export const emptyReportDraft: ReportDraft = { title: '', description: '', competency_id: '', member_id: '' };

/** A new report's draft: a leader reporting for others starts with herself chosen. */
export function reportDraftFor(group: HelpGroup): ReportDraft {
  return { ...emptyReportDraft, member_id: group.member_id == null ? '' : String(group.member_id) };
}

const length = (text: string) => [...text].length;

/**
 * A report needs a few words; the photo is checked apart (checkPhoto) and sent after it. One who
 * reports for others (`forOthers`) names the member, unless she is reporting for herself.
 */
export function validateReport(
  draft: ReportDraft,
  groupId: number,
  photo: File | null,
  forOthers = false,
): Checked<ReportField, HelpRequestInput> {
  const errors: Partial<Record<ReportField, (TranslationKey | FormProblem)[]>> = {};
  const title = draft.title.trim();
  const description = draft.description.trim();
  if (title === '') errors.title = ['mentoring.help.form.titleRequired'];
  else if (length(title) > MAX_TITLE) errors.title = ['mentoring.help.form.tooLong'];
  if (length(description) > MAX_TEXT) errors.description = ['mentoring.help.form.tooLong'];
  if (forOthers && draft.member_id === '') errors.member_id = ['mentoring.help.form.memberRequired'];
  const photoProblem = photo ? checkPhoto(photo) : null;
  if (photoProblem) errors.photo = [photoProblem];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      group_id: groupId,
      title,
      description: description || null,
      competency_id: draft.competency_id ? Number(draft.competency_id) : null,
      ...(forOthers && draft.member_id !== '' ? { member_id: Number(draft.member_id) } : {}),
    },
  };
}

/**
 * What the phone can tell of a chosen file before sending it: too large, or not a picture by the
 * type the phone gives it. The server decides from the bytes; this only spares a long upload.
 */
export function checkPhoto(file: Pick<File, 'size' | 'type'>): FormProblem | null {
  if (file.size === 0) return { key: 'mentoring.help.fieldErrors.photo.required' };
  if (file.size > MAX_PHOTO_BYTES) {
    return { key: 'mentoring.help.fieldErrors.photo.too_large', values: { max_megabytes: MAX_PHOTO_BYTES / (1024 * 1024) } };
  }
  if (file.type !== '' && !file.type.startsWith('image/')) return { key: 'mentoring.help.fieldErrors.photo.not_an_image' };
  return null;
}

/** "45%": how much of the photo has gone. */
export function percentOf(sent: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
}

// ---- advice, attempts, closing, sharing ---------------------------------------------------

export interface TextDraft {
  text: string;
}

export function validateAdvice(draft: TextDraft): Checked<'text', HelpAdviceInput> {
  const text = draft.text.trim();
  if (text === '') return { errors: { text: ['mentoring.help.advice.required'] }, input: null };
  if (length(text) > MAX_TEXT) return { errors: { text: ['mentoring.help.form.tooLong'] }, input: null };
  return { errors: {}, input: { text } };
}

export interface AttemptDraft {
  note: string;
}

export function validateAttempt(draft: AttemptDraft): Checked<'note', HelpAttemptInput> {
  const note = draft.note.trim();
  if (note === '') return { errors: { note: ['mentoring.help.attempt.required'] }, input: null };
  if (length(note) > MAX_NOTE) return { errors: { note: ['mentoring.help.form.tooLong'] }, input: null };
  return { errors: {}, input: { note } };
}

export interface ShareDraft {
  title: string;
  body: string;
}

/** The post a resolved request becomes, as its page offers it: its title and the latest advice. */
export function shareDraftOf(request: Pick<HelpRequestDetail, 'title' | 'advice'>): ShareDraft {
  const last = request.advice[request.advice.length - 1];
  return { title: request.title, body: last ? last.text : '' };
}

export function validateShare(draft: ShareDraft): Checked<'title' | 'body', HelpShareInput> {
  const errors: Partial<Record<'title' | 'body', TranslationKey[]>> = {};
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (title === '') errors.title = ['mentoring.help.share.titleRequired'];
  else if (length(title) > MAX_TITLE) errors.title = ['mentoring.help.form.tooLong'];
  if (body === '') errors.body = ['mentoring.help.share.bodyRequired'];
  else if (length(body) > MAX_TEXT) errors.body = ['mentoring.help.form.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: { title, body, kind: 'fix' } };
}

// ---- the timeline ---------------------------------------------------------------------------

export type TimelineEvent =
  | { kind: 'reported'; at: string; by: HelpActor; key: string }
  | { kind: 'advice'; at: string; by: HelpActor; text: string; key: string }
  | { kind: 'attempt'; at: string; by: HelpActor; text: string; number: number; day: string; key: string }
  | { kind: 'resolved' | 'abandoned'; at: string; by: HelpActor; text: string | null; key: string };

/** What happened to a request, oldest first: the report, each advice and attempt, its closing. */
export function timelineOf(request: HelpRequestDetail): TimelineEvent[] {
  const events: TimelineEvent[] = [{ kind: 'reported', at: request.created_at, by: request.reported_by, key: 'reported' }];
  for (const a of request.advice) events.push({ kind: 'advice', at: a.created_at, by: a.author, text: a.text, key: `advice-${a.id}` });
  for (const a of request.attempts) {
    events.push({ kind: 'attempt', at: a.created_at, by: a.recorded_by, text: a.note, number: a.number, day: a.attempted_on, key: `attempt-${a.id}` });
  }
  if ((request.status === 'resolved' || request.status === 'abandoned') && request.closed_at && request.closed_by) {
    events.push({ kind: request.status, at: request.closed_at, by: request.closed_by, text: request.close_note, key: 'closed' });
  }
  // Stable: what happened in the same second keeps the order above.
  return events.map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.index - b.index))
    .map(({ event }) => event);
}

/** Who did it, as a member reads it: the member's name, else the account's. */
export function actorName(actor: HelpActor): string {
  return actor.member?.name ?? actor.username;
}

/** A span of seconds as the words "3 jam", "2 hari": the largest whole unit, at least a minute. */
export function durationParts(seconds: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  if (seconds >= 2 * 86_400) return { unit: 'days', count: Math.floor(seconds / 86_400) };
  if (seconds >= 3_600) return { unit: 'hours', count: Math.floor(seconds / 3_600) };
  return { unit: 'minutes', count: Math.max(1, Math.floor(seconds / 60)) };
}

// ---- refusals in words ----------------------------------------------------------------------

/** One field error in words: help requests' own texts first (a photo's codes, a status), then the app's. */
export function helpFieldMessage(t: TFunction, error: FieldError): string {
  const field = error.field;
  if (!hasPath(learningId.help.fieldErrors, [field, error.code])) return fieldErrorMessage(t, error);
  if (field === 'photo') {
    // Its limits come with the code, as the server has them.
    const code = error.code as keyof typeof learningId.help.fieldErrors.photo;
    return t(`mentoring.help.fieldErrors.photo.${code}`, {
      max_megabytes: error.params.max_megabytes ?? String(MAX_PHOTO_BYTES / (1024 * 1024)),
      max_megapixels: error.params.max_megapixels ?? '50',
    });
  }
  return t(`mentoring.help.fieldErrors.${field}.${error.code}` as TranslationKey);
}

/** A failed call in words: a field error the form has no place for is still said plainly. */
export function helpProblemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.slug === 'group-dissolved') return t('mentoring.help.errors.dissolved');
    const named = error.errors.find((e) => hasPath(learningId.help.fieldErrors, [e.field, e.code]));
    if (named) return helpFieldMessage(t, named);
    if (error.slug === 'forbidden') return t('mentoring.help.errors.forbidden');
  }
  return problemMessage(t, error);
}

/** A refusal sorted onto a help form's fields (`placeable`), or above it. */
export function readHelpErrors(t: TFunction, error: unknown, placeable: readonly string[]): ServerErrors {
  return readServerErrors(error, {
    fieldOf: (fieldError) => (placeable.includes(fieldError.field) ? fieldError.field : null),
    message: (fieldError) => helpFieldMessage(t, fieldError),
    problem: (failure) => helpProblemMessage(t, failure),
  });
}
