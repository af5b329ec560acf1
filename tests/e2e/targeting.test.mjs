// Issue 15, targeting against the real server. An officer of the Dinas opens a running programme's
// Kandidat tab on a 360 px phone and sees its ranked candidates as cards, each with why it
// qualifies and what moved its rank in words; she records a household on the poverty register
// (DTKS) on the person's edit page and the candidate's reasons gain "kategori miskin (DTKS)" and
// its rank. On a desktop she freezes a round of one, is told in words that a second round for the
// same period overlaps it, confirms the first by typing how many it holds (a wrong count refused
// in words), sees the beneficiary enrolled among the participants, and reads why it was selected.
// The member whose enterprise was not selected finds "Pilihan program saya", sees that an officer
// confirmed the round, and reads why. The tests run in this order: each builds on the one before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, clean, dayInIndonesia, eventually, logIn, useServerAndBrowser, withPage } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004';

const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  const admin = await apiLogin(server.url, ADMIN);
  seed.dinas = await admin.post('/stakeholders', {
    name: 'Dinas Koperasi dan UMKM Kabupaten Malang',
    helix: 'government',
    kind: 'agency',
    region_code: '35.07',
  });
  seed.login = await server.addUser({
    username: 'petugas-sasaran',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas Sasaran',
    scope: `stakeholder:${seed.dinas.id}`,
  });
  const officer = await apiLogin(server.url, seed.login);
  seed.officer = officer;

  // Two micro tape enterprises never assisted (50 points each; the tie goes to the lower id, Sri's)
  // and a batik one outside the programme's sector.
  const person = (name) => officer.post('/people', { name, gender: 'female', village_code: BANJARSARI });
  seed.sri = await person('Sri Wahyuni');
  seed.painem = await person('Painem');
  const batikOwner = await person('Sumiati');
  const enterprise = (owner, name, sector) =>
    officer.post('/enterprises', { owner_id: owner.id, name, sector, village_code: BANJARSARI, turnover: 150_000_000 });
  seed.tapeSri = await enterprise(seed.sri, 'Tape Bu Sri', 'food_processing');
  seed.keripik = await enterprise(seed.painem, 'Keripik Painem', 'food_processing');
  await enterprise(batikOwner, 'Batik Sumiati', 'batik');

  seed.programme = await officer.post('/programmes', {
    name: 'Modal Usaha Mikro Pangan',
    starts_on: dayInIndonesia(-30),
    ends_on: dayInIndonesia(300),
    factors: ['capital_access'],
    budget: 100_000_000,
    criteria: { region_codes: [], sectors: ['food_processing'], scales: [], founded_within_years: null, homogeneous: false, categories: [] },
  });
  await officer.patch(`/programmes/${seed.programme.id}`, { status: 'active' });

  // Sri is a member of a tape group with an account of her own.
  const group = await officer.post('/groups', {
    name: 'KUB Tape Banjarsari',
    kind: 'joint_business_group',
    sector: 'food_processing',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  const member = await officer.post(`/groups/${group.id}/members`, { person_id: seed.sri.id, role: 'member', joined_on: dayInIndonesia(-200) });
  const account = await admin.post('/users', {
    username: 'sri-anggota',
    display_name: 'Sri Wahyuni',
    role: 'member',
    password: PASSWORD,
    scope: { kind: 'group', id: group.id },
  });
  await admin.patch(`/groups/${group.id}/members/${member.id}`, { user_id: account.id });
  seed.member = { username: 'sri-anggota', password: PASSWORD };
});

const candidatesPath = () => `${env.server.url}/programmes/${seed.programme.id}/candidates`;

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

const rowText = async (page, enterprise) => clean(await page.getByTestId(`candidate-${enterprise.id}`).textContent());

