// Issue 13, "group leader", against the real server on a 360×740 phone: the fees paid at a
// meeting recorded on one sheet prefilled from attendance, the ledger as compact rows, the
// workspace's tabs showing that more lie beyond the screen's edge, and the group's status changed
// in its settings only after a question. Every test sets up its own tape group through the API as
// admin: Sulastri leads it with an account of her own (group_leader); Painem, Tukini and Sumarni
// have none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, eventually, logIn, withPage, useServerAndBrowser, clean, dayInIndonesia } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang
const TABS = [
  'Ringkasan',
  'Milik saya',
  'Bantuan',
  'Anggota',
  'Pertemuan',
  'Musyawarah',
  'Belajar',
  'Kas',
  'Wilayah pasar',
  'Pesanan bersama',
  'Bahan baku',
  'Berbagi ilmu',
  'Kepatuhan SOP',
  'Pengaturan',
];

let groups = 0;

async function seedGroup(name) {
  const admin = await apiLogin(env.server.url, ADMIN);
  groups += 1;
  const group = await admin.post('/groups', {
    name,
    kind: 'joint_business_group',
    sector: 'food_processing',
    business_centre: 'sentra tape Ngajum',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const add = (personName, role = 'member') =>
    admin.post(`/groups/${group.id}/members`, { person: { name: personName, gender: 'female' }, role, joined_on: '2024-01-15' });
  const members = {
    sulastri: await add('Sulastri', 'leader'),
    painem: await add('Painem'),
    tukini: await add('Tukini'),
    sumarni: await add('Sumarni'),
  };
  const username = `ketua-leader-${groups}`;
  const user = await admin.post('/users', {
    username,
    display_name: 'Sulastri',
    role: 'group_leader',
    password: PASSWORD,
    scope: { kind: 'group', id: group.id },
  });
  await admin.patch(`/groups/${group.id}/members/${members.sulastri.id}`, { user_id: user.id });
  const leaderLogin = { username, password: PASSWORD };
  const leader = await apiLogin(env.server.url, leaderLogin);
  return { admin, leader, group, members, leaderLogin };
}

/** A meeting held today with Sulastri, Painem and Tukini present and Sumarni absent, and a fee of Rp 10.000 a month. */
async function heldMeeting(seed) {
  const base = `/groups/${seed.group.id}`;
  await seed.leader.post(`${base}/fee-rules`, { amount: 10_000, from: '2024-01' });
  const meeting = await seed.leader.post(`${base}/meetings`, { held_on: dayInIndonesia(), kind: 'formal', venue: 'rumah Bu Sulastri' });
  const { sulastri, painem, tukini, sumarni } = seed.members;
  await seed.leader.put(`${base}/meetings/${meeting.id}/attendance`, {
    attendance: [
      { member_id: sulastri.id, presence: 'present' },
      { member_id: painem.id, presence: 'present' },
      { member_id: tukini.id, presence: 'present' },
      { member_id: sumarni.id, presence: 'absent' },
    ],
  });
  return meeting;
}

/** The page's width as the browser lays it out: more than 360 means the reader must scroll sideways. */
async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** The fees requests the page sends, as "METHOD path". */
function watchFees(page) {
  const sent = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.method() !== 'GET' && pathname.endsWith('/fees')) sent.push(`${request.method()} ${pathname}`);
  });
  return sent;
}

const feeLine = (page, member) => page.getByTestId(`fee-line-${member.id}`);
const paidBox = (page, member) => feeLine(page, member).getByRole('checkbox');
const amountBox = (page, member) => feeLine(page, member).getByRole('textbox');

