import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/Alert';
import { BackLink } from '../../../components/BackLink';
import { FormField } from '../../../components/FormField';
import { TextAreaField } from '../../../components/TextAreaField';
import { SubmitRow } from '../../../components/SubmitRow';
import { formatDate, formatDateTime, formatDay } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { type FormOptions, useForm } from '../../../lib/use-form';
import {
  useAdvise,
  useCloseHelp,
  useHelpRequest,
  useLogAttempt,
  useSendPhoto,
  useShareHelp,
} from '../hooks/use-help-requests';
import {
  actorName,
  checkPhoto,
  durationParts,
  helpProblemMessage,
  MAX_TITLE,
  readHelpErrors,
  shareDraftOf,
  timelineOf,
  validateAdvice,
  validateAttempt,
  validateShare,
  type HelpAdviceInput,
  type HelpAttemptInput,
  type HelpGroup,
  type HelpRequestDetail,
  type HelpShareInput,
  type ShareDraft,
  type TimelineEvent,
} from '../types/help';
import { helpListPath, knowledgePath, type HelpNotice } from '../types/paths';
import { HelpStatusBadge } from './HelpStatusBadge';
import { PhotoPicker, type PhotoProgress } from './PhotoPicker';

/** "3 jam", "2 hari". */
function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const { unit, count } = durationParts(seconds);
  return <>{t(`mentoring.help.duration.${unit}`, { count })}</>;
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const who = actorName(event.by);
  const when = formatDateTime(event.at, language);
  let heading: string;
  let text: string | null = null;
  switch (event.kind) {
    case 'reported':
      heading = t('mentoring.help.timeline.reported', { name: who });
      break;
    case 'advice':
      heading = t('mentoring.help.timeline.advice', { name: who });
      text = event.text;
      break;
    case 'attempt':
      heading = t('mentoring.help.timeline.attempt', { number: event.number, day: formatDay(event.day, language) });
      text = event.text;
      break;
    default:
      heading = t(`mentoring.help.timeline.${event.kind}`, { name: who });
      text = event.text;
  }
  return (
    <li className={`timeline__item timeline__item--${event.kind}`} data-testid={`timeline-${event.key}`}>
      <p className="timeline__head">
        <strong>{heading}</strong> <span className="muted">{when}</span>
      </p>
      {text ? <p className="preserve-lines timeline__text">{text}</p> : null}
    </li>
  );
}

type TextForm<Field extends string, Body> = FormOptions<Record<Field, string>, Field, Body, unknown>;

type TextCardProps<Field extends string, Body> = Pick<TextForm<Field, Body>, 'validate' | 'send'> & {
  /** Its words, under `mentoring.help.<kind>`, and its ids. */
  kind: 'advice' | 'attempt';
  /** The one text's field in the request body. */
  field: Field;
  rows: number;
  intro?: ReactNode;
  /** Said once the text was sent. */
  sent: string;
};

/** One text and a button, empty again once sent: advice from a mentor, a rework from the mentee. */
function TextCard<Field extends string, Body>({ kind, field, rows, intro, sent, validate, send }: TextCardProps<Field, Body>) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const empty = () => ({ [field]: '' }) as Record<Field, string>;
  const form = useForm({
    initial: empty,
    validate,
    send,
    readErrors: (error) => readHelpErrors(t, error, [field]),
    onSaved: () => {
      form.setDraft(empty());
      setDone(true);
    },
  });
  return (
    <section className="card" aria-labelledby={`help-${kind}-title`} data-testid={`help-${kind}-form`}>
      <h2 id={`help-${kind}-title`}>{t(`mentoring.help.${kind}.title`)}</h2>
      {intro}
      {done ? <Alert tone="success">{sent}</Alert> : null}
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => { setDone(false); void form.onSubmit(event); }} noValidate aria-busy={form.submitting}>
        <TextAreaField label={t(`mentoring.help.${kind}.label`)} hint={t(`mentoring.help.${kind}.hint`)} rows={rows} {...form.field(field)} />
        <SubmitRow
          submitting={form.submitting}
          labels={{ submit: t(`mentoring.help.${kind}.submit`), saving: t(`mentoring.help.${kind}.sending`) }}
        />
      </form>
    </section>
  );
}

function AdviceForm({ request }: { request: HelpRequestDetail }) {
  const { t } = useTranslation();
  const advise = useAdvise(request.id);
  return (
    <TextCard
      kind="advice"
      field="text"
      rows={4}
      sent={t('mentoring.help.advice.sent')}
      validate={validateAdvice}
      send={(body: HelpAdviceInput, idempotencyKey) => advise.mutateAsync({ body, idempotencyKey })}
    />
  );
}

