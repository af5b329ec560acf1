// Talks to the real server's JSON API from Node, as a signed-in user: used to set up the data a
// browser test starts from and to check afterwards what the server really stored.
import assert from 'node:assert/strict';

/** Signs in with POST /api/v1/session and returns a small client carrying the cookie and CSRF token. */
export async function apiLogin(baseUrl, { username, password }) {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, `signing in as ${username}: ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const csrf = body.csrf_token;

  /** Any request; resolves with the Response (the body unread). */
  const raw = (method, path, { body: payload, headers = {} } = {}) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Cookie: cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrf }),
        ...(payload !== undefined && typeof payload !== 'string' && !(payload instanceof Uint8Array)
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...headers,
      },
      body:
        payload === undefined || typeof payload === 'string' || payload instanceof Uint8Array
          ? payload
          : JSON.stringify(payload),
    });

  /** A request that must answer `status`; resolves with the JSON body. */
  const json = async (method, path, payload, status) => {
    const response = await raw(method, path, payload === undefined ? {} : { body: payload });
    const text = await response.text();
    assert.equal(response.status, status, `${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };

  return {
    user: body.user,
    raw,
    get: (path) => json('GET', path, undefined, 200),
    post: (path, payload, status = 201) => json('POST', path, payload, status),
    patch: (path, payload) => json('PATCH', path, payload, 200),
    put: (path, payload) => json('PUT', path, payload, 200),
    delete: (path, status = 200) => json('DELETE', path, undefined, status),
  };
}

/** Uploads a CSV as an import job and waits until the server has finished it; resolves with the job. */
export async function importCsv(api, csv, { mode = 'insert', fileName = 'seed.csv', timeoutMs = 15_000 } = {}) {
  const response = await api.raw('POST', `/imports?kind=enterprises&mode=${mode}&dry_run=false`, {
    body: typeof csv === 'string' ? csv : new Uint8Array(csv),
    headers: { 'Content-Type': 'text/csv', 'X-File-Name': fileName },
  });
  const accepted = await response.json();
  assert.equal(response.status, 202, `POST /imports answered ${response.status}: ${JSON.stringify(accepted)}`);
  const id = (accepted.job ?? accepted).id;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.get(`/imports/${id}`);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} did not finish: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