test('on a 360 px phone an officer sees the candidates with their reasons, and a household category she records changes them', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(`${env.server.url}/programmes/${seed.programme.id}`);
    await page.getByRole('link', { name: 'Kandidat' }).click();
    await page.getByTestId('candidate-table').waitFor();
    assert.equal(clean(await page.getByTestId('candidate-total').textContent()), '(2 kandidat)');
    // Cards on a phone: the rows stack, each cell under its column's name (data-label).
    const row = page.getByTestId(`candidate-${seed.tapeSri.id}`);
    assert.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'block');
    assert.equal(await row.locator('td[data-label="Skor"]').textContent(), '50');
    const sri = await rowText(page, seed.tapeSri);
    assert.match(sri, /^1 ?Tape Bu Sri ?50/);
    assert.match(sri, /✓ sektor: Olahan pangan/);
    assert.match(sri, /\+20 usaha mikro/);
    assert.match(sri, /\+30 belum pernah menerima bantuan/);
    assert.doesNotMatch(await rowText(page, seed.keripik), /kategori miskin/);
    assert.equal(await page.getByText('Batik Sumiati').count(), 0, 'the batik enterprise does not qualify');
    await assertFitsPhone(page, 'the candidates');

    // Narrowed to batik besides the criteria: nobody qualifies; every sector again: both are back.
    const narrowing = page.getByTestId('candidate-narrowing');
    await narrowing.getByText('Persempit daftar').click();
    await narrowing.getByLabel('Sektor').selectOption('batik');
    await page.getByText('Belum ada kandidat yang memenuhi syarat dan belum ikut program.').waitFor();
    assert.equal(clean(await page.getByTestId('candidate-total').textContent()), '(0 kandidat)');
    await assertFitsPhone(page, 'the narrowed candidates');
    await narrowing.getByLabel('Sektor').selectOption('');
    await page.getByTestId('candidate-table').waitFor();
    assert.equal(clean(await page.getByTestId('candidate-total').textContent()), '(2 kandidat)');

    // Painem's household is on the poverty register: the officer records it where the person is kept.
    await page.goto(`${env.server.url}/people/${seed.painem.id}/edit`);
    const household = page.getByTestId('household-section');
    assert.match(clean(await household.getByTestId('household-note').textContent()), /hanya dipakai untuk menentukan sasaran program \(UU 27\/2022\)/);
    await household.getByLabel('Keluarga miskin (DTKS)').check();
    await household.getByLabel('Sumber').fill('DTKS 2024');
    await assertFitsPhone(page, 'the person form');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan sudah disimpan.').waitFor();

    await page.goto(candidatesPath());
    await page.getByTestId('candidate-table').waitFor();
    const painem = await rowText(page, seed.keripik);
    assert.match(painem, /^1 ?Keripik Painem ?75/);
    assert.match(painem, /\+25 kategori miskin \(DTKS\)/);
    assert.match(await rowText(page, seed.tapeSri), /^2 ?Tape Bu Sri ?50/);
  });
});

