// The registry's people (business owners) against the real server: an officer on a phone finds
// a person by name and corrects her phone and birth year, and the page's history says who changed
// what from what; a NIK is stored only with the owner's consent and shown in full or masked by
// role; an officer of another stakeholder reads the record and is told, in words, why she cannot
// change it. One server for the file; every test works on its own person.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, eventually, logIn, withPage, useServerAndBrowser, clean } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer, seedPeople);

const PASSWORD = 'kata sandi e2e yang panjang';
const NEW_NIK = '3579015501800002';
const NEW_NIK_MASKED = '3579********0002';
const CONSENT_ERROR = 'NIK hanya boleh disimpan bila pemiliknya setuju. Centang persetujuan, atau kosongkan NIK.';

/** Filled in by the `before` hook: the accounts, stakeholders and people. */
const seed = {};

async function seedPeople() {
  const admin = await apiLogin(env.server.url, ADMIN);
  seed.admin = admin;
  seed.dinas = await admin.post('/stakeholders', {
    name: 'Dinas Koperasi dan UMKM Kota Batu',
    helix: 'government',
    kind: 'agency',
    region_code: '35.79',
  });
  seed.bank = await admin.post('/stakeholders', {
    name: 'BRI Kantor Cabang Batu',
    helix: 'business',
    kind: 'bank',
    region_code: '35.79',
  });
  seed.officer = await env.server.addUser({
    username: 'petugas',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas Dinas Batu',
    scope: `stakeholder:${seed.dinas.id}`,
  });
  seed.bankOfficer = await env.server.addUser({
    username: 'petugas-bri',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas BRI',
    scope: `stakeholder:${seed.bank.id}`,
  });

  // The Dinas keeps these records: its officer adds them.
  const officer = await apiLogin(env.server.url, seed.officer);
  seed.officerApi = officer;
  const add = (body) => officer.post('/people', { village_code: '35.79.02.2006', ...body });
  // Her birth year was typed wrong (1908 for 1980) and her phone has changed.
  seed.siti = await add({ name: 'Siti Aminah', gender: 'female', birth_year: 1908, phone: '0812-3456-7890' });
  seed.sri = await add({ name: 'Sri Wahyuni', gender: 'female', birth_year: 1975 });
  seed.sulastri = await add({ name: 'Sulastri', gender: 'female', birth_year: 1969, phone: '0813-1111-2222' });
  for (const name of ['Joko Santoso', 'Budi Hartono', 'Slamet Riyadi']) await add({ name, gender: 'male' });
  seed.enterprise = await officer.post('/enterprises', {
    owner_id: seed.sulastri.id,
    name: 'Tape Singkong Sulastri',
    sector: 'food_processing',
    village_code: '35.79.02.2006',
  });
}

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

async function openPerson(page, person) {
  await page.goto(`${env.server.url}/people/${person.id}`);
  await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
}

/** The history's entries as their text, newest first, once there are `count` of them. */
async function historyEntries(page, count) {
  const entries = page.getByTestId('history').locator(':scope > li');
  await eventually(async () => (await entries.count()) === count, { message: `${count} history entries` });
  return (await entries.allTextContents()).map(clean);
}

