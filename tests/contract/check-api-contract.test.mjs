// scripts/check-api-contract.mjs: what it accepts and what it rejects, on a small spec written
// here and on docs/openapi.yaml itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { checkRecords, ContractChecker, formatReport, loadSpec } from '../../scripts/check-api-contract.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/check-api-contract.mjs', import.meta.url));

const problem = { $ref: '#/components/responses/NotFound' };
const SPEC = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/users/me': {
      get: { responses: { '200': { description: 'me', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } },
    },
    '/api/v1/users/{id}': {
      get: { responses: { '200': { description: 'a user', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, '404': problem } },
      delete: { responses: { '204': { description: 'gone' } } },
    },
    '/api/v1/users.csv': {
      get: { responses: { '200': { description: 'csv', content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    responses: {
      NotFound: { description: 'not found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
    schemas: {
      User: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'username', 'created_at'],
        properties: {
          id: { type: 'integer', format: 'int64' },
          username: { type: 'string', example: 'siti' },
          created_at: { type: 'string', format: 'date-time' },
          scope: { type: ['object', 'null'] },
        },
      },
      // "Item" is not "User", so that a test can tell which operation a path matched.
      Item: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'errors'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, errors: { type: 'array' } },
      },
    },
  },
};

function reply(method, target, status, body, contentType = 'application/json') {
  const record = { backend: 'sqlite', test: 'Suite.Case', method, target, status, content_type: contentType, body_bytes: 0, source: 'test:1' };
  if (body !== undefined) {
    record.body = body;
    record.body_bytes = JSON.stringify(body).length;
  }
  return record;
}

const USER = { id: 7, username: 'siti', created_at: '2026-01-05T08:00:00Z', scope: null };
const NOT_FOUND = { type: 'urn:gotong:problem:not-found', title: 'Not found', status: 404, errors: [] };

const checkers = new WeakMap();
function mismatches(record, spec = SPEC) {
  if (!checkers.has(spec)) checkers.set(spec, new ContractChecker(spec));
  return checkers.get(spec).check(record).map((m) => `${m.group} | ${m.where} | ${m.message}`);
}

let realSpec;
function loadRealSpec() {
  realSpec ??= loadSpec();
  return realSpec;
}

test('a response that matches its schema passes', () => {
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users/me', 200, USER)), []);
});

test('a body without a required field fails, naming the field and the pointer', () => {
  const { created_at: _, ...body } = USER;
  const found = mismatches(reply('GET', '/api/v1/users/me', 200, body));
  assert.equal(found.length, 1);
  assert.match(found[0], /^GET \/api\/v1\/users\/me -> 200 \| \/ \| must have required property 'created_at'/);
});

test('a field of the wrong type fails at its pointer', () => {
  const found = mismatches(reply('GET', '/api/v1/users/me', 200, { ...USER, id: '7' }));
  assert.equal(found.length, 1);
  assert.match(found[0], /\| \/id \| must be integer/);
});

test('a malformed format fails', () => {
  const found = mismatches(reply('GET', '/api/v1/users/me', 200, { ...USER, created_at: 'yesterday' }));
  assert.equal(found.length, 1);
  assert.match(found[0], /\| \/created_at \| must match format "date-time"/);
});

test('a field the schema does not allow fails, naming it', () => {
  const found = mismatches(reply('GET', '/api/v1/users/me', 200, { ...USER, password_hash: 'x' }));
  assert.equal(found.length, 1);
  assert.match(found[0], /must NOT have additional properties: "password_hash"/);
});

test('a status the operation does not document fails', () => {
  const found = mismatches(reply('GET', '/api/v1/users/me', 418, NOT_FOUND, 'application/problem+json'));
  assert.deepEqual(found, ['GET /api/v1/users/me -> 418 |  | status 418 is not documented (documented: 200)']);
});

test('a problem answer is checked against the documented Problem schema', () => {
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users/3', 404, NOT_FOUND, 'application/problem+json')), []);
  const { errors: _, ...withoutErrors } = NOT_FOUND;
  const found = mismatches(reply('GET', '/api/v1/users/3', 404, withoutErrors, 'application/problem+json'));
  assert.equal(found.length, 1);
  assert.match(found[0], /^GET \/api\/v1\/users\/\{id\} -> 404 \| \/ \| must have required property 'errors'/);
});

test('a Content-Type the status does not document fails', () => {
  const found = mismatches(reply('GET', '/api/v1/users/3', 404, NOT_FOUND, 'application/json'));
  assert.deepEqual(found, ['GET /api/v1/users/{id} -> 404 |  | Content-Type application/json is not documented (documented: application/problem+json)']);
});

test('a literal path segment wins over a template, and a template matches any id', () => {
  // /users/me is the User operation, /users/42 the Item one: each body fits only its own.
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users/me', 200, USER)), []);
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users/42?x=1', 200, { name: 'n' })), []);
  assert.equal(mismatches(reply('GET', '/api/v1/users/42', 200, USER)).length, 1);
});

test('a body where none is documented fails, and none where one is documented', () => {
  assert.deepEqual(mismatches(reply('DELETE', '/api/v1/users/3', 204)), []);
  assert.deepEqual(mismatches(reply('DELETE', '/api/v1/users/3', 204, { ok: true })),
    ['DELETE /api/v1/users/{id} -> 204 |  | a application/json body was sent where none is documented']);
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users/me', 200, undefined, '')),
    ['GET /api/v1/users/me -> 200 |  | no body was sent; documented: application/json']);
});