function AttemptForm({ request }: { request: HelpRequestDetail }) {
  const { t } = useTranslation();
  const attempt = useLogAttempt(request.id);
  return (
    <TextCard
      kind="attempt"
      field="note"
      rows={3}
      intro={<p className="muted">{t('mentoring.help.attempt.intro', { count: request.attempt_count + 1 })}</p>}
      sent={t('mentoring.help.attempt.sent', { count: request.attempt_count })}
      validate={validateAttempt}
      send={(body: HelpAttemptInput, idempotencyKey) => attempt.mutateAsync({ body, idempotencyKey })}
    />
  );
}

/** Resolved, or given up: with a last word. */
function CloseForm({ request }: { request: HelpRequestDetail }) {
  const { t } = useTranslation();
  const close = useCloseHelp(request.id);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function closeAs(to: 'resolved' | 'abandoned') {
    setBusy(true);
    setError(null);
    try {
      await close.mutateAsync({ body: { to, note: note.trim() || null } });
    } catch (failure) {
      setError(helpProblemMessage(t, failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="help-close-title" data-testid="help-close">
      <h2 id="help-close-title">{t('mentoring.help.close.title')}</h2>
      <p className="muted">{request.can.resolve ? t('mentoring.help.close.intro') : t('mentoring.help.close.introOpen')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextAreaField
        id="help-close-note"
        name="note"
        label={t('mentoring.help.close.note')}
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="button-row">
        {request.can.resolve ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void closeAs('resolved')}>
            {t('mentoring.help.close.resolve')}
          </button>
        ) : null}
        {request.can.abandon ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void closeAs('abandoned')}>
            {t('mentoring.help.close.abandon')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** A resolved answer becomes the group's knowledge post in one step; title and text editable first. */
function ShareForm({ request, onShared }: { request: HelpRequestDetail; onShared?: ((groupId: number) => void) | undefined }) {
  const { t } = useTranslation();
  const share = useShareHelp(request.id, request.group_id, onShared);
  const form = useForm({
    initial: () => shareDraftOf(request),
    validate: (draft: ShareDraft) => validateShare(draft),
    send: (body: HelpShareInput, idempotencyKey) => share.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readHelpErrors(t, error, ['title', 'body']),
    onSaved: () => undefined,
  });
  return (
    <section className="card" aria-labelledby="help-share-title" data-testid="help-share">
      <h2 id="help-share-title">{t('mentoring.help.share.title')}</h2>
      <p className="muted">{t('mentoring.help.share.intro')}</p>
      {form.server.general.length > 0 ? <Alert tone="error">{form.server.general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-busy={form.submitting}>
        <FormField label={t('mentoring.help.share.titleField')} maxLength={MAX_TITLE} {...form.field('title')} />
        <TextAreaField label={t('mentoring.help.share.body')} rows={5} {...form.field('body')} />
        <SubmitRow
          submitting={form.submitting}
          labels={{ submit: t('mentoring.help.share.submit'), saving: t('mentoring.help.share.sending') }}
        />
      </form>
    </section>
  );
}

/** A photo added (or another sent) to the request, with its progress. */
function PhotoCard({ request }: { request: HelpRequestDetail }) {
  const { t } = useTranslation();
  const send = useSendPhoto();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<PhotoProgress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  async function onSend() {
    if (!file) return;
    const local = checkPhoto(file);
    if (local) {
      setErrors([t(local.key, local.values ?? {})]);
      return;
    }
    setErrors([]);
    setDone(false);
    setProgress({ sent: 0, total: file.size });
    try {
      await send.mutateAsync({ id: request.id, photo: file, onProgress: (sent, total) => setProgress({ sent, total }) });
      setFile(null);
      setDone(true);
    } catch (failure) {
      const read = readHelpErrors(t, failure, ['photo']);
      setErrors([...(read.byField.photo ?? []), ...read.general]);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="card" aria-labelledby="help-photo-title" data-testid="help-photo-card">
      <h2 id="help-photo-title">{request.photo ? t('mentoring.help.photo.replaceTitle') : t('mentoring.help.photo.addTitle')}</h2>
      {done ? <Alert tone="success">{t('mentoring.help.photo.sent')}</Alert> : null}
      <PhotoPicker
        file={file}
        onChange={(chosen) => {
          setFile(chosen);
          setErrors([]);
          setDone(false);
        }}
        errors={errors}
        progress={progress}
        disabled={progress !== null}
      />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={!file || progress !== null} onClick={() => void onSend()}>
          {progress ? t('mentoring.help.photo.sending') : t('mentoring.help.photo.send')}
        </button>
      </div>
    </section>
  );
}

export interface HelpRequestPageProps {
  group: HelpGroup;
  requestId: number;
  /** Tells whoever keeps the group's knowledge posts that a new one was shared. */
  onShared?: ((groupId: number) => void) | undefined;
}

/**
 * One help request on a phone: what failed, its photo, what happened since (the report, each
 * advice, each rework, its closing), and what the caller may do now (the server's `can`):
 * advise, log a rework, add the photo, resolve or abandon it, share the answer with the group.
 */
export function HelpRequestPage({ group, requestId, onShared }: HelpRequestPageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const location = useLocation();
  const resource = useHelpRequest(requestId);
  const request = resource.data;
  useDocumentTitle(request?.title ?? t('mentoring.help.list.title'));
  const notice = (location.state as HelpNotice | null)?.notice;
  const back = <BackLink to={helpListPath(group.id)}>{t('mentoring.help.back')}</BackLink>;

  if (!request) {
    return (
      <>
        {back}
        {resource.isError ? (
          <Alert tone="error">{helpProblemMessage(t, resource.error)}</Alert>
        ) : (
          <p role="status">{t('mentoring.help.loading')}</p>
        )}
      </>
    );
  }
  if (request.group_id !== group.id) {
    return (
      <>
        {back}
        <Alert tone="error">{t('errors.notFound')}</Alert>
      </>
    );
  }
  const language = i18n.resolvedLanguage;
  const can = request.can;

  return (
    <>
      {back}
      {notice === 'reported' ? <Alert tone="success">{t('mentoring.help.reported')}</Alert> : null}
      <section className="card" aria-labelledby={`${id}-title`} data-testid="help-request">
        <h2 id={`${id}-title`} tabIndex={-1}>
          {request.title}
        </h2>
        <p className="record-card__badges">
          <HelpStatusBadge status={request.status} />
          <span className="record-card__count">
            {t('mentoring.help.list.byline', { name: request.member.name, date: formatDate(request.created_at, language) })}
          </span>
        </p>
        {request.competency ? (
          <p className="record-card__line">{t('mentoring.help.about', { name: request.competency.name })}</p>
        ) : null}
        {request.description ? <p className="preserve-lines">{request.description}</p> : null}
        {request.photo ? (
          <a className="help-photo" href={request.photo.url} target="_blank" rel="noreferrer" data-testid="help-request-photo">
            <img src={request.photo.thumbnail_url} alt={t('mentoring.help.photo.alt', { title: request.title })} />
            <span className="muted">{t('mentoring.help.photo.open')}</span>
          </a>
        ) : null}
        <ul className="plain-list help-durations" data-testid="help-durations">
          {request.seconds_to_first_advice !== null ? (
            <li className="plain-list__item">
              {t('mentoring.help.firstAdviceAfter')} <Duration seconds={request.seconds_to_first_advice} />
            </li>
          ) : null}
          {request.seconds_to_resolution !== null ? (
            <li className="plain-list__item">
              {t('mentoring.help.resolvedAfter')} <Duration seconds={request.seconds_to_resolution} />
            </li>
          ) : null}
          <li className="plain-list__item">{t('mentoring.help.attemptCount', { count: request.attempt_count })}</li>
        </ul>
      </section>
      <section className="card" aria-labelledby={`${id}-timeline`}>
        <h2 id={`${id}-timeline`}>{t('mentoring.help.timeline.title')}</h2>
        <ol className="timeline" data-testid="help-timeline">
          {timelineOf(request).map((event) => (
            <TimelineItem key={event.key} event={event} />
          ))}
        </ol>
      </section>
      {request.knowledge_post_id !== null ? (
        <Alert tone="success">
          {t('mentoring.help.share.done')} <Link to={knowledgePath(group.id)}>{t('mentoring.help.share.see')}</Link>
        </Alert>
      ) : null}
      {can.advise ? <AdviceForm request={request} /> : null}
      {can.attempt ? <AttemptForm request={request} /> : null}
      {can.photo ? <PhotoCard request={request} /> : null}
      {can.resolve || can.abandon ? <CloseForm request={request} /> : null}
      {can.share ? <ShareForm request={request} onShared={onShared} /> : null}
      {resource.isFetching ? <p className="visually-hidden" role="status">{t('mentoring.help.loading')}</p> : null}
    </>
  );
}
