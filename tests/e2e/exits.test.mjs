// Issue 15, the exit to a local hero and the follow-ups against the real server, on a 360 px phone:
// an officer of the owner nominates a group's local hero from its members with a reason, sees the
// hand-over refused naming each unmet readiness item, ticks the checklist with evidence, hands over
// (she becomes the group's mentor), and records a follow-up visit after the programme's end. The
// programme's dashboard shows PAR30 from a late soft loan, and its exit and follow-up counts move
// after those actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, clean, dayInIndonesia, eventually, logIn, useServerAndBrowser, withPage } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004';

const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  const admin = await apiLogin(server.url, ADMIN);
  seed.ybm = await admin.post('/stakeholders', { name: 'YBM BRILiaN Malang', helix: 'civil_society', kind: 'zakat_institution' });
  seed.login = await server.addUser({
    username: 'petugas-ybm',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas YBM',
    scope: `stakeholder:${seed.ybm.id}`,
  });
  seed.officer = await apiLogin(server.url, seed.login);
  seed.group = await seed.officer.post('/groups', {
    name: 'Harapan Sejahtera',
    kind: 'joint_business_group',
    sector: 'food_processing',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const member = (name, role) =>
    admin.post(`/groups/${seed.group.id}/members`, { person: { name, gender: 'female' }, role, joined_on: '2021-01-10' });
  seed.leader = await member('Sulastri', 'leader');
  seed.treasurer = await member('Ibu Darmi', 'treasurer');
  // Seed 001: a one-year programme that ended two months ago, with visits 1 and 3 months after it.
  seed.programme = await seed.officer.post('/programmes', {
    name: 'Pendampingan Kelompok Tape Banjarsari',
    starts_on: dayInIndonesia(-425),
    ends_on: dayInIndonesia(-60),
    factors: ['capital_access', 'human_resources'],
    budget: 50_000_000,
    exit_strategy: 'Pendampingan diserahkan kepada penggerak kelompok.',
    follow_up_months: [1, 3],
  });
  await seed.officer.patch(`/programmes/${seed.programme.id}`, { status: 'active' });
  await seed.officer.post(`/programmes/${seed.programme.id}/enrolments`, { group_id: seed.group.id, enrolled_on: dayInIndonesia(-400) });
  // Working capital as a soft loan: one paid on time (its instalments still to come), one 70 days late.
  const loan = (value, firstDue) =>
    seed.officer.post('/assistance', {
      programme_id: seed.programme.id,
      group_id: seed.group.id,
      kind: 'soft_loan',
      value,
      given_on: dayInIndonesia(-100),
      disbursed_on: dayInIndonesia(-100),
      loan: { annual_rate_bp: 0, term_months: 3, method: 'flat', first_due_on: firstDue },
    });
  await loan(6_000_000, dayInIndonesia(10));
  await loan(3_000_000, dayInIndonesia(-70));
});

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** The dashboard's figures as the page states them. */
async function dashboardFigures(page, programmeId) {
  await page.goto(`${env.server.url}/programmes/${programmeId}/dashboard`);
  await page.getByTestId('dashboard-exits').waitFor();
  return {
    par30: clean(await page.getByTestId('dashboard-par30').textContent()),
    loans: clean(await page.getByTestId('dashboard-loans').textContent()),
    exits: clean(await page.getByTestId('dashboard-exits').textContent()),
    followUps: clean(await page.getByTestId('dashboard-follow-ups').textContent()),
  };
}

