// The product speaks its reader's language, against the real server with `gotong demo`'s data
// and an import run from the console: a menu entry only for a page that exists and no word of
// what comes "later"; the system that recorded something named in Indonesian; no English word
// on the Indonesian pages; and a page the role may not use says so and shows the way back.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, eventually, logIn, withPage, useServerAndBrowser, clean, dayInIndonesia } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

/** What the tests start from: the demo's logins and the ids of the records they open. */
const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  // The demo prints one line per account: "  ketua        group_leader  password: …".
  const output = await server.cli(['demo'], { timeoutMs: 240_000 });
  seed.logins = Object.fromEntries(
    [...output.matchAll(/^\s+(\S+)\s+\S+\s+password: (\S+)\s*$/gm)].map(([, username, password]) => [
      username,
      { username, password },
    ]),
  );
  assert.ok(seed.logins.ketua && seed.logins.anggota && seed.logins.petugas, `demo logins in:\n${output}`);

  // An import run from the console: its job was started by no account.
  const csv = path.join(server.dir, 'konsol.csv');
  await writeFile(
    csv,
    'nama_pemilik;nama_usaha;sektor;kode_desa;nib\r\nRina Marlina;Jamu Rina;olahan pangan;35.79.01.2005;123\r\n',
  );
  await server.cli(['import', 'enterprises', csv, '--mode', 'insert']).catch((error) => {
    // A file with a refused row may end with a non-zero status; the job is there all the same.
    if (!/gagal|failed/i.test(String(error))) throw error;
  });

  const admin = await apiLogin(server.url, ADMIN);
  seed.admin = admin;
  seed.tape = (await admin.get('/groups?limit=200')).items.find((group) => group.name.includes('Harapan Sejahtera'));
  assert.ok(seed.tape, 'the demo tape group');
  seed.meeting = (await admin.get(`/groups/${seed.tape.id}/meetings?limit=1`)).items[0];
  seed.deliberation = (await admin.get(`/groups/${seed.tape.id}/deliberations?limit=1`)).items[0];
  assert.ok(seed.meeting && seed.deliberation, 'a meeting and a deliberation of the tape group');
  seed.importJob = (await admin.get('/imports?limit=50')).items.find((job) => job.file_name === 'konsol.csv');
  assert.ok(seed.importJob, 'the console import among the jobs');
  // An enterprise the demo data verified: by no account.
  const enterprises = (await admin.get('/enterprises?limit=50&stale=false')).items;
  seed.verified = enterprises.find((e) => e.verified_at && e.verified_by && e.verified_by.id === null);
  assert.ok(seed.verified, 'an enterprise verified by the demo data');
  seed.user = (await admin.get('/users?limit=200')).items.find((user) => user.username === 'petugas');

  // A learning cycle of the tape group under way, with a session and an evaluation asked for, and
  // a mentorship: the learning tab and a cycle's page have something to say.
  const members = (await admin.get(`/groups/${seed.tape.id}/members?limit=200`)).items.filter((m) => m.active);
  const [mentor, ...learners] = members;
  const yeast = (await admin.get('/competencies?sector=food_processing&limit=200')).items.find((c) => c.code === 'tape.ragi');
  seed.cycle = await admin.post('/cycles', {
    group_id: seed.tape.id,
    title: 'Belajar ragi',
    theme: 'Tape ketan hitam',
    mentor_member_id: mentor.id,
    mentor_origin: 'community',
    venue: 'rumah ketua',
    targets: [{ competency_id: yeast.id, level: 2 }],
    mentees: learners.slice(0, 2).map((m) => ({ member_id: m.id })),
  });
  await admin.post(`/cycles/${seed.cycle.id}/transitions`, { to: 'implementation' }, 200);
  await admin.post(`/cycles/${seed.cycle.id}/sessions`, {
    held_on: dayInIndonesia(-1),
    practice: 'membuat ragi dari tepung beras',
    attendance: [{ member_id: learners[0].id, presence: 'present' }, { member_id: learners[1].id, presence: 'excused' }],
  });
  await admin.post(`/cycles/${seed.cycle.id}/evaluations`, { member_id: learners[0].id, competency_id: yeast.id, achieved: true, level: 2, on_request: true });
  await admin.post('/mentorships', { group_id: seed.tape.id, mentor_member_id: mentor.id, mentor_origin: 'community', mentee_member_id: learners[0].id, started_on: dayInIndonesia(-30) });

  // A programme (issue 15) with a partner and criteria, the tape group enrolled, a soft loan to it
  // and a repayment: every programme page and its change log have something to say.
  const stakeholders = (await admin.get('/stakeholders?limit=200')).items;
  const owner = stakeholders.find((s) => s.helix === 'civil_society') ?? stakeholders[0];
  const partner = stakeholders.find((s) => s.id !== owner.id);
  seed.programme = await admin.post('/programmes', {
    name: 'Pendampingan Kelompok Tape',
    owner_id: owner.id,
    starts_on: dayInIndonesia(-90),
    ends_on: dayInIndonesia(270),
    factors: ['capital_access', 'human_resources'],
    budget: 50_000_000,
    exit_strategy: 'Pendampingan diserahkan kepada tokoh lokal kelompok.',
    follow_up_months: [3, 6],
    partners: partner ? [{ stakeholder_id: partner.id, contribution: 'pelatihan' }] : [],
    criteria: { sectors: ['food_processing'], homogeneous: false },
  });
  await admin.patch(`/programmes/${seed.programme.id}`, { status: 'active' });
  await admin.post(`/programmes/${seed.programme.id}/enrolments`, { group_id: seed.tape.id });
  seed.loan = await admin.post('/assistance', {
    programme_id: seed.programme.id,
    provider_id: owner.id,
    group_id: seed.tape.id,
    kind: 'soft_loan',
    value: 6_000_000,
    given_on: dayInIndonesia(-60),
    disbursed_on: dayInIndonesia(-60),
    loan: { annual_rate_bp: 600, term_months: 6, method: 'declining', first_due_on: dayInIndonesia(-30) },
  });
  await admin.post(`/loans/${seed.loan.id}/repayments`, { paid_on: dayInIndonesia(-29), amount: 500_000 });
});

