// Issue 15, programmes against the real server: an officer of the Dinas designs a programme on a
// 360 px phone and on a desktop, starts it, enrols a tape group that meets its criteria and a batik
// group that does not (with a written reason, flagged), names the tape group's facilitator from the
// programme's facilitator accounts, records a soft loan and reads its schedule
// (the principal of the instalments adds up to the loan), records a repayment, is told in rupiah
// what a loan still owes when she types more, and watches PAR30 move when a loan seeded through
// the API is more than 30 days late and back when it is repaid. A closed programme refuses an
// enrolment in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, clean, dayInIndonesia, eventually, logIn, useServerAndBrowser, withPage } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004';
const PALAAN = '35.07.20.2002';

const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  const admin = await apiLogin(server.url, ADMIN);
  seed.dinas = await admin.post('/stakeholders', {
    name: 'Dinas Koperasi dan UMKM Kabupaten Malang',
    helix: 'government',
    kind: 'agency',
    region_code: '35.07',
  });
  seed.bank = await admin.post('/stakeholders', { name: 'Bank Jatim Cabang Kepanjen', helix: 'business', kind: 'bank' });
  seed.login = await server.addUser({
    username: 'petugas-program',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas Program',
    scope: `stakeholder:${seed.dinas.id}`,
  });
  seed.officer = await apiLogin(server.url, seed.login);
  const group = (name, sector, village) =>
    seed.officer.post('/groups', { name, kind: 'joint_business_group', sector, village_code: village, status: 'active', sop_meetings_per_month: 1 });
  seed.tape = await group('Tape Manis Banjarsari', 'food_processing', BANJARSARI);
  seed.batik = await group('Batik Jambangan', 'batik', PALAAN);
  seed.late = await group('Keripik Ngajum', 'food_processing', BANJARSARI);
});

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** Fills the design form: name, period, factors, a partner, the sector criterion, SOP, budget, exit and follow-ups. */
async function designProgramme(page, name) {
  await page.getByLabel(/^Nama program/).fill(name);
  await page.getByLabel(/^Mulai/).fill(dayInIndonesia(-60));
  await page.getByLabel(/^Selesai/).fill(dayInIndonesia(300));
  await page.getByLabel('Akses permodalan').check();
  await page.getByLabel('Sumber daya manusia').check();
  await page.getByRole('button', { name: 'Tambah mitra' }).click();
  await page.getByRole('combobox', { name: 'Mitra 1' }).selectOption({ label: seed.bank.name });
  await page.getByLabel('Sumbangan').fill('pinjaman lunak bunga ringan');
  await page.getByTestId('criteria-sectors').getByLabel('Olahan pangan').check();
  await page.getByLabel(/^Anggaran/).fill('150.000.000');
  await page.getByLabel('Strategi keluar').fill('Pendampingan diserahkan kepada tokoh lokal kelompok.');
  await page.getByLabel(/^Kunjungan lanjutan/).fill('3, 6, 12');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('an officer designs a programme on a 360 px phone', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.getByTestId('menu-button').click();
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Program' }).waitFor();
    await page.getByRole('link', { name: 'Rancang program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rancang program' }).waitFor();
    // Her stakeholder's name arrives after the form ("(lembaga Anda)" until then).
    await page.getByTestId('programme-owner').filter({ hasText: /Dinas Koperasi dan UMKM Kabupaten Malang/ }).waitFor();
    await assertFitsPhone(page, 'the design form');

    // The form's own checks first: nothing is sent while the budget is not whole rupiah.
    await page.getByLabel(/^Anggaran/).fill('1.500,50');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tulis nama program.').waitFor();
    await page.getByText('Tulis dalam rupiah penuh, tanpa sen.').waitFor();

    await designProgramme(page, 'Modal Usaha Muda dari Ponsel');
    const overview = page.getByTestId('programme-overview');
    assert.match(clean(await overview.textContent()), /Rp 150\.000\.000/);
    assert.match(clean(await page.getByTestId('overview-criteria').textContent()), /Sektor Olahan pangan/);
    assert.match(clean(await page.getByTestId('overview-partners').textContent()), /Bank Jatim Cabang Kepanjen \(mitra\): pinjaman lunak bunga ringan/);
    assert.equal(clean(await page.getByTestId('programme-status').textContent()), 'Rancangan');
    await assertFitsPhone(page, 'the programme page');
  });
});

