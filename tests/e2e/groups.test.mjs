// The group workspace against the real server, as a group leader uses it: on a 360×740 phone.
// Every test sets up its own group through the API as admin (a group in Banjarsari, Ngajum, its
// members created inline, and a group_leader account linked to the leader's membership), then
// works in the browser as that leader and checks what the server stored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, eventually, logIn, withPage, useServerAndBrowser, clean } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang

let groupCount = 0;

/**
 * A joint business group with Sulastri (leader), Painem and Tukini (members), and an account of
 * role group_leader scoped to the group and linked to Sulastri's membership.
 */
async function seedGroup(name) {
  const admin = await apiLogin(env.server.url, ADMIN);
  groupCount += 1;
  const group = await admin.post('/groups', {
    name,
    kind: 'joint_business_group',
    sector: 'food_processing',
    business_centre: 'sentra tape Ngajum',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const member = (personName, role) =>
    admin.post(`/groups/${group.id}/members`, {
      person: { name: personName, gender: 'female' },
      role,
      joined_on: '2024-01-15',
    });
  const leader = await member('Sulastri', 'leader');
  const painem = await member('Painem', 'member');
  const tukini = await member('Tukini', 'member');
  const username = `ketua-${groupCount}`;
  const user = await admin.post('/users', {
    username,
    display_name: 'Sulastri',
    role: 'group_leader',
    password: PASSWORD,
    scope: { kind: 'group', id: group.id },
  });
  await admin.patch(`/groups/${group.id}/members/${leader.id}`, { user_id: user.id });
  return { admin, group, members: { leader, painem, tukini }, login: { username, password: PASSWORD } };
}

/** The page's width as the browser lays it out: more than 360 means the reader must scroll sideways. */
async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** Signs in as the group's leader and opens her group (a group's own account lands in it). */
async function openGroup(page, seed) {
  await logIn(page, env.server.url, seed.login);
  await page.goto(`${env.server.url}/groups`);
  await page.waitForURL(`${env.server.url}/groups/${seed.group.id}`);
  await page.getByRole('heading', { level: 1, name: seed.group.name }).waitFor();
}

async function openTab(page, name) {
  await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name, exact: true }).click();
}

test('on a phone the leader records a meeting held today and takes attendance in taps; the server keeps it', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Harapan Sejahtera');
  await withPage(env.browser, t, PHONE, async (page) => {
    await openGroup(page, seed);
    await assertFitsPhone(page, 'the group summary');

    await openTab(page, 'Pertemuan');
    await page.getByRole('button', { name: 'Catat pertemuan' }).click();
    const form = page.getByTestId('meeting-form');
    // The date starts at today: the meeting was held, so attendance is taken at once.
    await form.getByLabel('Tempat').fill('rumah Bu Sulastri');
    await form.getByRole('button', { name: 'Simpan pertemuan' }).click();
    await page.waitForURL(new RegExp(`/groups/${seed.group.id}/meetings/\\d+$`));
    const meetingId = Number(page.url().split('/').at(-1));
    await page.getByText('Pertemuan sudah dicatat.').waitFor();

    const attendance = page.getByTestId('attendance');
    await attendance.getByRole('button', { name: 'Semua hadir' }).click();
    const tukini = page.getByTestId(`attendance-${seed.members.tukini.id}`);
    await tukini.getByRole('button', { name: 'Izin' }).click();
    assert.equal(await tukini.getByRole('button', { name: 'Izin' }).getAttribute('aria-pressed'), 'true');
    assert.equal(clean(await page.getByTestId('attendance-counts').textContent()), 'Hadir 2 · Izin 1 · Absen 0');
    await assertFitsPhone(page, 'the attendance list');
    await attendance.getByRole('button', { name: 'Simpan daftar hadir' }).click();
    await page.getByText('Daftar hadir sudah disimpan.').waitFor();

    const meeting = await seed.admin.get(`/groups/${seed.group.id}/meetings/${meetingId}`);
    assert.equal(meeting.status, 'held');
    assert.deepEqual(
      { present: meeting.present, excused: meeting.excused, absent: meeting.absent },
      { present: 2, excused: 1, absent: 0 },
    );
    const byMember = Object.fromEntries(meeting.attendance.map((line) => [line.member_id, line.presence]));
    assert.deepEqual(byMember, {
      [seed.members.leader.id]: 'present',
      [seed.members.painem.id]: 'present',
      [seed.members.tukini.id]: 'excused',
    });

    // The meetings list shows the counts the server now holds.
    await page.getByRole('link', { name: 'Semua pertemuan' }).click();
    const card = page.getByTestId(`meeting-${meetingId}`);
    await eventually(async () => clean(await card.textContent()).includes('Hadir 2 · Izin 1 · Absen 0'), {
      message: 'the meeting card to show the counts',
    });
  });
});

