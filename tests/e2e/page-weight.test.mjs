// What a first visit costs on a slow phone line: the bytes Chromium itself reports as received
// (CDP Network.loadingFinished encodedDataLength: headers and the body as sent, compressed or
// not), summed over every request the page makes with the cache disabled. The login page and the
// group workspace must each stay under 200 KB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const BUDGET_BYTES = 200 * 1024;
const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004';

/**
 * Counts the bytes of every request the page makes from now on, with the browser cache off.
 * `acceptEncoding` replaces the browser's Accept-Encoding (to measure what an uncompressed
 * visit would cost). Returns { total(), requests() }.
 */
async function meter(page, { acceptEncoding } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  const urls = new Map();
  const encodings = new Map();
  const finished = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings.set(event.requestId, headers['content-encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (event) => {
    // data: URLs (inline icons) never cross the network.
    if ((urls.get(event.requestId) ?? '').startsWith('data:')) return;
    finished.push({
      url: urls.get(event.requestId) ?? '?',
      encoding: encodings.get(event.requestId) ?? '?',
      bytes: event.encodedDataLength,
    });
  });
  return {
    total: () => finished.reduce((sum, request) => sum + request.bytes, 0),
    requests: () => finished,
    report: (label) =>
      `${label}: ${(finished.reduce((sum, r) => sum + r.bytes, 0) / 1024).toFixed(1)} KB in ${finished.length} requests\n` +
      finished.map((r) => `  ${(r.bytes / 1024).toFixed(1).padStart(7)} KB ${r.encoding.padEnd(8)} ${pathOf(r.url)}`).join('\n'),
  };
}

/** A request's path, or the whole address when it is not one a URL can hold. */
function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return url || '(no address)';
  }
}

/** t.diagnostic prints one line at a time. */
function diagnose(t, text) {
  for (const line of text.split('\n')) t.diagnostic(line);
}

/** A group led by an account of role group_leader, as groups.test.mjs seeds it. */
async function seedGroup(username) {
  const admin = await apiLogin(env.server.url, ADMIN);
  const group = await admin.post('/groups', {
    name: 'Harapan Sejahtera',
    kind: 'joint_business_group',
    sector: 'food_processing',
    business_centre: 'sentra tape Ngajum',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const leader = await admin.post(`/groups/${group.id}/members`, {
    person: { name: 'Sulastri', gender: 'female' },
    role: 'leader',
    joined_on: '2024-01-15',
  });
  const user = await admin.post('/users', {
    username,
    display_name: 'Sulastri',
    role: 'group_leader',
    password: PASSWORD,
    scope: { kind: 'group', id: group.id },
  });
  await admin.patch(`/groups/${group.id}/members/${leader.id}`, { user_id: user.id });
  return { group, login: { username, password: PASSWORD } };
}

async function visitLogin(page, options) {
  const counter = await meter(page, options);
  await page.goto(`${env.server.url}/login`);
  await page.getByRole('button', { name: 'Masuk' }).waitFor();
  await page.waitForLoadState('networkidle');
  return counter;
}

async function visitWorkspace(page, seed, options) {
  await logIn(page, env.server.url, seed.login);
  const counter = await meter(page, options);
  await page.goto(`${env.server.url}/groups/${seed.group.id}`);
  await page.getByRole('heading', { level: 1, name: seed.group.name }).waitFor();
  await page.waitForLoadState('networkidle');
  return counter;
}

test('a first visit to the login page transfers under 200 KB, its scripts compressed', async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    const counter = await visitLogin(page);
    diagnose(t, counter.report('login page'));
    assert.ok(counter.total() < BUDGET_BYTES, counter.report('login page over budget'));
    const scripts = counter.requests().filter((r) => r.url.endsWith('.js'));
    assert.ok(scripts.length > 0, 'the login page loads its scripts');
    for (const script of scripts) assert.match(script.encoding, /^(br|gzip)$/, `${script.url} was sent ${script.encoding}`);
  });
});

test('a first visit to the group workspace transfers under 200 KB', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('ketua-berat');
  await withPage(env.browser, t, PHONE, async (page) => {
    const counter = await visitWorkspace(page, seed);
    diagnose(t, counter.report('group workspace'));
    assert.ok(counter.total() < BUDGET_BYTES, counter.report('group workspace over budget'));
  });
});

test('the same visits without compression, for comparison (reported, not judged)', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('ketua-polos');
  await withPage(env.browser, t, PHONE, async (page) => {
    diagnose(t, (await visitLogin(page, { acceptEncoding: 'identity' })).report('login page, identity'));
  });
  await withPage(env.browser, t, PHONE, async (page) => {
    diagnose(t, (await visitWorkspace(page, seed, { acceptEncoding: 'identity' })).report('group workspace, identity'));
  });
});