test('on a desktop she freezes a round, is refused an overlapping one in words, confirms it with the count, and sees it enrolled', { timeout: 180_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.goto(candidatesPath());
    await page.getByTestId('candidate-table').waitFor();
    assert.equal(await page.getByTestId(`candidate-${seed.keripik.id}`).evaluate((tr) => getComputedStyle(tr).display), 'table-row', 'a table on a desktop');
    assert.match(clean(await page.getByTestId('candidate-table').locator('thead').textContent()), /Peringkat.*Nama.*Skor.*Mengapa memenuhi syarat.*Yang menggerakkan peringkat/);

    // How many, asked first.
    await page.getByRole('button', { name: 'Bekukan daftar' }).click();
    await page.getByLabel('Berapa penerima').fill('1');
    assert.equal(clean(await page.getByTestId('freeze-question').textContent()), 'Yang dibekukan: 1 usaha teratas.');
    await page.getByRole('button', { name: 'Bekukan', exact: true }).click();
    await page.getByText(/^Daftar dibekukan dalam putaran #\d+: 1 penerima\./).waitFor();
    const round = (await seed.officer.get(`/programmes/${seed.programme.id}/rounds`)).items[0];
    assert.equal(round.status, 'draft');
    assert.match(clean(await page.getByTestId(`round-${round.id}`).textContent()), /Rancangan.*1 terpilih dari 2 yang memenuhi syarat · batas skor 75/);

    // The same period again overlaps the draft: refused in words, nothing frozen.
    await page.getByRole('button', { name: 'Bekukan daftar' }).click();
    await page.getByRole('button', { name: 'Bekukan', exact: true }).click();
    await page.getByText(new RegExp(`^Periode ini bertumpang tindih dengan putaran #${round.id} \\(`)).waitFor();
    assert.equal((await seed.officer.get(`/programmes/${seed.programme.id}/rounds`)).total, 1);
    await page.getByRole('button', { name: 'Batal' }).click();

    // The frozen list, confirmed only with the count it holds.
    await page.getByRole('link', { name: `Putaran #${round.id} (usaha)` }).click();
    const list = page.getByTestId('beneficiary-table');
    await list.waitFor();
    assert.match(clean(await list.textContent()), /1 ?Keripik Painem ?75/);
    await page.getByLabel(/^Jumlah penerima yang Anda konfirmasi/).fill('2');
    await page.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
    await page.getByText('Daftar ini berisi 1 penerima, bukan 2. Periksa lagi lalu ketik jumlah yang ada di daftar.').waitFor();
    await page.getByLabel(/^Jumlah penerima yang Anda konfirmasi/).fill('1');
    await page.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
    await page.getByText('Putaran dikonfirmasi: 1 penerima baru diikutkan program.').waitFor();
    assert.equal(clean(await page.getByTestId('round-status').textContent()), 'Dikonfirmasi');

    // Why it was selected, and why another was not.
    await page.getByRole('button', { name: 'Mengapa Keripik Painem?' }).click();
    assert.match(clean(await page.getByTestId('decision').textContent()), /Terpilih: urutan ke-1 dengan skor 75\..*\+25 kategori miskin \(DTKS\)/);
    const ask = page.getByTestId('ask-why');
    await ask.getByLabel('Usaha').check();
    await ask.getByLabel('Cari nama').fill('Tape Bu');
    await ask.getByRole('button', { name: 'Pilih Tape Bu Sri' }).click();
    await eventually(async () => (await ask.getByTestId('decision').count()) === 1, { message: 'the decision about Tape Bu Sri' });
    assert.match(clean(await ask.getByTestId('decision').textContent()), /Tidak terpilih: memenuhi syarat, tetapi skornya 50 tidak di atas batas 75/);

    // Enrolled: the participants tab lists her.
    await page.getByRole('link', { name: 'Peserta' }).click();
    await page.getByTestId('enrolment-list').getByText('Keripik Painem').waitFor();
    assert.equal((await seed.officer.get(`/programmes/${seed.programme.id}/enrolments`)).total, 1);
  });
});

test('the member whose enterprise was not selected finds her selection, the officer’s confirmation, and why', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.member);
    await page.getByTestId('menu-button').click();
    await page.getByRole('link', { name: 'Pilihan program saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilihan program saya' }).waitFor();
    const card = page.getByTestId('selections').locator('li').first();
    await card.waitFor();
    const text = clean(await card.textContent());
    assert.match(text, /Modal Usaha Mikro Pangan/);
    assert.match(text, /Tape Bu Sri Tidak terpilih/);
    assert.match(clean(await card.getByTestId('selection-note').textContent()), /^Petugas program mengonfirmasi putaran ini pada .+\. Anda boleh menanyakan alasannya/);
    await card.getByText('Mengapa?').click();
    const decision = card.getByTestId('decision');
    await decision.waitFor();
    assert.match(clean(await decision.textContent()), /skornya 50 tidak di atas batas 75.*\+30 belum pernah menerima bantuan/);
    await assertFitsPhone(page, 'her selections');
  });
});