test('a JSON body that did not parse fails', () => {
  const record = { ...reply('GET', '/api/v1/users/me', 200), body_bytes: 3, body_error: 'not JSON: syntax error' };
  assert.deepEqual(mismatches(record), ['GET /api/v1/users/me -> 200 |  | the application/json body is not JSON: not JSON: syntax error']);
});

test('HEAD is answered by GET without a body, and a non-JSON body is checked by type only', () => {
  const head = { ...reply('HEAD', '/api/v1/users/me', 200, undefined), content_type: 'application/json' };
  assert.deepEqual(mismatches(head), []);
  const csv = { ...reply('GET', '/api/v1/users.csv', 200, undefined, 'text/csv'), body_bytes: 40 };
  assert.deepEqual(mismatches(csv), []);
});

test('an undocumented path must be a 404 problem, an undocumented method a 405 problem', () => {
  assert.deepEqual(mismatches(reply('GET', '/api/v1/nothing', 404, NOT_FOUND, 'application/problem+json')), []);
  assert.deepEqual(mismatches(reply('GET', '/api/v1/nothing', 200, USER)),
    ['GET /api/v1/nothing (path not documented) -> 200 |  | the spec has no such path; expected 404, got 200']);
  const notAllowed = { ...NOT_FOUND, type: 'urn:gotong:problem:method-not-allowed', status: 405 };
  assert.deepEqual(mismatches(reply('PUT', '/api/v1/users/me', 405, notAllowed, 'application/problem+json')), []);
  assert.equal(mismatches(reply('PUT', '/api/v1/users/me', 405, { type: 'x' }, 'application/problem+json')).length, 3);
});

test('the report groups one mismatch seen many times and counts coverage', () => {
  const { created_at: _, ...body } = USER;
  const result = checkRecords(SPEC, [
    reply('GET', '/api/v1/users/me', 200, body),
    reply('GET', '/api/v1/users/me', 200, body),
    reply('GET', '/api/v1/users/3', 200, { name: 'n' }),
  ]);
  assert.equal(result.failures, 2);
  const report = formatReport(result, { uncovered: true });
  assert.match(report, /^GET \/api\/v1\/users\/me -> 200\n  \/: must have required property 'created_at'.*\n    2x, e.g. sqlite Suite.Case: GET \/api\/v1\/users\/me \(test:1\)$/m);
  assert.match(report, /2 of 3 recorded responses do not match/);
  assert.match(report, /coverage: 2 of 4 operations answered at least once; 2 of 5 documented responses seen/);
  assert.match(report, /operations no test called:\n {2}DELETE \/api\/v1\/users\/\{id\}\n {2}GET \/api\/v1\/users.csv/);
});