test('an officer on a phone finds a person by name, corrects her phone and birth year, and the history says old → new and who', { timeout: 60_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('primary-nav').getByRole('link', { name: 'Pemilik usaha' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pemilik usaha' }).waitFor();
    await eventually(async () => clean(await page.getByTestId('people-total').textContent()) === '6 orang ditemukan', {
      message: 'everyone listed',
    });
    await assertFitsPhone(page, 'the people list');

    await page.getByLabel('Cari nama').fill('siti');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await eventually(async () => clean(await page.getByTestId('people-total').textContent()) === '1 orang ditemukan', {
      message: 'the search to find Siti alone',
    });
    assert.equal(new URL(page.url()).search, '?q=siti');
    const row = page.getByTestId(`person-row-${seed.siti.id}`);
    assert.match(clean(await row.textContent()), /Siti Aminah.*Bumiaji.*Perempuan.*1908.*\+6281234567890/);
    await assertFitsPhone(page, 'the people list searched');
    await row.getByRole('link', { name: 'Siti Aminah' }).click();

    await page.getByRole('heading', { level: 1, name: 'Siti Aminah' }).waitFor();
    assert.equal(clean(await page.getByTestId('person-phone').textContent()), '+6281234567890');
    assert.match(clean(await page.getByTestId('person-birth-year').textContent()), /^1908 \(sekitar \d+ tahun\)$/);
    await assertFitsPhone(page, 'the person page');

    await page.getByRole('link', { name: 'Ubah data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah data Siti Aminah' }).waitFor();
    await page.getByLabel('Nomor telepon').fill('0813-3344-5566');
    await page.getByLabel('Tahun lahir').fill('1980');
    await assertFitsPhone(page, 'the edit form');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();

    await page.waitForURL(`${env.server.url}/people/${seed.siti.id}`);
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    assert.equal(clean(await page.getByTestId('person-phone').textContent()), '+6281333445566');
    assert.equal(
      clean(await page.getByTestId('person-birth-year').textContent()),
      `1980 (sekitar ${new Date().getFullYear() - 1980} tahun)`,
    );
    const [change, creation] = await historyEntries(page, 2);
    assert.match(change, /^Diubah .* oleh petugas/);
    assert.match(change, /Nomor telepon: \+6281234567890 → \+6281333445566/);
    assert.match(change, /Tahun lahir: 1908 → 1980/);
    assert.doesNotMatch(change, /Nama|NIK|Jenis kelamin/); // nothing else was sent
    assert.match(creation, /^Didaftarkan .* oleh petugas/);
    await assertFitsPhone(page, 'the person page with its history');
  });

  const stored = await seed.admin.get(`/people/${seed.siti.id}`);
  assert.deepEqual({ phone: stored.phone, birth_year: stored.birth_year, gender: stored.gender }, {
    phone: '+6281333445566',
    birth_year: 1980,
    gender: 'female',
  });
});

test('an officer on a phone corrects an owner registered as a man to a woman, and the history says Laki-laki → Perempuan', { timeout: 60_000 }, async (t) => {
  const person = await seed.officerApi.post('/people', { name: 'Sri Rahayu', gender: 'male', birth_year: 1982 });
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await openPerson(page, person);
    assert.equal(clean(await page.getByTestId('person-gender').textContent()), 'Laki-laki');
    await page.getByRole('link', { name: 'Ubah data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah data Sri Rahayu' }).waitFor();
    await page.getByLabel('Jenis kelamin').selectOption({ label: 'Perempuan' });
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();

    await page.waitForURL(`${env.server.url}/people/${person.id}`);
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    assert.equal(clean(await page.getByTestId('person-gender').textContent()), 'Perempuan');
    const [change] = await historyEntries(page, 2);
    assert.match(change, /^Diubah .* oleh petugas/);
    assert.match(change, /Jenis kelamin: Laki-laki → Perempuan/);
    assert.doesNotMatch(change, /Nama|NIK|Nomor telepon|Tahun lahir/); // nothing else was sent
    await assertFitsPhone(page, 'the person page with the corrected gender');
  });
  const stored = await seed.admin.get(`/people/${person.id}`);
  assert.deepEqual({ gender: stored.gender, birth_year: stored.birth_year }, { gender: 'female', birth_year: 1982 });
});

test('a NIK typed without the owner’s consent is refused beside the consent box and nothing is saved; with consent it is kept, in full for the steward’s officer and masked for another', { timeout: 60_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await openPerson(page, seed.sri);
    assert.equal(clean(await page.getByTestId('person-nik').textContent()), 'Tidak disimpan');
    assert.equal(clean(await page.getByTestId('person-consent').textContent()), 'Belum ada');
    await page.getByRole('link', { name: 'Ubah data' }).click();
    await page.getByLabel('NIK', { exact: true }).fill(NEW_NIK);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();

    const consent = page.getByRole('checkbox', { name: 'Pemilik sudah setuju NIK-nya disimpan di gotong' });
    // The message stands under the box itself, which is marked as the one to correct.
    await page.locator('.check', { has: consent }).getByText(CONSENT_ERROR).waitFor();
    assert.equal(await consent.getAttribute('aria-invalid'), 'true');
    assert.equal(new URL(page.url()).pathname, `/people/${seed.sri.id}/edit`);
    const unchanged = await seed.admin.get(`/people/${seed.sri.id}`);
    assert.deepEqual({ nik: unchanged.nik, nik_consent_at: unchanged.nik_consent_at }, { nik: null, nik_consent_at: null });
    assert.equal((await seed.admin.get(`/people/${seed.sri.id}/history`)).total, 1, 'only the creation is in the history');
    await assertFitsPhone(page, 'the edit form with the consent error');

    await consent.check();
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.waitForURL(`${env.server.url}/people/${seed.sri.id}`);
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    // The Dinas keeps the record: its officer sees the NIK in full.
    assert.equal(clean(await page.getByTestId('person-nik').textContent()), NEW_NIK);
    assert.match(clean(await page.getByTestId('person-consent').textContent()), /^Sudah setuju, tercatat \d+ \S+ \d{4}/);
    const [change] = await historyEntries(page, 2);
    // The history never shows a NIK in full.
    assert.match(change, new RegExp(`NIK: \\(kosong\\) → ${NEW_NIK_MASKED.replace(/\*/g, '\\*')}`));
    assert.doesNotMatch(change, new RegExp(NEW_NIK));
  });

  const stored = await seed.admin.get(`/people/${seed.sri.id}`);
  assert.equal(stored.nik, NEW_NIK);
  assert.ok(stored.nik_consent_at, 'the consent is recorded');

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.bankOfficer);
    await openPerson(page, seed.sri);
    assert.equal(clean(await page.getByTestId('person-nik').textContent()), `${NEW_NIK_MASKED} (disamarkan)`);
    assert.match(clean(await page.getByTestId('person-consent').textContent()), /^Sudah setuju, tercatat/);
  });
});