test('on a phone the leader puts a proposal to the vote, votes herself, enters the others on one sheet, decides and sees it agreed', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Sumber Rejeki');
  await withPage(env.browser, t, PHONE, async (page) => {
    await openGroup(page, seed);
    await openTab(page, 'Musyawarah');
    await page.getByRole('button', { name: 'Usulan baru' }).click();
    const form = page.getByTestId('deliberation-form');
    await form.getByLabel('Judul usulan *').fill('Harga tape seragam');
    await form.getByLabel('Topik *').selectOption('price');
    await form.getByRole('textbox', { name: 'Pilihan 1' }).fill('Rp 10.000 per kg');
    await form.getByRole('textbox', { name: 'Pilihan 2' }).fill('Rp 12.000 per kg');
    await form.getByRole('button', { name: 'Simpan usulan' }).click();
    await page.waitForURL(new RegExp(`/groups/${seed.group.id}/deliberations/\\d+$`));
    const deliberationId = Number(page.url().split('/').at(-1));
    await page.getByText('Usulan sudah dicatat.').waitFor();

    // Sulastri has her own account: she votes in "Suara Anda".
    const own = page.getByTestId('own-vote');
    await own.getByRole('button', { name: 'Rp 10.000 per kg' }).click();
    await own.getByRole('button', { name: 'Simpan suara saya' }).click();
    await own.getByText('Suara Anda sudah disimpan.').waitFor();

    // Painem and Tukini have none: their votes go on the sheet, saved at once.
    const sheet = page.getByTestId('vote-sheet');
    await page.getByTestId(`voter-${seed.members.painem.id}`).getByRole('button', { name: 'Rp 10.000 per kg' }).click();
    await page.getByTestId(`voter-${seed.members.tukini.id}`).getByRole('button', { name: 'Rp 12.000 per kg' }).click();
    await sheet.getByRole('button', { name: 'Simpan 2 suara' }).click();
    await sheet.getByText('2 suara sudah disimpan.').waitFor();
    assert.match(clean(await page.getByTestId('tally').textContent()), /Rp 10\.000 per kg2 suara \(66,7%\)/);
    await assertFitsPhone(page, 'the proposal with its votes');

    const decide = page.getByTestId('decide');
    await decide.getByRole('button', { name: 'Hitung suara dan putuskan' }).click();
    await decide.getByRole('button', { name: 'Ya, hitung dan putuskan' }).click();
    await page.getByText('Usulan sudah diputuskan.').waitFor();
    const card = page.getByTestId('deliberation');
    assert.match(clean(await card.textContent()), /Disepakati pada/);
    assert.match(clean(await page.getByTestId('norm').textContent()), /Harga tape seragam: Rp 10\.000 per kg/);

    const decided = await seed.admin.get(`/groups/${seed.group.id}/deliberations/${deliberationId}`);
    assert.equal(decided.outcome, 'agreed');
    assert.equal(decided.votes_cast, 3);
    assert.equal(decided.options.find((o) => o.id === decided.option_id).label, 'Rp 10.000 per kg');
  });
});

test('on a phone the leader records a fee of "10.000" in Kas and the statement shows cash of Rp 10.000', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Makmur Bersama');
  await withPage(env.browser, t, PHONE, async (page) => {
    await openGroup(page, seed);
    await openTab(page, 'Kas');
    const cash = page.getByTestId('cash-balance');
    await cash.waitFor();
    assert.equal(clean(await cash.textContent()), 'Rp 0');

    await page.getByRole('button', { name: 'Catat transaksi' }).click();
    const form = page.getByTestId('entry-form');
    await form.getByLabel('Jenis transaksi').selectOption('fee_payment');
    await form.getByLabel('Iuran siapa *').selectOption({ label: 'Painem' });
    await form.getByLabel('Jumlah *').fill('10.000');
    await form.getByRole('button', { name: 'Simpan transaksi' }).click();
    await page.getByText('Transaksi Rp 10.000 sudah dicatat.', { exact: false }).waitFor();
    await eventually(async () => clean(await cash.textContent()) === 'Rp 10.000', { message: 'the cash balance to read Rp 10.000' });
    await assertFitsPhone(page, 'the treasury tab');

    const statement = await seed.admin.get(`/groups/${seed.group.id}/statement`);
    assert.equal(statement.accounts.find((line) => line.account === 'cash').closing, 10_000);
    assert.equal(statement.balanced, true);
    const ledger = await seed.admin.get(`/groups/${seed.group.id}/ledger`);
    assert.equal(ledger.total, 1);
    assert.equal(ledger.items[0].kind, 'fee_payment');
    assert.equal(ledger.items[0].amount, 10_000);
    assert.equal(ledger.items[0].lines.find((line) => line.account === 'member_fees').member_id, seed.members.painem.id);

    // The ledger shows it as money in, and Painem's fees as paid.
    const entry = page.getByTestId(`entry-${ledger.items[0].id}`);
    assert.equal(clean(await entry.getByTestId(`entry-${ledger.items[0].id}-amount`).textContent()), '+Rp 10.000');
    assert.match(clean(await entry.textContent()), /Iuran Painem/);
  });
});