test('1 · after a meeting the leader records everyone\'s fee on one sheet prefilled from attendance, saved with one request', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Harapan Sejahtera');
  const meeting = await heldMeeting(seed);
  const { sulastri, painem, tukini, sumarni } = seed.members;
  const base = `/groups/${seed.group.id}`;
  await withPage(env.browser, t, PHONE, async (page) => {
    const sent = watchFees(page);
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}${base}/meetings/${meeting.id}`);
    const sheet = page.getByTestId('fee-sheet');
    await sheet.getByRole('button', { name: 'Catat iuran' }).click();
    await feeLine(page, sumarni).waitFor();

    // Those present are ticked with the month's fee; Sumarni, absent, is not.
    for (const member of [sulastri, painem, tukini]) {
      assert.equal(await paidBox(page, member).isChecked(), true, `${member.person.name} attended`);
      assert.equal(await amountBox(page, member).inputValue(), '10.000');
    }
    assert.equal(await paidBox(page, sumarni).isChecked(), false);
    assert.equal(clean(await page.getByTestId('fee-sheet-total').textContent()), 'Jumlah: Rp 30.000 dari 3 anggota');

    // Tukini did not pay after all; Painem paid three months.
    await paidBox(page, tukini).uncheck();
    await amountBox(page, painem).fill('30.000');
    assert.equal(clean(await page.getByTestId('fee-sheet-total').textContent()), 'Jumlah: Rp 40.000 dari 2 anggota');
    await assertFitsPhone(page, 'the fee sheet');
    assert.deepEqual(sent, [], 'nothing is sent before the save');

    // Leaving with the sheet open asks first.
    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Kas', exact: true }).click();
    const guard = page.getByTestId('leave-guard');
    await guard.waitFor();
    assert.equal(clean(await guard.getByRole('paragraph').textContent()), 'Iuran 2 anggota belum disimpan. Bila halaman ini ditinggalkan, catatan itu hilang.');
    await guard.getByRole('button', { name: 'Tetap di halaman ini' }).click();
    assert.equal(await amountBox(page, painem).inputValue(), '30.000');

    await sheet.getByRole('button', { name: 'Simpan', exact: true }).click();
    await sheet.getByText('Iuran 2 anggota sudah dicatat: Rp 40.000.').waitFor();
    assert.deepEqual(sent, [`POST /api/v1${base}/fees`], 'the sheet is saved with one POST');

    const posted = await seed.admin.get(`${base}/ledger?meeting_id=${meeting.id}`);
    assert.equal(posted.total, 2);
    const byMember = Object.fromEntries(posted.items.map((e) => [e.lines[1].member_id, e]));
    assert.deepEqual(Object.keys(byMember).map(Number).sort(), [sulastri.id, painem.id].sort());
    assert.equal(byMember[painem.id].amount, 30_000);
    assert.equal(byMember[painem.id].kind, 'fee_payment');
    assert.equal(byMember[painem.id].date, meeting.held_on);
    assert.equal(byMember[painem.id].memo, `Iuran pertemuan ${meeting.held_on}`);
    const fees = await seed.admin.get(`${base}/fees`);
    assert.equal(fees.members.find((m) => m.member_id === painem.id).paid, 30_000);
    assert.equal(fees.members.find((m) => m.member_id === tukini.id).paid, 0);

    // The meeting shows what it holds; opened again, those recorded are not offered twice.
    await eventually(async () => clean(await page.getByTestId('fee-sheet-recorded').textContent()) === 'Sudah dicatat: iuran 2 anggota, Rp 40.000.', {
      message: 'the meeting to show the fees recorded',
    });
    await sheet.getByRole('button', { name: 'Catat iuran' }).click();
    assert.equal(clean(await feeLine(page, painem).locator('.fee-line__recorded').textContent()), 'Sudah dicatat Rp 30.000');
    assert.equal(await paidBox(page, painem).count(), 0);
    assert.equal(await paidBox(page, tukini).isChecked(), true, 'Tukini, present, is offered again');
  });
});

test('1 · a line the server refuses is shown on that member\'s row, and nothing of the sheet is saved', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Sido Makmur');
  const meeting = await heldMeeting(seed);
  const { painem, tukini } = seed.members;
  const base = `/groups/${seed.group.id}`;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}${base}/meetings/${meeting.id}`);
    const sheet = page.getByTestId('fee-sheet');
    await sheet.getByRole('button', { name: 'Catat iuran' }).click();
    await feeLine(page, tukini).waitFor();
    // Meanwhile the treasurer records Tukini's fee for this meeting from her own phone.
    await seed.admin.post(`${base}/fees`, { meeting_id: meeting.id, payments: [{ member_id: tukini.id, amount: 10_000 }] });

    await sheet.getByRole('button', { name: 'Simpan', exact: true }).click();
    await feeLine(page, tukini).getByText('Iurannya di pertemuan ini sudah dicatat.').waitFor();
    assert.match(
      clean(await sheet.getByRole('alert').textContent()),
      /^Belum ada iuran yang disimpan: perbaiki 1 anggota yang ditandai, lalu simpan lagi\./,
    );
    assert.equal(await paidBox(page, painem).isChecked(), true, 'the sheet keeps what was entered');
    await assertFitsPhone(page, 'the refused fee sheet');
    const posted = await seed.admin.get(`${base}/ledger?meeting_id=${meeting.id}`);
    assert.equal(posted.total, 1, "all or nothing: only the treasurer's entry");
  });
});