/** Opens `url` and waits until its heading is shown and nothing is loading any more. */
async function openPage(page, url) {
  await page.goto(url);
  await page.locator('#main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await eventually(
    async () => (await page.locator('[role="status"]').filter({ hasText: /^Memuat/ }).count()) === 0,
    { message: `${url} to finish loading` },
  );
}

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** Words of a developer or of a plan, which a treasurer has no use for. */
const PLANS = /rilis berikutnya|hadir bertahap|nanti memakai|belum tersedia|segera hadir|placeholder|coming soon|later release|\bTODO\b/i;

test('every menu entry opens a page that exists, and no page speaks of what comes later', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    const links = await page
      .getByTestId('primary-nav')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent.trim(), href: a.getAttribute('href') })));
    assert.ok(links.length >= 8, JSON.stringify(links));
    for (const { name, href } of links) {
      await openPage(page, `${env.server.url}${href}`);
      const heading = clean(await page.locator('#main h1').first().textContent());
      assert.notEqual(heading, 'Halaman tidak ditemukan', `the menu entry ${name} leads nowhere`);
      const text = await page.locator('body').innerText();
      assert.doesNotMatch(text, PLANS, `${name} (${href})`);
    }
  });
  // A member on her phone: every entry of her menu too.
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.logins.anggota);
    await page.getByTestId('menu-button').click();
    const links = await page
      .getByTestId('primary-nav')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent.trim(), href: a.getAttribute('href') })));
    for (const { name, href } of links) {
      await openPage(page, `${env.server.url}${href}`);
      assert.notEqual(clean(await page.locator('#main h1').first().textContent()), 'Halaman tidak ditemukan', name);
      assert.doesNotMatch(await page.locator('body').innerText(), PLANS, `${name} (${href})`);
    }
  });
});