test('on a desktop she starts a programme, enrols inside and outside its criteria, lends, and follows PAR30', { timeout: 240_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(`${env.server.url}/programmes/new`);
    await page.getByRole('heading', { level: 1, name: 'Rancang program' }).waitFor();
    await designProgramme(page, 'Pinjaman Lunak Usaha Tape');
    const programmeId = Number(new URL(page.url()).pathname.split('/')[2]);

    // Started, after saying what that means.
    await page.getByTestId('programme-activate').click();
    await page.getByRole('button', { name: 'Ya, jalankan' }).click();
    await page.getByText('Program sudah berjalan.').waitFor();
    assert.equal(clean(await page.getByTestId('programme-status').textContent()), 'Berjalan');

    // The programme's facilitator, made by an admin: the officer names her on the enrolment.
    await env.server.addUser({
      username: `pendamping-${programmeId}`,
      password: PASSWORD,
      role: 'facilitator',
      displayName: 'Bu Ani Pendamping',
      scope: `programme:${programmeId}`,
    });

    // A tape group meets the sector criterion: ✓, no reason asked.
    await page.getByRole('link', { name: 'Peserta' }).click();
    const enrol = async (name) => {
      await page.getByRole('button', { name: 'Ikutkan peserta' }).click();
      await page.getByLabel('Cari nama').fill(name.slice(0, 8));
      await page.getByRole('button', { name: `Pilih ${name}` }).click();
      await page.getByTestId('eligibility-verdict').waitFor();
    };
    await enrol(seed.tape.name);
    assert.equal(await page.getByTestId('check-sector').getAttribute('data-met'), 'true');
    assert.match(clean(await page.getByTestId('check-sector').textContent()), /✓ sektor: Memenuhi — Di registri: Olahan pangan/);
    assert.equal(await page.getByLabel(/^Alasan diikutkan/).count(), 0);
    await page.getByLabel(/^Pendamping/).selectOption({ label: 'Bu Ani Pendamping' });
    await page.getByRole('button', { name: 'Ikutkan', exact: true }).click();
    await page.getByText(`${seed.tape.name} ikut program.`).waitFor();
    assert.match(
      clean(await page.getByTestId('enrolment-list').locator('li', { hasText: seed.tape.name }).textContent()),
      /Pendamping: Bu Ani Pendamping/,
    );

    // A batik group does not: ✗ with what the registry holds, and a written reason is required.
    await enrol(seed.batik.name);
    assert.equal(await page.getByTestId('check-sector').getAttribute('data-met'), 'false');
    assert.match(clean(await page.getByTestId('check-sector').textContent()), /✗ sektor: Tidak memenuhi — Di registri: Batik/);
    await page.getByRole('button', { name: 'Ikutkan', exact: true }).click();
    await page.getByText('Wajib diisi.').or(page.getByText(/tidak memenuhi syarat sektor/)).first().waitFor();
    await page.getByLabel(/^Alasan diikutkan/).fill('Satu-satunya kelompok batik di desa; pewarna alami dari singkong.');
    await page.getByRole('button', { name: 'Ikutkan', exact: true }).click();
    await page.getByText(`${seed.batik.name} ikut program di luar syarat (ditandai).`).waitFor();
    const list = page.getByTestId('enrolment-list');
    // The list is read again after the notice: wait for the flagged row before counting.
    await list.getByTestId('outside-criteria').first().waitFor();
    assert.equal(await list.getByTestId('outside-criteria').count(), 1);
    assert.match(clean(await list.locator('li', { hasText: seed.batik.name }).textContent()), /Di luar syarat.*Alasan: Satu-satunya kelompok batik/);

    // A soft loan to the tape group: Rp 12.000.000 at 6% flat over 12 months.
    await page.getByRole('link', { name: 'Bantuan' }).click();
    await page.getByRole('button', { name: 'Catat bantuan' }).click();
    await page.getByLabel(/^Jenis bantuan/).selectOption('soft_loan');
    await page.getByLabel(/^Penerima/).selectOption({ label: seed.tape.name });
    await page.getByLabel(/^Pokok pinjaman/).fill('12.000.000');
    await page.getByLabel('Bunga per tahun (%)').fill('6');
    await page.getByLabel('Lama (bulan)').fill('12');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Bantuan tercatat.').waitFor();
    const record = page.getByTestId('ledger-list').locator('li').first();
    assert.match(clean(await record.textContent()), /Pinjaman lunak: Rp 12\.000\.000/);

    // Its schedule: the principal of the instalments adds up to the loan exactly.
    await record.getByRole('link', { name: 'Lihat jadwal pinjaman' }).click();
    await page.getByRole('heading', { level: 1, name: `Pinjaman lunak: ${seed.tape.name}` }).waitFor();
    assert.equal(await page.getByTestId('loan-schedule').locator('tbody tr').count(), 12);
    assert.equal(clean(await page.getByTestId('schedule-principal').textContent()), 'Rp 12.000.000');
    assert.match(clean(await page.getByTestId('sum-check').textContent()), /Rp 12\.000\.000/);

    // More than it owes is refused, saying what it owes in rupiah; a first instalment is recorded.
    await page.getByRole('button', { name: 'Catat pembayaran' }).click();
    await page.getByLabel(/^Jumlah/).fill('20.000.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Jumlah ini melebihi sisa pinjaman yang harus dibayar: Rp 12.720.000.').waitFor();
    await page.getByLabel(/^Jumlah/).fill('1.060.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pembayaran Rp 1.060.000 tercatat.').waitFor();
    assert.match(clean(await page.getByTestId('instalment-1').textContent()), /Lunas/);
    assert.equal(clean(await page.getByTestId('loan-outstanding').textContent()), 'Rp 11.000.000');

    // A loan seeded 100 days back whose instalments went unpaid: more than 30 days late.
    const late = await seed.officer.post('/assistance', {
      programme_id: programmeId,
      group_id: seed.late.id,
      kind: 'soft_loan',
      value: 3_000_000,
      given_on: dayInIndonesia(-100),
      disbursed_on: dayInIndonesia(-100),
      loan: { annual_rate_bp: 0, term_months: 3, method: 'flat', first_due_on: dayInIndonesia(-70) },
    });
    await page.goto(`${env.server.url}/programmes/${programmeId}/loans`);
    await page.getByTestId('portfolio').waitFor();
    // 3.000.000 at risk of 14.000.000 outstanding.
    assert.equal(clean(await page.getByTestId('par30').textContent()), '21,4%');
    assert.match(clean(await page.getByTestId(`loan-row-${late.id}`).textContent()), /Berisiko 70 hari terlambat/);

    // Repaid in full from its page: PAR30 falls back to nothing.
    await page.getByRole('link', { name: `Lihat pinjaman ${seed.late.name}` }).click();
    assert.match(clean(await page.getByTestId('days-past-due').textContent()), /3 angsuran menunggak; 70 hari lewat jatuh tempo/);
    await page.getByRole('button', { name: 'Catat pembayaran' }).click();
    await page.getByLabel(/^Jumlah/).fill('3.000.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pembayaran Rp 3.000.000 tercatat.').waitFor();
    await page.getByRole('link', { name: 'Kembali ke buku pinjaman' }).click();
    await eventually(async () => clean(await page.getByTestId('par30').textContent()) === '0%', { message: 'PAR30 back to 0%' });
  });
});

