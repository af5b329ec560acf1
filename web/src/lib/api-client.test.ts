import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import {
  ApiError,
  buildUrl,
  createApiClient,
  fileNameFromDisposition,
  newIdempotencyKey,
  problemFromResponse,
  slugOf,
} from './api-client';

function fetchReturning(response: Response) {
  return vi.fn<typeof fetch>().mockResolvedValue(response);
}

describe('problemFromResponse', () => {
  it('parses an RFC 9457 body into type, slug, status, detail and field errors', async () => {
    const error = await problemFromResponse(
      jsonResponse(
        {
          type: 'urn:gotong:problem:invalid-input',
          title: 'Invalid input',
          status: 400,
          detail: 'the request has invalid fields',
          errors: [
            { field: 'new_password', code: 'too_short', message: 'password must be at least 12 characters' },
            { field: 'quantity', code: 'insufficient_capacity', message: 'x', params: { can: '120', ordered: '150' } },
          ],
        },
        400,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.type).toBe('urn:gotong:problem:invalid-input');
    expect(error.slug).toBe('invalid-input');
    expect(error.status).toBe(400);
    expect(error.detail).toBe('the request has invalid fields');
    expect(error.errors).toEqual([
      { field: 'new_password', code: 'too_short', message: 'password must be at least 12 characters', params: {} },
      { field: 'quantity', code: 'insufficient_capacity', message: 'x', params: { can: '120', ordered: '150' } },
    ]);
    expect(error.errorsFor('new_password')).toHaveLength(1);
    expect(error.errorsFor('current_password')).toHaveLength(0);
  });

  it('takes the retry delay from the body of a rate-limited answer', async () => {
    const error = await problemFromResponse(
      jsonResponse(
        { type: 'urn:gotong:problem:rate-limited', title: 'Too many', status: 429, detail: '', errors: [], retry_after: 540 },
        429,
        { 'Retry-After': '600' },
      ),
    );
    expect(error.slug).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(540);
  });

  it('falls back to the Retry-After header when the body has no retry_after', async () => {
    const error = await problemFromResponse(
      jsonResponse({ type: 'urn:gotong:problem:rate-limited', status: 429, errors: [] }, 429, { 'Retry-After': '120' }),
    );
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('derives the slug from the status when the body is not JSON (e.g. a proxy error page)', async () => {
    const error = await problemFromResponse(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error.slug).toBe('unavailable');
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
  });

  it('survives a JSON content type with a broken body', async () => {
    const error = await problemFromResponse(
      new Response('{not json', { status: 500, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    expect(error.slug).toBe('internal');
    expect(error.status).toBe(500);
  });

  it('ignores malformed field error entries instead of crashing', async () => {
    const error = await problemFromResponse(
      jsonResponse(
        {
          type: 'urn:gotong:problem:invalid-input',
          status: 400,
          errors: [null, 'x', { field: 'username', code: 'required', params: ['not', 'an', 'object'] }, { field: 'n', code: 'c', params: { a: 1, b: 'two' } }],
        },
        400,
      ),
    );
    expect(error.errors).toEqual([
      { field: 'username', code: 'required', message: '', params: {} },
      { field: 'n', code: 'c', message: '', params: { b: 'two' } },
    ]);
  });
});

describe('slugOf', () => {
  it('strips the gotong URN prefix and leaves other types unchanged', () => {
    expect(slugOf('urn:gotong:problem:csrf-failed')).toBe('csrf-failed');
    expect(slugOf('about:blank')).toBe('about:blank');
  });
});

describe('buildUrl', () => {
  it('encodes query values and drops empty ones', () => {
    expect(buildUrl('/api/v1', '/regions', { q: 'banjar sari', parent: undefined, limit: 20, offset: 0, x: '' })).toBe(
      '/api/v1/regions?q=banjar+sari&limit=20&offset=0',
    );
  });
});

describe('createApiClient', () => {
  it('sends same-origin credentials and parses a JSON body', async () => {
    const fetchMock = fetchReturning(jsonResponse({ status: 'ok' }));
    const client = createApiClient({ fetch: fetchMock });
    await expect(client.get('/health')).resolves.toEqual({ status: 'ok' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/health');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('GET');
  });

  it('sends the CSRF token on writes but not on reads', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch: fetchMock });
    client.setCsrfToken('tok-123');
    await client.get('/me');
    await client.put('/me/password', { current_password: 'a', new_password: 'b' });
    await client.delete('/session');
    const headersOf = (i: number) => fetchMock.mock.calls[i]![1]!.headers as Record<string, string>;
    expect(headersOf(0)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(1)['X-CSRF-Token']).toBe('tok-123');
    expect(headersOf(1)['Content-Type']).toBe('application/json');
    expect(fetchMock.mock.calls[1]![1]!.body).toBe('{"current_password":"a","new_password":"b"}');
    expect(headersOf(2)['X-CSRF-Token']).toBe('tok-123');
  });

  it('resolves a 204 answer to undefined', async () => {
    const client = createApiClient({ fetch: fetchReturning(new Response(null, { status: 204 })) });
    await expect(client.delete('/session')).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the problem for a non-2xx answer', async () => {
    const client = createApiClient({
      fetch: fetchReturning(
        jsonResponse({ type: 'urn:gotong:problem:invalid-credentials', title: 'Login failed', status: 401, detail: 'x', errors: [] }, 401),
      ),
    });
    const error = await client.post('/session', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).slug).toBe('invalid-credentials');
    expect((error as ApiError).status).toBe(401);
  });

  it('tells listeners about a missing or expired session but not about a failed login', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse({ type: 'urn:gotong:problem:invalid-credentials', status: 401, errors: [] }, 401))
      .mockResolvedValueOnce(jsonResponse({ type: 'urn:gotong:problem:unauthenticated', status: 401, errors: [] }, 401))
      .mockResolvedValueOnce(jsonResponse({ type: 'urn:gotong:problem:session-expired', status: 401, errors: [] }, 401))
      .mockResolvedValueOnce(jsonResponse({ type: 'urn:gotong:problem:forbidden', status: 403, errors: [] }, 403));
    const client = createApiClient({ fetch: fetchMock });
    const listener = vi.fn();
    const unsubscribe = client.onUnauthenticated(listener);
    await client.post('/session', {}).catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();
    await client.get('/me').catch(() => undefined);
    await client.get('/me').catch(() => undefined);
    await client.get('/users').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls.map(([e]) => (e as ApiError).slug)).toEqual(['unauthenticated', 'session-expired']);
    unsubscribe();
  });

  it('turns a network failure into a network-error ApiError with status 0', async () => {
    const client = createApiClient({ fetch: vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')) });
    const error = (await client.get('/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.slug).toBe('network-error');
    expect(error.status).toBe(0);
  });

  it('rethrows an abort as is, so callers can ignore cancelled requests', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const client = createApiClient({ fetch: vi.fn<typeof fetch>().mockRejectedValue(abort) });
    await expect(client.get('/regions')).rejects.toBe(abort);
  });
});

describe('Idempotency-Key', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const keyOf = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, i: number) =>
    (fetchMock.mock.calls[i]![1]!.headers as Record<string, string>)['Idempotency-Key'];

  it('goes with every POST, a fresh one each time unless the caller gives one', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => jsonResponse({ id: 1 }, 201));
    const client = createApiClient({ fetch: fetchMock });
    await client.post('/groups/1/ledger', { amount: 5000 });
    await client.post('/groups/1/ledger', { amount: 5000 });
    await client.post('/groups/1/ledger', { amount: 5000 }, { idempotencyKey: 'the-form-key' });
    await client.post('/enterprises/4/verify');
    await client.upload('/imports', new Blob(['x']), { contentType: 'text/csv' });
    await client.upload('/imports', new Blob(['x']), { contentType: 'text/csv', idempotencyKey: 'upload-key' });
    expect(keyOf(fetchMock, 0)).toMatch(UUID);
    expect(keyOf(fetchMock, 1)).toMatch(UUID);
    expect(keyOf(fetchMock, 1)).not.toBe(keyOf(fetchMock, 0));
    expect(keyOf(fetchMock, 2)).toBe('the-form-key');
    expect(keyOf(fetchMock, 3)).toMatch(UUID);
    expect(keyOf(fetchMock, 4)).toMatch(UUID);
    expect(keyOf(fetchMock, 5)).toBe('upload-key');
  });

  it("goes with a PUT only when the caller gives one (a sheet of votes sends its submission's)", async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => jsonResponse({ id: 1 }));
    const client = createApiClient({ fetch: fetchMock });
    await client.put('/groups/1/deliberations/3/votes', { votes: [] }, { idempotencyKey: 'the-sheet-key' });
    await client.put('/groups/1/deliberations/3/votes', { votes: [] });
    expect(keyOf(fetchMock, 0)).toBe('the-sheet-key');
    expect(keyOf(fetchMock, 1)).toBeUndefined();
  });

  it('is not sent with reads and the other writes', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(async () => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch: fetchMock });
    await client.get('/me');
    await client.put('/me/password', {});
    await client.patch('/groups/1', {});
    await client.delete('/session');
    await client.download('/enterprises/export');
    for (let i = 0; i < 5; i++) expect(keyOf(fetchMock, i)).toBeUndefined();
  });

  it('is a version 4 UUID even where crypto.randomUUID is missing (plain http on a LAN)', () => {
    const randomUUID = globalThis.crypto.randomUUID.bind(globalThis.crypto);
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(UUID);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
    expect(newIdempotencyKey()).toMatch(UUID);
  });
});