test('2 · on a phone the treasury shows twenty-one ledger entries as compact rows ten a page, its lines behind a tap, well under the height budget', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Makmur Bersama');
  const base = `/groups/${seed.group.id}`;
  const { painem, tukini, sulastri } = seed.members;
  await seed.leader.post(`${base}/fee-rules`, { amount: 10_000, from: '2024-01' });
  await seed.leader.post(`${base}/ledger`, { kind: 'aid_received', amount: 5_000_000, memo: 'Bantuan modal kerja program kemitraan YBM BRILiaN' });
  await seed.leader.post(`${base}/assets`, { name: 'Toko kelompok di depan balai desa', kind: 'shop', source: 'aid', value: 3_000_000 });
  const kinds = [
    { kind: 'shop_sale', amount: 250_000, memo: 'Penjualan toko kelompok minggu ini, tape singkong dan brem' },
    { kind: 'purchase', amount: 100_000, memo: 'singkong 50 kg dari Pak Slamet' },
    { kind: 'expense', amount: 20_000, memo: 'fotokopi daftar hadir' },
  ];
  for (let i = 0; i < 16; i += 1) await seed.leader.post(`${base}/ledger`, kinds[i % kinds.length]);
  for (const member of [sulastri, painem, tukini]) {
    await seed.leader.post(`${base}/ledger`, { kind: 'fee_payment', amount: 10_000, member_id: member.id, memo: 'Iuran' });
  }
  const ledger = await seed.admin.get(`${base}/ledger`);
  assert.equal(ledger.total, 21, 'aid, the shop, sixteen entries and three fees');
  const newest = ledger.items[0];

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}${base}/treasury`);
    const list = page.getByTestId('ledger-list');
    await list.waitFor();
    await page.getByTestId('fees-table').waitFor();
    await page.getByTestId(`asset-${(await seed.admin.get(`${base}/assets`)).items[0].id}`).waitFor();
    await page.getByTestId('balance-chart').waitFor();
    await page.waitForLoadState('networkidle');
    // The whole tab: the statement with its chart (about 820px), a page of the ledger, the fees
    // of four members (about 680px) and the shop (about 310px). With a tall card per entry and
    // twenty a page it measured 7,022px, ten screens of 740px; compact rows ten a page keep it
    // under 3,000px, four screens (2,892px measured).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    t.diagnostic(`the treasury tab is ${height}px tall at 360px`);
    assert.ok(height < 3_000, `the treasury tab is ${height}px tall at 360px`);

    assert.equal(await list.getByRole('listitem').count(), 10, 'a phone pages ten entries at a time');

    // Each entry is one row: its day, what it was and the amount, in a row about one line high.
    const row = page.getByTestId(`entry-${newest.id}`);
    const rowBox = await row.boundingBox();
    assert.ok(rowBox.height <= 64, `a ledger row is ${rowBox.height}px tall`);
    assert.equal(clean(await row.locator('.ledger-row__title').textContent()), 'Iuran Tukini');
    assert.match(clean(await row.locator('.ledger-row__memo').textContent()), /^\d{1,2} \w{3} \d{4} · Iuran$/);
    assert.equal(clean(await row.getByTestId(`entry-${newest.id}-amount`).textContent()), '+Rp 10.000');

    await assertFitsPhone(page, 'the treasury tab');

    // A tap opens the entry's lines and who posted it; another closes it.
    await row.getByRole('button', { expanded: false }).click();
    const detail = page.getByTestId(`entry-${newest.id}-detail`);
    await detail.waitFor();
    assert.match(clean(await detail.textContent()), new RegExp(`No\\. ${newest.id} .*Iuran anggota · Tukini.*Kas.*Rp 10\\.000.*Iuran anggota.*Dicatat oleh ${seed.leaderLogin.username}`));
    await detail.getByRole('button', { name: `Koreksi catatan No. ${newest.id}` }).waitFor();
    await assertFitsPhone(page, 'an opened ledger row');
    await row.getByRole('button', { expanded: true }).click();
    assert.equal(await detail.count(), 0);

    // Two more pages hold the rest; the last one the oldest entry, the aid.
    const pager = page.getByTestId('ledger').getByRole('navigation');
    assert.match(clean(await pager.textContent()), /1–10 dari 21/);
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await eventually(async () => /11–20 dari 21/.test(clean(await pager.textContent())), { message: 'the second page of the ledger' });
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await eventually(async () => (await list.getByRole('listitem').count()) === 1, { message: 'the last page of the ledger' });
    assert.match(clean(await list.textContent()), /Bantuan diterima/);
  });
});

/** Where a tab is on screen and whether it is the element under its middle (not hidden behind an arrow). */
function tabPlace(page, name) {
  return page.evaluate((label) => {
    const nav = document.querySelector('nav.tabs');
    const tab = nav ? [...nav.querySelectorAll('a')].find((a) => a.textContent === label) : undefined;
    if (!nav || !tab) return { inView: false, uncovered: false, x: 0, y: 0, current: false };
    const row = nav.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      inView: box.left >= row.left - 1 && box.right <= row.right + 1,
      uncovered: top === tab || tab.contains(top),
      x,
      y,
      current: tab.getAttribute('aria-current') === 'page',
    };
  }, name);
}

test('3 · on a phone the tabs show that more lie past the edge, every tab can be reached, and the open one is in view', { timeout: 90_000 }, async (t) => {
  const seed = await seedGroup('Kelompok Usaha Bersama Tunas Harapan');
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}/groups/${seed.group.id}`);
    const frame = page.getByTestId('workspace-tabs');
    const nav = page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' });
    await nav.waitFor();

    // The row is wider than the phone: an arrow at the right edge says so.
    const more = frame.getByRole('button', { name: 'Bagian lainnya' });
    assert.equal(await more.isVisible(), true, 'an arrow shows that more tabs lie to the right');
    assert.deepEqual(await nav.getByRole('link').allTextContents(), TABS);
    assert.equal(await frame.getByRole('button', { name: 'Bagian sebelumnya' }).count(), 0, 'nothing lies to the left of the first tab');
    const arrow = await more.boundingBox();
    assert.ok(arrow.x + arrow.width <= 361 && arrow.width >= 40, `the arrow is a finger's width at the edge: ${JSON.stringify(arrow)}`);
    await assertFitsPhone(page, 'the workspace with its tabs');

    // Every tab is reached by the arrows and a tap on it, and opens with itself in view.
    for (const name of TABS) {
      for (let taps = 0; ; taps += 1) {
        const place = await tabPlace(page, name);
        if (place.inView && place.uncovered) break;
        assert.ok(taps < 12, `"${name}" cannot be reached with the arrows`);
        const towards = (await page.evaluate((label) => {
          const tab = [...document.querySelectorAll('nav.tabs a')].find((a) => a.textContent === label);
          return tab.getBoundingClientRect().left < 180;
        }, name))
          ? 'Bagian sebelumnya'
          : 'Bagian lainnya';
        await frame.getByRole('button', { name: towards }).click();
        await page.waitForTimeout(400); // the smooth scroll
      }
      const place = await tabPlace(page, name);
      await page.mouse.click(place.x, place.y);
      await eventually(async () => (await tabPlace(page, name)).current, { message: `"${name}" to open` });
      await page.waitForTimeout(100);
      const opened = await tabPlace(page, name);
      assert.ok(opened.inView && opened.uncovered, `the open tab "${name}" is in view: ${JSON.stringify(opened)}`);
    }
    // The last tab is open: the arrow now points back to the others.
    assert.equal(await frame.getByRole('button', { name: 'Bagian sebelumnya' }).isVisible(), true);

    // Opened straight from an address, the open tab is in view too.
    await page.goto(`${env.server.url}/groups/${seed.group.id}/compliance`);
    await eventually(async () => (await tabPlace(page, 'Kepatuhan SOP')).current, { message: 'the compliance tab' });
    const place = await tabPlace(page, 'Kepatuhan SOP');
    assert.ok(place.inView && place.uncovered, `the open tab is in view when the page opens on it: ${JSON.stringify(place)}`);
  });
});