test('what the demo data or the console recorded says "sistem", never the server\'s "system"', { timeout: 60_000 }, async (t) => {
  // The group leader reads her books on her phone.
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.logins.ketua);
    await openPage(page, `${env.server.url}/groups/${seed.tape.id}/treasury`);
    // A ledger row opens on a tap to say who recorded it.
    const rows = page.locator('.ledger-row__summary');
    assert.ok((await rows.count()) > 0, 'the ledger lists its entries');
    await rows.first().click();
    await page.locator('.entry__by').first().waitFor();
    const byLines = (await page.locator('.entry__by').allTextContents()).map(clean);
    assert.ok(byLines.includes('Dicatat oleh sistem'), JSON.stringify(byLines.slice(0, 5)));
    assert.doesNotMatch(await page.locator('body').innerText(), /\bsystem\b/i);
  });
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openPage(page, `${env.server.url}/registry/${seed.verified.id}`);
    assert.match(clean(await page.getByTestId('verified-at').textContent()), / oleh sistem$/);
    assert.doesNotMatch(await page.locator('body').innerText(), /\bsystem\b/i);

    await openPage(page, `${env.server.url}/imports/${seed.importJob.id}`);
    assert.match(clean(await page.locator('#main').innerText()), / oleh sistem\b/);
    assert.doesNotMatch(await page.locator('body').innerText(), /\bsystem\b/i);
    await openPage(page, `${env.server.url}/imports`);
    assert.doesNotMatch(await page.locator('body').innerText(), /\bsystem\b/i);
  });
});

/**
 * English words a reader of the Indonesian pages must not meet: common words of sentences, the
 * buttons and states of an untranslated screen, the names of records and of what was done to
 * them as the server calls them, and what a program prints for a value it does not have.
 */