test('a programme closed while an enrolment is being made refuses it in words', { timeout: 120_000 }, async (t) => {
  const programme = await seed.officer.post('/programmes', {
    name: 'Pameran Produk Unggulan',
    starts_on: dayInIndonesia(-10),
    ends_on: dayInIndonesia(100),
    factors: ['market_strengthening'],
    budget: 20_000_000,
  });
  await seed.officer.patch(`/programmes/${programme.id}`, { status: 'active' });
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(`${env.server.url}/programmes/${programme.id}/enrolments`);
    await page.getByRole('button', { name: 'Ikutkan peserta' }).click();
    await page.getByLabel('Cari nama').fill('Tape Manis');
    await page.getByRole('button', { name: `Pilih ${seed.tape.name}` }).click();
    await page.getByTestId('eligibility-verdict').waitFor();
    await seed.officer.patch(`/programmes/${programme.id}`, { status: 'closed' });
    await page.getByRole('button', { name: 'Ikutkan', exact: true }).click();
    await page.getByText('Program ini sudah ditutup: tidak menerima peserta atau bantuan baru.').waitFor();
    assert.equal((await seed.officer.get(`/programmes/${programme.id}/enrolments`)).total, 0);
  });
});

test("on her phone the officer opens the programme's learning outcomes and reads its group's figures", { timeout: 120_000 }, async (t) => {
  // A programme with one tape group enrolled. Through the API, as admin: the group's community
  // mentor closes a cycle in which one of two mentees reached the one target (50%), with one
  // session at which one of them was present, and answers one help request.
  const admin = await apiLogin(env.server.url, ADMIN);
  const group = await seed.officer.post('/groups', {
    name: 'Tape Ketan Palaan',
    kind: 'joint_business_group',
    sector: 'food_processing',
    village_code: PALAAN,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const add = (name, extra = {}) =>
    admin.post(`/groups/${group.id}/members`, { person: { name, gender: 'female' }, role: 'member', joined_on: '2024-01-15', ...extra });
  const mentor = await add('Darmi', { mentor: true });
  const painem = await add('Painem');
  const tukini = await add('Tukini');
  const yeast = (await admin.get('/competencies?sector=food_processing&limit=200')).items.find((c) => c.code === 'tape.ragi');
  const cycle = await admin.post('/cycles', {
    group_id: group.id,
    title: 'Belajar ragi',
    theme: 'Tape ketan hitam',
    mentor_member_id: mentor.id,
    mentor_origin: 'community',
    targets: [{ competency_id: yeast.id, level: 2 }],
    mentees: [{ member_id: painem.id }, { member_id: tukini.id }],
  });
  await admin.post(`/cycles/${cycle.id}/transitions`, { to: 'implementation' }, 200);
  await admin.post(`/cycles/${cycle.id}/sessions`, {
    held_on: dayInIndonesia(-1),
    practice: 'membuat ragi dari tepung beras',
    attendance: [{ member_id: painem.id, presence: 'present' }, { member_id: tukini.id, presence: 'excused' }],
  });
  await admin.post(`/cycles/${cycle.id}/transitions`, { to: 'evaluation' }, 200);
  await admin.post(`/cycles/${cycle.id}/evaluations`, { member_id: painem.id, competency_id: yeast.id, achieved: true, level: 2 });
  await admin.post(`/cycles/${cycle.id}/evaluations`, { member_id: tukini.id, competency_id: yeast.id, achieved: false, level: 1 });
  await admin.post(`/cycles/${cycle.id}/transitions`, { to: 'closed' }, 200);
  const request = await admin.post('/help-requests', { group_id: group.id, member_id: painem.id, title: 'Tape masih asam', competency_id: yeast.id });
  await admin.post(`/help-requests/${request.id}/advice`, { text: 'Kurangi ragi jadi setengah butir per kilo.' });
  await admin.post(`/help-requests/${request.id}/transitions`, { to: 'resolved' }, 200);

  const programme = await seed.officer.post('/programmes', {
    name: 'Pendampingan Kelompok Tape Palaan',
    starts_on: dayInIndonesia(-30),
    ends_on: dayInIndonesia(300),
    factors: ['human_resources'],
    budget: 10_000_000,
  });
  await seed.officer.patch(`/programmes/${programme.id}`, { status: 'active' });
  await seed.officer.post(`/programmes/${programme.id}/enrolments`, { group_id: group.id });
  const outcomes = await seed.officer.get(`/programmes/${programme.id}/learning-outcomes`);
  const line = outcomes.groups.find((g) => g.group_id === group.id);
  assert.deepEqual(
    [outcomes.groups_total, line.cycles, line.closed, line.completion_percent, line.attendance_percent, line.help_requests.total, line.help_requests.resolved],
    [1, 1, 1, 50, 50, 1, 1],
  );
  const hours = (value) => `${String(value).replace('.', ',')} jam`;

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(`${env.server.url}/programmes/${programme.id}`);
    await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Hasil belajar', exact: true }).click();
    await page.waitForURL(new RegExp(`/programmes/${programme.id}/learning$`));
    const section = page.getByTestId('outcomes');
    await section.getByRole('heading', { name: 'Hasil belajar kelompok' }).waitFor();
    await section.getByText('1 kelompok', { exact: true }).waitFor();
    await section.getByTestId('outcome-charts').waitFor();
    await eventually(async () => (await section.locator('svg.recharts-surface').count()) === 2, { message: 'the two charts' });

    // The figures behind the charts, one line for the group and one for all the groups.
    await section.locator('summary', { hasText: 'Angka per kelompok' }).click();
    const rows = await section.getByTestId('outcome-table').locator('tbody tr, tfoot tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent.trim())),
    );
    const figures = ['1 (1)', '50%', '50%', '1', hours(line.help_requests.first_advice.median_hours), hours(line.help_requests.resolution.median_hours)];
    assert.deepEqual(rows, [['Tape Ketan Palaan', ...figures], ['Semua kelompok', ...figures]]);
    await assertFitsPhone(page, 'the learning outcomes');
  });
});