test('4 · dissolving the group is in its settings behind a question that says it is final; the summary no longer offers it', { timeout: 60_000 }, async (t) => {
  const seed = await seedGroup('Rukun Santoso');
  const base = `/groups/${seed.group.id}`;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.leaderLogin);
    await page.goto(`${env.server.url}${base}`);
    await page.getByTestId('group-profile').waitFor();
    await page.getByTestId('norms').waitFor();
    assert.equal(await page.getByTestId('status-change').count(), 0, 'the summary offers no status change');
    assert.equal(await page.getByLabel('Status baru').count(), 0);

    await page.getByRole('navigation', { name: 'Bagian ruang kerja kelompok' }).getByRole('link', { name: 'Pengaturan', exact: true }).click();
    const card = page.getByTestId('status-settings');
    await card.waitFor();
    assert.equal(clean(await card.getByTestId('status-now').textContent()).startsWith('Aktif sejak'), true);
    await card.getByLabel('Status baru').selectOption('dissolved');
    await card.getByRole('button', { name: 'Bubarkan kelompok' }).click();
    const question = page.getByTestId('status-confirm-confirm');
    await question.waitFor();
    assert.match(clean(await question.textContent()), /^Bubarkan Rukun Santoso sejak .+\? Ini tidak dapat dibatalkan: kelompok yang bubar tidak dapat diaktifkan lagi/);
    await assertFitsPhone(page, 'the question before dissolving');

    // Calling it off changes nothing.
    await question.getByRole('button', { name: 'Tidak jadi' }).click();
    assert.equal(await question.count(), 0);
    assert.equal((await seed.admin.get(base)).status, 'active');

    // Confirmed, the group is dissolved.
    await card.getByRole('button', { name: 'Bubarkan kelompok' }).click();
    await question.getByRole('button', { name: 'Ya, bubarkan' }).click();
    await card.getByText('Status kelompok sudah diubah.').waitFor();
    assert.equal((await seed.admin.get(base)).status, 'dissolved');
    await page.getByText('Kelompok ini sudah bubar.', { exact: false }).first().waitFor();
    assert.equal(clean(await page.getByTestId('group-status').textContent()), 'Bubar');
  });
});