const ENGLISH = [
  'the', 'and', 'of', 'to', 'for', 'with', 'by', 'from', 'is', 'are', 'not', 'this', 'that', 'or', 'on', 'at',
  'save', 'cancel', 'loading', 'error', 'delete', 'edit', 'submit', 'close', 'open', 'back', 'next', 'previous',
  'yes', 'none', 'empty', 'unknown', 'members', 'member', 'meeting', 'meetings', 'date', 'name', 'group', 'groups',
  'user', 'users', 'entry', 'entries', 'amount', 'balance', 'ledger', 'vote', 'votes', 'order', 'orders',
  'enterprise', 'enterprises', 'record', 'created', 'updated', 'deleted', 'import', 'failed', 'succeeded',
  'queued', 'running', 'true', 'false', 'null', 'undefined', 'nan', 'invalid',
  'create', 'update', 'verify', 'login', 'logout', 'revoke', 'attendance', 'present', 'excused', 'absent',
  'share', 'useful', 'claim', 'post', 'decide', 'withdraw', 'supplier', 'purchase', 'fee', 'rule', 'asset',
  'owner', 'steward', 'scope', 'kind', 'source', 'count', 'title', 'text', 'note', 'price', 'quantity', 'venue',
  'equipment', 'shop', 'offer', 'request', 'technique', 'other', 'held', 'planned', 'closed', 'active', 'paid',
  'delivered', 'year', 'month', 'day',
];
// A word on its own, or part of a server's name such as `created_by`; not inside a username
// (e2e-admin), an address or a file name (konsol.csv).
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\p{N}@.-])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}@-])`, 'giu');

/** The English words in `text`, with a little context each; "[object" too. */
function englishIn(text) {
  const found = [];
  for (const match of text.matchAll(ENGLISH_WORD)) {
    found.push(`"${match[0]}" in "…${text.slice(Math.max(0, match.index - 30), match.index + 30).replace(/\s+/g, ' ')}…"`);
  }
  if (text.includes('[object')) found.push('"[object"');
  return found;
}

/** What a reader meets on the page: its text, its title, and the names screen readers say. */
function wordsOnPage(page) {
  return page.evaluate(() => {
    const said = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .filter((element) => !element.closest('[aria-hidden="true"]'))
      .flatMap((element) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name)))
      .filter(Boolean);
    return [document.title, document.body.innerText, ...said].join('\n');
  });
}

/** Every kind of record the server writes to the change log (and the web app names). */
const AUDITED = [
  'user', 'session', 'api_token', 'stakeholder', 'person', 'enterprise', 'import', 'export', 'regions', 'group',
  'membership', 'meeting', 'deliberation', 'norm', 'ledger_entry', 'fee_rule', 'common_asset', 'market_area',
  'joint_order', 'knowledge_post', 'material_post', 'collective_purchase',
  // the mentoring work (issue 14)
  'competency', 'mentorship', 'learning_cycle', 'cycle_session', 'evaluation', 'survey', 'survey_response',
  'survey_code', 'code_tag', 'help_request', 'matching_run',
  // programmes, the assistance ledger and soft loans (issue 15)
  'programme', 'enrolment', 'assistance', 'loan',
];

test('the Indonesian pages have no English word in them', { timeout: 300_000 }, async (t) => {
  const tape = `/groups/${seed.tape.id}`;
  const pages = [
    '/',
    '/registry',
    `/registry/${seed.verified.id}`,
    '/registry/areas',
    '/renewal',
    '/stakeholders',
    '/imports',
    `/imports/${seed.importJob.id}`,
    '/groups',
    '/groups/compliance',
    tape,
    `${tape}/members`,
    `${tape}/meetings`,
    `${tape}/meetings/${seed.meeting.id}`,
    `${tape}/deliberations`,
    `${tape}/deliberations/${seed.deliberation.id}`,
    `${tape}/learning`,
    `${tape}/learning/${seed.cycle.id}`,
    `${tape}/treasury`,
    `${tape}/markets`,
    `${tape}/orders`,
    `${tape}/materials`,
    `${tape}/knowledge`,
    `${tape}/compliance`,
    `${tape}/settings`,
    '/competencies',
    '/matching',
    '/programmes',
    '/programmes/new',
    ...['', '/enrolments', '/budget', '/ledger', '/loans', '/learning', '/edit'].map((tab) => `/programmes/${seed.programme.id}${tab}`),
    `/loans/${seed.loan.id}`,
    '/users',
    `/users/${seed.user.id}`,
    '/audit',
    '/regions',
    '/account',
  ];
  // The change log opened on one entry of each thing done to each kind of record.
  for (const entity of AUDITED) {
    const entries = (await seed.admin.get(`/audit?entity=${entity}&limit=25`)).items;
    const byAction = new Map(entries.map((entry) => [entry.action, entry.id]));
    for (const id of byAction.values()) pages.push(`/audit?entity=${entity}&entry=${id}`);
  }
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    const leaks = [];
    for (const at of pages) {
      await openPage(page, `${env.server.url}${at}`);
      const words = englishIn(await wordsOnPage(page));
      if (words.length > 0) leaks.push(`${at}: ${[...new Set(words)].slice(0, 8).join(', ')}`);
    }
    assert.deepEqual(leaks, [], `English on the Indonesian pages:\n${leaks.join('\n')}`);
  });
});

test('on a phone, a member who opens the registry and an officer who opens the users page are told it is not for their role, and find their way', { timeout: 60_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.logins.anggota);
    await page.goto(`${env.server.url}/registry`);
    await page.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    const card = page.getByTestId('forbidden');
    assert.match(clean(await card.textContent()), /Anda masuk sebagai Anggota/);
    const links = (await card.getByRole('link').allTextContents()).map(clean);
    assert.deepEqual(links, ['Beranda', 'Pemangku kepentingan', 'Kelompok', 'Kompetensi', 'Pilihan program saya', 'Akun']);
    await assertFitsPhone(page, 'the no-access page');
    const box = await card.getByRole('link', { name: 'Kelompok' }).boundingBox();
    assert.ok(box.height >= 40, `the link is ${box.height}px tall: easy to tap`);

    await card.getByRole('link', { name: 'Kelompok' }).click();
    await page.getByRole('heading', { level: 1, name: seed.tape.name }).waitFor();
  });
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.logins.petugas);
    await page.goto(`${env.server.url}/users`);
    await page.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    const card = page.getByTestId('forbidden');
    assert.match(clean(await card.textContent()), /Anda masuk sebagai Petugas Dinas/);
    const links = (await card.getByRole('link').allTextContents()).map(clean);
    assert.ok(links.includes('Registri UMKM') && !links.includes('Pengguna'), JSON.stringify(links));
    await card.getByRole('link', { name: 'Registri UMKM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registri UMKM' }).waitFor();
  });
});