describe('upload', () => {
  it('POSTs the raw body with its media type, extra headers and the CSRF token', async () => {
    const fetchMock = fetchReturning(jsonResponse({ id: 4 }, 202));
    const client = createApiClient({ fetch: fetchMock });
    client.setCsrfToken('tok');
    const file = new Blob(['nama_usaha;sektor\r\n'], { type: 'text/csv' });
    await expect(
      client.upload('/imports', file, {
        contentType: 'text/csv',
        headers: { 'X-File-Name': 'data.csv' },
        query: { kind: 'enterprises', dry_run: false },
      }),
    ).resolves.toEqual({ id: 4 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/imports?kind=enterprises&dry_run=false');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    expect(init?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'text/csv',
      'X-File-Name': 'data.csv',
      'X-CSRF-Token': 'tok',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      'Idempotency-Key': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('turns a refused upload into an ApiError', async () => {
    const client = createApiClient({
      fetch: fetchReturning(jsonResponse({ type: 'urn:gotong:problem:payload-too-large', status: 413, errors: [] }, 413)),
    });
    const error = (await client.upload('/imports', new Blob(['x']), { contentType: 'text/csv' }).catch((e: unknown) => e)) as ApiError;
    expect(error.slug).toBe('payload-too-large');
  });
});

/** Stands in for XMLHttpRequest: reports the body in two steps, then answers `status` with `body`. */
function fakeXhr(status: number, body: unknown, contentType: string) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  class FakeXhr {
    status = 0;
    statusText = '';
    response: string | null = null;
    responseType = '';
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private request = { method: '', url: '', headers: {} as Record<string, string> };
    open(method: string, url: string) {
      this.request.method = method;
      this.request.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    getAllResponseHeaders() {
      return `content-type: ${contentType}\r\n`;
    }
    abort() {
      this.onabort?.();
    }
    send(payload: unknown) {
      sent.push({ ...this.request, body: payload });
      queueMicrotask(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 400, total: 1000 });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1000, total: 1000 });
        this.status = status;
        this.response = JSON.stringify(body);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

describe('upload with progress', () => {
  it('sends through XMLHttpRequest with the same headers, reporting how much has gone', async () => {
    const sent = fakeXhr(200, { id: 9 }, 'application/json');
    const fetchMock = vi.fn<typeof fetch>();
    const client = createApiClient({ fetch: fetchMock });
    client.setCsrfToken('tok');
    const photo = new Blob(['\xff\xd8\xff'], { type: 'image/jpeg' });
    const progress: [number, number][] = [];
    await expect(
      client.upload('/help-requests/9/photo', photo, {
        contentType: 'image/jpeg',
        idempotencyKey: 'photo-key',
        onProgress: (done, total) => progress.push([done, total]),
      }),
    ).resolves.toEqual({ id: 9 });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(progress).toEqual([
      [400, 1000],
      [1000, 1000],
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/help-requests/9/photo', body: photo });
    expect(sent[0]!.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'image/jpeg',
      'X-CSRF-Token': 'tok',
      'Idempotency-Key': 'photo-key',
    });
    vi.unstubAllGlobals();
  });

  it('turns a refused photo into an ApiError naming the field', async () => {
    fakeXhr(
      400,
      { type: 'urn:gotong:problem:invalid-input', status: 400, errors: [{ field: 'photo', code: 'not_an_image', message: 'x' }] },
      'application/problem+json',
    );
    const client = createApiClient({ fetch: vi.fn<typeof fetch>() });
    const error = (await client
      .upload('/help-requests/9/photo', new Blob(['text']), { contentType: 'image/jpeg', onProgress: () => undefined })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.errorsFor('photo').map((e) => e.code)).toEqual(['not_an_image']);
    vi.unstubAllGlobals();
  });
});

describe('download', () => {
  it('returns the body as a Blob with the file name from Content-Disposition', async () => {
    const fetchMock = fetchReturning(
      new Response('\ufeffid;name\r\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="gotong-enterprises-20261123.csv"' },
      }),
    );
    const client = createApiClient({ fetch: fetchMock });
    client.setCsrfToken('tok');
    const result = await client.download('/enterprises/export', { query: { format: 'csv', sector: 'batik' } });
    expect(result.fileName).toBe('gotong-enterprises-20261123.csv');
    expect(await result.blob.text()).toContain('id;name');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/enterprises/export?format=csv&sector=batik');
    expect(init?.method).toBe('GET');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('reads a 403 problem instead of saving it as a file', async () => {
    const client = createApiClient({
      fetch: fetchReturning(jsonResponse({ type: 'urn:gotong:problem:forbidden', status: 403, errors: [] }, 403)),
    });
    const error = (await client.download('/enterprises/export').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.slug).toBe('forbidden');
  });
});

describe('fileNameFromDisposition', () => {
  it('reads quoted, bare and RFC 6266 extended names, preferring the extended one', () => {
    expect(fileNameFromDisposition('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(fileNameFromDisposition('attachment; filename=errors.csv')).toBe('errors.csv');
    expect(fileNameFromDisposition("attachment; filename=\"x.csv\"; filename*=UTF-8''data%20%C3%A9.csv")).toBe('data é.csv');
  });

  it('drops folders and answers null when there is no usable name', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull();
  });
});