test('on a phone the compliance tab draws the meetings per month as an SVG bar chart', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Tunas Harapan');
  const today = new Date().toISOString().slice(0, 10);
  await seed.admin.post(`/groups/${seed.group.id}/meetings`, { held_on: today, kind: 'formal', venue: 'balai desa' });
  await withPage(env.browser, t, PHONE, async (page) => {
    await openGroup(page, seed);
    await openTab(page, 'Kepatuhan SOP');
    const chart = page.getByTestId('held-chart');
    await chart.locator('svg').first().waitFor();
    const bars = chart.locator('svg .recharts-bar-rectangle path');
    await eventually(async () => (await bars.count()) >= 1, { message: 'the bars of the chart' });
    assert.match(clean(await page.getByTestId('compliance-summary').textContent()), /^1 dari \d+ pertemuan wajib diadakan/);
    await assertFitsPhone(page, 'the compliance tab');
  });
});

test('every workspace tab, with records in it, fits a 360px phone without sideways scrolling', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Kelompok Usaha Bersama Harapan Sejahtera Banjarsari');
  const leader = await apiLogin(env.server.url, seed.login);
  const base = `/groups/${seed.group.id}`;
  const { painem, tukini, leader: sulastri } = seed.members;
  const today = new Date().toISOString().slice(0, 10);
  await leader.post(`${base}/meetings`, { held_on: today, kind: 'formal', venue: 'rumah Bu Sulastri, Dusun Krajan RT 02 RW 01' });
  await leader.post(`${base}/deliberations`, {
    title: 'Pembagian wilayah pasar untuk semua anggota kelompok',
    topic: 'market_areas',
    method: 'vote',
    options: ['Bu Sulastri: Pasar Ngajum; Bu Painem: Pasar Kepanjen', 'Semua anggota bebas di semua pasar'],
  });
  await leader.post(`${base}/ledger`, { kind: 'aid_received', amount: 5_000_000, memo: 'Bantuan modal kerja program kemitraan' });
  await leader.post(`${base}/assets`, { name: 'Toko kelompok di depan balai desa', kind: 'shop', source: 'aid', value: 3_000_000 });
  await leader.post(`${base}/fee-rules`, { amount: 10_000, from: '2025-01' });
  await leader.post(`${base}/market-areas`, { member_id: sulastri.id, area: 'Pasar Ngajum' });
  await leader.post(`${base}/market-areas`, { member_id: painem.id, area: 'Pasar Kepanjen dan sekitarnya' });
  const order = await leader.post(`${base}/orders`, {
    customer: 'Dinas Pariwisata Kabupaten Malang',
    product: 'Tape singkong kemasan 500 gram',
    quantity: 1_000,
    unit: 'bungkus',
    unit_price: 15_000,
    capacities: [
      { member_id: sulastri.id, capacity: 500 },
      { member_id: painem.id, capacity: 300 },
      { member_id: tukini.id, capacity: 400 },
    ],
  });
  await leader.post(`${base}/materials`, { kind: 'offer', material: 'Singkong', unit: 'kg', quantity: 80, price: 2_500, until: '2099-12-31' });
  await leader.post(`${base}/purchases`, {
    supplier: 'Pak Slamet, Kepanjen',
    material: 'singkong',
    unit: 'kg',
    quantity: 500,
    group_price: 2_000,
    alone_price: 2_600,
  });
  await leader.post(`${base}/posts`, {
    kind: 'technique',
    title: 'Tape tidak terlalu asam: ragi dikurangi setengah',
    body: 'Ragi dikurangi setengah, fermentasi 2 hari di tempat sejuk.',
    tags: ['ragi', 'tape', 'fermentasi'],
  });

  await withPage(env.browser, t, PHONE, async (page) => {
    await openGroup(page, seed);
    const tabs = [
      ['Anggota', 'member-list'],
      ['Pertemuan', 'meeting-list'],
      ['Musyawarah', 'deliberation-list'],
      ['Kas', 'ledger-list'],
      ['Wilayah pasar', 'claims-by-member'],
      ['Pesanan bersama', 'order-list'],
      ['Bahan baku', 'purchase-list'],
      ['Berbagi ilmu', 'post-list'],
      ['Kepatuhan SOP', 'compliance-table'],
    ];
    for (const [name, testId] of tabs) {
      await openTab(page, name);
      await page.getByTestId(testId).waitFor();
      await page.waitForLoadState('networkidle');
      await assertFitsPhone(page, `the ${name} tab`);
    }
    // The treasury's forms and the order's split, opened.
    await openTab(page, 'Kas');
    await page.getByRole('button', { name: 'Catat transaksi' }).click();
    await page.getByTestId('entry-form').waitFor();
    await assertFitsPhone(page, 'the new-entry form');
    await page.goto(`${env.server.url}${base}/orders/${order.id}`);
    await page.getByTestId('order-split').waitFor();
    assert.match(clean(await page.getByTestId(`share-${sulastri.id}-payout`).textContent()), /^Upah: Rp /);
    await assertFitsPhone(page, 'the order with its split');
  });
});
