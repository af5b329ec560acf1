// The one API client of the web app. Every call to /api/v1 goes through here:
// same-origin cookies, the CSRF header on writes, an Idempotency-Key on every POST,
// and RFC 9457 problem+json turned into an ApiError that the UI can map to words
// people understand.

import type { Schemas } from './api/schemas';

export const API_BASE = '/api/v1';
const PROBLEM_PREFIX = 'urn:gotong:problem:';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A field-level error from the server as problemFromResponse reads it (hand-written, unlike the
 * API's other types: it is what the client makes of the wire's `FieldError`, which omits empty
 * `params` and whose `code` a newer server may extend). `field` is "" for the body as a whole.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** The values the code's words need (e.g. can/ordered/short); {} when it has none. */
  params: Record<string, string>;
}

/** `urn:gotong:problem:conflict` → `conflict`. */
type SlugOf<Type> = Type extends `urn:gotong:problem:${infer Slug}` ? Slug : never;

/**
 * The slugs the contract defines, and 'network-error' for no answer at all; a newer server may
 * send more, so an ApiError's slug stays a string.
 */
export type ProblemSlug = SlugOf<Schemas['Problem']['type']> | 'network-error';

export interface ProblemInit {
  type: string;
  status: number;
  title: string;
  detail: string;
  errors: FieldError[];
  retryAfterSeconds?: number | undefined;
}

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly type: string;
  readonly slug: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ProblemInit) {
    super(init.detail || init.title || init.type);
    this.name = 'ApiError';
    this.type = init.type;
    this.slug = slugOf(init.type);
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The field errors for one field, e.g. "new_password". */
  errorsFor(field: string): FieldError[] {
    return this.errors.filter((e) => e.field === field);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** "urn:gotong:problem:rate-limited" -> "rate-limited"; anything else is returned as is. */
export function slugOf(type: string): string {
  return type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : type;
}

/** The slug a status implies when the body is not problem+json (a proxy page, an empty body). */
function slugForStatus(status: number): ProblemSlug {
  if (status === 400) return 'invalid-input';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 405) return 'method-not-allowed';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 429) return 'rate-limited';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  return 'internal';
}

function parseRetryAfterHeader(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, Math.round((date - Date.now()) / 1000));
  return undefined;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function parseParams(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text === 'string') out[name] = text;
  }
  return out;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const out: FieldError[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    out.push({
      field: asString(record.field),
      code: asString(record.code),
      message: asString(record.message),
      params: parseParams(record.params),
    });
  }
  return out;
}

/** Turns any non-2xx response into an ApiError, reading problem+json when the server sent it. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  const headerRetry = parseRetryAfterHeader(response.headers.get('Retry-After'));
  const fallback: ProblemInit = {
    type: PROBLEM_PREFIX + slugForStatus(response.status),
    status: response.status,
    title: response.statusText,
    detail: '',
    errors: [],
    retryAfterSeconds: headerRetry,
  };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(contentType)) return new ApiError(fallback);

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(fallback);
  }
  if (body === null || typeof body !== 'object') return new ApiError(fallback);
  const record = body as Record<string, unknown>;
  const bodyRetry = typeof record.retry_after === 'number' ? record.retry_after : undefined;
  return new ApiError({
    type: asString(record.type) || fallback.type,
    status: typeof record.status === 'number' ? record.status : response.status,
    title: asString(record.title) || fallback.title,
    detail: asString(record.detail),
    errors: parseFieldErrors(record.errors),
    retryAfterSeconds: bodyRetry ?? headerRetry,
  });
}

/**
 * A fresh Idempotency-Key: a random (v4) UUID. crypto.randomUUID exists only in secure contexts
 * (https, localhost); a server reached over plain http on an office network gets one built from
 * crypto.getRandomValues, which every context has.
 */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type QueryValue = string | number | boolean | null | undefined;

/** A call's options with its abort signal, when it has one (TanStack Query passes one to each query). */
export const withSignal = (signal?: AbortSignal): Pick<RequestOptions, 'signal'> => (signal ? { signal } : {});

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The Idempotency-Key of a POST: the server answers a repeat of the same key with its first
   * answer and writes nothing again. A form passes the key of its submission (useSubmission) so
   * that a retry reuses it; without one, each POST gets a fresh key. A PUT sends one only when
   * given.
   */
  idempotencyKey?: string | undefined;
}

/** A raw body (a file) sent as is, e.g. a CSV to import. */
export interface UploadOptions {
  query?: Record<string, QueryValue>;
  /** The body's media type, e.g. "text/csv". */
  contentType: string;
  /** Extra request headers, e.g. X-File-Name. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** As for RequestOptions: the submission's key, or a fresh one. */
  idempotencyKey?: string | undefined;
  /**
   * Told how much of the body has gone out (bytes sent, bytes in all) while it is sent, e.g. for a
   * progress bar under a photo on a slow phone network. fetch cannot tell, so with it the body goes
   * through XMLHttpRequest (same headers, same errors).
   */
  onProgress?: ((sent: number, total: number) => void) | undefined;
}