test('docs/openapi.yaml: a health answer passes, one missing a field or with an undocumented status fails', () => {
  const spec = loadRealSpec();
  const health = { status: 'ok', version: '0.1.0', database: 'sqlite' };
  assert.deepEqual(mismatches(reply('GET', '/api/v1/health', 200, health), spec), []);
  assert.match(mismatches(reply('GET', '/api/v1/health', 200, { status: 'ok', version: '0.1.0' }), spec)[0],
    /must have required property 'database'/);
  assert.match(mismatches(reply('GET', '/api/v1/health', 404, NOT_FOUND, 'application/problem+json'), spec)[0],
    /status 404 is not documented/);
});

test('docs/openapi.yaml: a mistake inside a nullable component is reported once, by component', () => {
  const spec = loadRealSpec();
  const path = [{ code: '35', name: 'Jawa Timur' }, { code: '35.79', name: 'Kota Batu' }];
  const region = { code: '35.79', name: 'Kota Batu', level: 'regency', parent_code: '35', has_children: true, path };
  const stakeholder = { id: 1, name: 'Dinas', helix: 'government', kind: 'agency', region_code: '35.79', region,
    contact: null, created_at: '2026-01-05T08:00:00Z', updated_at: '2026-01-05T08:00:00Z' };
  assert.deepEqual(mismatches(reply('GET', '/api/v1/stakeholders/1', 200, stakeholder), spec), []);
  const found = mismatches(reply('GET', '/api/v1/stakeholders/1', 200,
    { ...stakeholder, region: { ...region, population: 1 } }), spec);
  assert.deepEqual(found, ['GET /api/v1/stakeholders/{id} -> 200 | /region | must NOT have additional properties: ' +
    '"population" (schema #/components/schemas/Region/additionalProperties)']);
});

test('docs/openapi.yaml: a page with a member it does not document fails', () => {
  const spec = loadRealSpec();
  const page = { items: [], total: 0, limit: 50, offset: 0 };
  assert.deepEqual(mismatches(reply('GET', '/api/v1/users', 200, page), spec), []);
  const found = mismatches(reply('GET', '/api/v1/users', 200, { ...page, next: null }), spec);
  assert.equal(found.length, 1);
  assert.match(found[0], /^GET \/api\/v1\/users -> 200 \| \/ \| must NOT have unevaluated properties: "next"/);
});

function runCli(lines, ...args) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gotong-contract-'));
  try {
    if (lines.length > 0) {
      writeFileSync(path.join(dir, 'responses-1.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    }
    return spawnSync(process.execPath, [SCRIPT, dir, ...args], { encoding: 'utf8', env: { ...process.env, GOTONG_API_RECORD_DIR: '' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the command exits 0 on conforming responses, 1 on a mismatch or a missing backend, 2 on none', () => {
  const good = reply('GET', '/api/v1/health', 200, { status: 'ok', version: '0.1.0', database: 'sqlite' });
  const ok = runCli([good]);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /coverage: 1 of \d+ operations/);

  const bad = runCli([good, { ...good, body: { status: 'ok' } }]);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /GET \/api\/v1\/health -> 200\n {2}\/: must have required property 'version'/);
  assert.match(bad.stdout, /1 of 2 recorded responses do not match/);

  const oneBackend = runCli([good], '--backends', 'sqlite,postgresql');
  assert.equal(oneBackend.status, 1);
  assert.match(oneBackend.stderr, /no responses recorded for postgresql/);

  const none = runCli([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no recorded responses/);
});