test('the steward’s officer removes a NIK together with its consent', { timeout: 60_000 }, async (t) => {
  const person = await seed.officerApi.post('/people', {
    name: 'Wati Lestari',
    gender: 'female',
    nik: '3579015501800003',
    nik_consent: true,
  });
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await page.goto(`${env.server.url}/people/${person.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Ubah data Wati Lestari' }).waitFor();
    await page.getByRole('button', { name: 'Hapus NIK' }).click();
    await page.getByText('NIK dan persetujuannya akan dihapus saat Anda menyimpan.').waitFor();
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    assert.equal(clean(await page.getByTestId('person-nik').textContent()), 'Tidak disimpan');
    assert.equal(clean(await page.getByTestId('person-consent').textContent()), 'Belum ada');
  });
  const stored = await seed.admin.get(`/people/${person.id}`);
  assert.deepEqual({ nik: stored.nik, nik_consent_at: stored.nik_consent_at }, { nik: null, nik_consent_at: null });
});

test('an officer of another stakeholder reads a person but cannot change her record, and is told why in words', { timeout: 60_000 }, async (t) => {
  const refusal = `Data ini dikelola oleh ${seed.dinas.name}. Hanya admin dan petugas lembaga itu yang dapat mengubahnya.`;
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.bankOfficer);
    await openPerson(page, seed.sulastri);
    assert.equal(clean(await page.getByTestId('person-phone').textContent()), '+6281311112222');
    assert.equal(await page.getByRole('link', { name: 'Ubah data' }).count(), 0);
    await eventually(async () => clean(await page.getByTestId('person-read-only').textContent()) === refusal, {
      message: 'the page to say who keeps the record',
    });
    assert.equal(clean(await page.getByTestId('person-steward').textContent()), seed.dinas.name);

    // The edit form's address typed in: the same refusal, and no form.
    await page.goto(`${env.server.url}/people/${seed.sulastri.id}/edit`);
    const refused = page.getByTestId('person-edit-refused');
    await eventually(async () => clean(await refused.textContent()) === refusal, { message: 'the edit page to refuse in words' });
    assert.equal(await page.getByRole('button', { name: 'Simpan perubahan' }).count(), 0);
    await assertFitsPhone(page, 'the refused edit page');
  });

  // The server holds the same rule the page told her.
  const bank = await apiLogin(env.server.url, seed.bankOfficer);
  const response = await bank.raw('PATCH', `/people/${seed.sulastri.id}`, { body: { phone: '0899-0000-0000' } });
  const problem = await response.json();
  assert.equal(response.status, 403, JSON.stringify(problem));
  assert.equal((await seed.admin.get(`/people/${seed.sulastri.id}`)).phone, '+6281311112222');
});

test('the enterprise page leads to its owner’s page', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/registry/${seed.enterprise.id}`);
    await page.getByRole('heading', { level: 1, name: 'Tape Singkong Sulastri' }).waitFor();
    await page.getByRole('link', { name: 'Buka data Sulastri dan riwayat perubahannya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sulastri' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/people/${seed.sulastri.id}`);
    // An admin may change any record.
    await page.getByRole('link', { name: 'Ubah data' }).waitFor();
  });
});