/** A file the server sent (an export, an error report). */
export interface Download {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

type UnauthenticatedListener = (error: ApiError) => void;

export interface ApiClient {
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** POST a raw body (a file) and parse the JSON answer; CSRF and errors as for every write. */
  upload<T>(path: string, body: Blob, options: UploadOptions): Promise<T>;
  /** GET a file (CSV, Excel) as a Blob, with the file name the server gave it. */
  download(path: string, options?: Omit<RequestOptions, 'body'>): Promise<Download>;
  /** The token from POST /session or GET /me; sent as X-CSRF-Token on every write. */
  setCsrfToken(token: string | null): void;
  /**
   * Called when any call answers 401 other than a failed login: no session, or one that
   * expired or was revoked (the server says "unauthenticated" or "session-expired").
   */
  onUnauthenticated(listener: UnauthenticatedListener): () => void;
}

export interface ApiClientOptions {
  baseUrl?: string;
  /** Defaults to the global fetch, looked up on each call. */
  fetch?: typeof fetch;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  let url = baseUrl + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
    const text = params.toString();
    if (text) url += (url.includes('?') ? '&' : '?') + text;
  }
  return url;
}

/**
 * The file name in a Content-Disposition header: `filename*=UTF-8''…` (RFC 6266) wins over
 * `filename="…"`. Any folder part is dropped, so a name can never point outside Downloads.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = header.match(/filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2]!.trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = header.match(/filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i);
    if (plain) name = (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1').trim();
  }
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  return base || null;
}

interface SendOptions {
  query?: Record<string, QueryValue> | undefined;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
  body?: BodyInit | undefined;
  accept: string;
  idempotencyKey?: string | undefined;
  onProgress?: ((sent: number, total: number) => void) | undefined;
}

/**
 * fetch's exchange through XMLHttpRequest, which reports the upload's progress: the answer as a
 * Response, a failure to reach the server as a TypeError (as fetch throws), an abort as fetch's.
 */
function fetchWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body: BodyInit | undefined; signal: AbortSignal | undefined },
  onProgress: (sent: number, total: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    // The answers of an upload are JSON (or problem+json): text is all they need.
    xhr.responseType = 'text';
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      try {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
        }
        // A Response may not carry a body with these statuses.
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        const text = typeof xhr.response === 'string' ? xhr.response : '';
        resolve(new Response(empty ? null : text, { status: xhr.status, statusText: xhr.statusText, headers }));
      } catch (failure) {
        reject(failure instanceof Error ? failure : new TypeError(String(failure)));
      }
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    if (init.signal) {
      if (init.signal.aborted) {
        reject(new DOMException('The upload was aborted', 'AbortError'));
        return;
      }
      init.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? API_BASE;
  let csrfToken: string | null = null;
  const listeners = new Set<UnauthenticatedListener>();

  /** One HTTP exchange: headers, CSRF, network failures and problem+json answers. */
  async function send(method: string, path: string, opts: SendOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: opts.accept, ...opts.headers };
    if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (method === 'POST') headers['Idempotency-Key'] = opts.idempotencyKey ?? newIdempotencyKey();
    // A PUT is idempotent by its nature; one that replaces many records (a sheet of votes) may
    // still carry its submission's key, so that a retry is answered as the first try was.
    else if (method === 'PUT' && opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

    const doFetch = options.fetch ?? globalThis.fetch;
    const url = buildUrl(baseUrl, path, opts.query);
    let response: Response;
    try {
      response = opts.onProgress
        ? await fetchWithProgress(url, { method, headers, body: opts.body, signal: opts.signal }, opts.onProgress)
        : await doFetch(url, {
            method,
            headers,
            body: opts.body,
            credentials: 'same-origin',
            signal: opts.signal,
          });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({
        type: PROBLEM_PREFIX + 'network-error',
        status: 0,
        title: 'Network error',
        detail: cause instanceof Error ? cause.message : String(cause),
        errors: [],
      });
    }

    if (!response.ok) {
      const error = await problemFromResponse(response);
      if (error.status === 401 && error.slug !== 'invalid-credentials') {
        for (const listener of listeners) listener(error);
      }
      throw error;
    }
    return response;
  }

  async function parseJson<T>(response: Response): Promise<T> {
    if (response.status === 204 || response.status === 205) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const json = opts.body !== undefined;
    const response = await send(method, path, {
      query: opts.query,
      signal: opts.signal,
      headers: json ? { 'Content-Type': 'application/json' } : {},
      body: json ? JSON.stringify(opts.body) : undefined,
      accept: 'application/json',
      idempotencyKey: opts.idempotencyKey,
    });
    return parseJson<T>(response);
  }

  return {
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),
    patch: (path, body, o) => request('PATCH', path, { ...o, body }),
    delete: (path, o) => request('DELETE', path, o),
    async upload(path, body, o) {
      const response = await send('POST', path, {
        query: o.query,
        signal: o.signal,
        headers: { ...o.headers, 'Content-Type': o.contentType },
        body,
        accept: 'application/json',
        idempotencyKey: o.idempotencyKey,
        onProgress: o.onProgress,
      });
      return parseJson(response);
    },
    async download(path, o = {}) {
      const response = await send('GET', path, { query: o.query, signal: o.signal, accept: '*/*' });
      const blob = await response.blob();
      return { blob, fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')) };
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one client instance; features import this, tests build their own. */
export const api: ApiClient = createApiClient();