test('on a phone an officer hands a group over to its local hero, records a follow-up, and the dashboard follows', { timeout: 240_000 }, async (t) => {
  const programmeId = seed.programme.id;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);

    // Before: PAR30 from the late loan (3.000.000 of 9.000.000), no hero, one visit overdue.
    let figures = await dashboardFigures(page, programmeId);
    assert.equal(figures.par30, '33,3%');
    assert.match(figures.loans, /^1 dari 2 pinjaman berjalan terlambat lebih dari 30 hari; pokok berisiko Rp 3\.000\.000 dari Rp 9\.000\.000\.$/);
    assert.equal(figures.exits, '0 diserahkan, 0 siap, 0 dicalonkan, 1 belum ada calon.');
    assert.equal(figures.followUps, '0 kunjungan selesai, 1 terlambat, 1 akan datang.');
    await page.getByTestId('chart-exits').locator('summary').click();
    assert.equal(clean(await page.getByTestId('chart-exits-none').textContent()), 'Belum ada calon1');
    await assertFitsPhone(page, 'the dashboard');

    // The exit tab: the group without a nominee; its first visit overdue.
    await page.getByRole('link', { name: 'Keluar & tindak lanjut' }).click();
    const card = page.getByTestId(`exit-group-${seed.group.id}`);
    assert.equal(clean(await card.getByTestId('exit-status').textContent()), 'Belum ada calon');
    assert.match(clean(await card.getByTestId('schedule-badges').textContent()), /Bulan ke-1: Terlambat.*Bulan ke-3: Akan datang/);
    await card.getByRole('button', { name: `Kelola ${seed.group.name}` }).click();
    await card.getByTestId('exit-panel').waitFor();

    // Nominated from the group's members, with the reason.
    await card.getByRole('button', { name: 'Calonkan pahlawan lokal' }).click();
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Pilih anggota yang dicalonkan.').waitFor();
    await card.getByLabel(/^Anggota/).selectOption({ label: 'Sulastri (Ketua kelompok)' });
    await card.getByLabel(/^Alasan/).fill('Pemrakarsa kelompok, diterima semua anggota, jaringannya luas.');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Sulastri dicalonkan sebagai pahlawan lokal.').waitFor();
    assert.match(clean(await card.getByTestId('exit-hero').textContent()), /Pahlawan lokal: Sulastri.*Alasan: Pemrakarsa kelompok/);
    // Beside each item, what the group's records say of her.
    assert.match(clean(await card.getByTestId('record-leads_meetings').textContent()), /Catatan kelompok: Ketua kelompok; hadir di 0 dari 0 rapat; tuan rumah 0 rapat/);
    assert.match(clean(await card.getByTestId('record-outside_network').textContent()), /anggota 0 kelompok lain/);
    await assertFitsPhone(page, 'the exit tab');

    // Handing over too early is refused, naming each unmet item.
    await card.getByTestId('hand-over-button').click();
    await card.getByRole('button', { name: 'Ya, serahkan' }).click();
    await card
      .getByText('Belum bisa diserahkan. Belum terpenuhi: memimpin rapat, memegang pembukuan dan punya jaringan di luar kelompok.')
      .waitFor();
    await card.getByRole('button', { name: 'Tidak jadi', exact: true }).click();

    // The checklist: met needs its evidence.
    await card.getByRole('button', { name: 'Periksa kesiapan' }).click();
    await card.getByLabel('Memimpin rapat: terpenuhi').check();
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Tulis buktinya bila terpenuhi.').waitFor();
    await card.getByLabel('Bukti: Memimpin rapat').fill('Memimpin rapat bulanan sejak Maret.');
    await card.getByLabel('Memegang pembukuan: terpenuhi').check();
    await card.getByLabel('Bukti: Memegang pembukuan').fill('Buku kas kelompok rapi, diperiksa pendamping.');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Kesiapan tersimpan.').waitFor();
    assert.equal(await card.getByTestId('item-outside_network').getAttribute('data-met'), 'false');

    // Still one unmet item: the refusal names just that one.
    await card.getByTestId('hand-over-button').click();
    await card.getByRole('button', { name: 'Ya, serahkan' }).click();
    await card.getByText('Belum bisa diserahkan. Belum terpenuhi: punya jaringan di luar kelompok.').waitFor();
    await card.getByRole('button', { name: 'Tidak jadi', exact: true }).click();
    await card.getByRole('button', { name: 'Periksa kesiapan' }).click();
    await card.getByLabel('Punya jaringan di luar kelompok: terpenuhi').check();
    await card.getByLabel('Bukti: Punya jaringan di luar kelompok').fill('Penghubung dengan dinas dan pemasok singkong.');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Kesiapan tersimpan.').waitFor();
    await eventually(async () => clean(await card.getByTestId('exit-status').textContent()) === 'Siap diserahkan', { message: 'ready' });

    // Handed over: the day in words, and she is the group's mentor.
    await card.getByTestId('hand-over-button').click();
    await card.getByRole('button', { name: 'Ya, serahkan' }).click();
    await card.getByText(`Pendampingan ${seed.group.name} diserahkan kepada Sulastri.`).waitFor();
    assert.match(clean(await card.getByTestId('hand-over').textContent()), /^Diserahkan \d+ \w+ \d{4} oleh Petugas YBM$/);
    await eventually(async () => clean(await card.getByTestId('exit-status').textContent()) === 'Diserahkan', { message: 'handed over' });
    const hero = (await seed.officer.get(`/groups/${seed.group.id}/members`)).items.find((m) => m.id === seed.leader.id);
    assert.equal(hero.mentor, true);
    assert.equal(hero.local_hero, true);

    // A follow-up visit: the form's own checks, then recorded against the overdue month.
    await card.getByRole('button', { name: 'Catat kunjungan' }).click();
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Pilih keadaan kelompok.').waitFor();
    await card.getByLabel(/^Tanggal kunjungan/).fill(dayInIndonesia(-20));
    await card.getByLabel(/^Keadaan kelompok/).selectOption({ label: 'Aktif' });
    await card.getByLabel(/^Anggota yang masih aktif/).fill('6');
    await card.getByLabel('Pahlawan lokal masih mendampingi').selectOption({ label: 'Ya' });
    await card.getByLabel('Catatan').fill('Masih rapat dua kali sebulan di rumah Bu Sulastri.');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText(`Kunjungan ke ${seed.group.name} tercatat.`).waitFor();
    await eventually(async () => (await card.getByTestId('visit-month-1').getAttribute('data-state')) === 'done', { message: 'month 1 done' });
    assert.match(clean(await card.getByTestId('visit-list').textContent()), /Aktif bulan ke-1.*6 anggota aktif; rapat sesuai SOP; pahlawan lokal masih mendampingi/);
    await assertFitsPhone(page, 'the follow-ups');

    // After: the dashboard counts moved; PAR30 did not.
    figures = await dashboardFigures(page, programmeId);
    assert.equal(figures.par30, '33,3%');
    assert.equal(figures.exits, '1 diserahkan, 0 siap, 0 dicalonkan, 0 belum ada calon.');
    assert.equal(figures.followUps, '1 kunjungan selesai, 0 terlambat, 1 akan datang.');
    await page.getByTestId('chart-latest').locator('summary').click();
    assert.equal(clean(await page.getByTestId('chart-latest-active').textContent()), 'Aktif1');
  });
});

test('a visit before the programme ends is refused in words', { timeout: 120_000 }, async (t) => {
  const programmeId = seed.programme.id;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(`${env.server.url}/programmes/${programmeId}/exits`);
    const card = page.getByTestId(`exit-group-${seed.group.id}`);
    await card.getByRole('button', { name: `Kelola ${seed.group.name}` }).click();
    await card.getByRole('button', { name: 'Catat kunjungan' }).click();
    await card.getByLabel(/^Tanggal kunjungan/).fill(dayInIndonesia(-90));
    await card.getByLabel(/^Keadaan kelompok/).selectOption({ label: 'Kesulitan' });
    await card.getByLabel(/^Anggota yang masih aktif/).fill('4');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText(`Kunjungan tindak lanjut baru bisa dicatat sesudah program berakhir (${seed.programme.ends_on}).`).waitFor();
  });
});
