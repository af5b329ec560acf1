// The admin's pages against the real server: users (add, role and scope, disable, password
// reset, API tokens), the audit log (by who and by day; before and after), the official region
// tree, and the no-access page for everyone else. The users list, an audit entry and the audit
// filters are checked on a 360 px phone as well. Every test makes its own accounts through the API, then works in the browser
// and checks with the server what really happened (a sign-in, a bearer call).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, eventually, logIn, withPage, useServerAndBrowser, clean, dayInIndonesia } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const PASSWORD = 'kata sandi e2e yang panjang';
const BANJARSARI = '35.07.20.2004'; // Banjarsari, Ngajum, Kabupaten Malang
const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  seed.admin = await apiLogin(server.url, ADMIN);
  seed.dinas = await seed.admin.post('/stakeholders', {
    name: 'Dinas Koperasi dan UMKM Kota Batu',
    helix: 'government',
    kind: 'agency',
    region_code: '35.79',
  });
  seed.group = await seed.admin.post('/groups', {
    name: 'Harapan Sejahtera',
    kind: 'joint_business_group',
    sector: 'food_processing',
    village_code: BANJARSARI,
    status: 'active',
    sop_meetings_per_month: 1,
  });
});

let accounts = 0;

/** An officer of the Dinas, made through the API: { user, login }. */
async function seedOfficer(displayName) {
  accounts += 1;
  const username = `petugas-${accounts}`;
  const user = await seed.admin.post('/users', {
    username,
    display_name: displayName,
    role: 'officer',
    password: PASSWORD,
    scope: { kind: 'stakeholder', id: seed.dinas.id },
  });
  return { user, login: { username, password: PASSWORD } };
}

/** POST /session as someone, without keeping anything: the answer's status (201, 401, 403 …). */
async function signInStatus(login) {
  const response = await fetch(`${env.server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(login),
  });
  await response.arrayBuffer();
  return response.status;
}

/** GET /me with a bearer token: the status and, when it worked, the user it acts as. */
async function bearerMe(token) {
  const response = await fetch(`${env.server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json();
  return { status: response.status, username: body.user?.username ?? null };
}

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

async function openUser(page, user) {
  await page.goto(`${env.server.url}/users/${user.id}`);
  await page.getByRole('heading', { level: 1, name: user.display_name }).waitFor();
}

test('users: on a phone the admin finds the users page, adds an officer with her organisation picked by name, and she can sign in', { timeout: 60_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('primary-nav').getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await page.getByTestId(`user-row-${ADMIN.username}`).waitFor();
    await assertFitsPhone(page, 'the users list');

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = page.getByTestId('new-user-form');
    await form.getByLabel('Nama pengguna *').fill('ratna.dewi');
    await form.getByLabel('Nama tampilan').fill('Ratna Dewi');
    await form.getByLabel('Peran *').selectOption('officer');
    await form.getByRole('button', { name: `Pilih ${seed.dinas.name}` }).click();
    assert.equal(clean(await form.getByTestId('scope-chosen').textContent()), seed.dinas.name);
    await form.getByLabel('Kata sandi awal *', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Ulangi kata sandi awal *').fill(PASSWORD);
    await assertFitsPhone(page, 'the new user form');
    await form.getByRole('button', { name: 'Buat akun' }).click();

    await page.getByText('Akun ratna.dewi sudah dibuat.').waitFor();
    const row = page.getByTestId('user-row-ratna.dewi');
    await eventually(async () => clean(await row.textContent()).includes(`Lembaga: ${seed.dinas.name}`), {
      message: 'the new account listed with her organisation',
    });
    assert.match(clean(await row.textContent()), /Ratna Dewi.*Petugas Dinas.*Aktif/);
    await assertFitsPhone(page, 'the users list with the new account');
  });

  const users = await seed.admin.get('/users?limit=200');
  const ratna = users.items.find((u) => u.username === 'ratna.dewi');
  assert.deepEqual(
    { role: ratna.role, scope: ratna.scope, display_name: ratna.display_name, disabled: ratna.disabled },
    { role: 'officer', scope: { kind: 'stakeholder', id: seed.dinas.id }, display_name: 'Ratna Dewi', disabled: false },
  );
  assert.equal(await signInStatus({ username: 'ratna.dewi', password: PASSWORD }), 201);
});

test('users: changing an officer into a member of a group sends role and scope; the server keeps both', { timeout: 60_000 }, async (t) => {
  const { user } = await seedOfficer('Budi Santoso');
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openUser(page, user);
    await eventually(async () => clean(await page.getByTestId('user-detail-scope').textContent()) === `Lembaga: ${seed.dinas.name}`, {
      message: 'the scope by name',
    });
    await page.getByTestId('account-card').getByRole('button', { name: 'Ubah' }).click();
    const form = page.getByTestId('access-form');
    await form.getByLabel('Peran *').selectOption('member');
    await form.getByRole('button', { name: `Pilih ${seed.group.name}` }).click();
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    assert.equal(clean(await page.getByTestId('user-detail-role').textContent()), 'Anggota');
    await eventually(async () => clean(await page.getByTestId('user-detail-scope').textContent()) === `Kelompok: ${seed.group.name}`, {
      message: 'the new scope by name',
    });
  });
  const stored = await seed.admin.get(`/users/${user.id}`);
  assert.equal(stored.role, 'member');
  assert.deepEqual(stored.scope, { kind: 'group', id: seed.group.id });
});

test('users: disabling an account, once the question is answered, keeps her from signing in and ends her session', { timeout: 60_000 }, async (t) => {
  const { user, login } = await seedOfficer('Dewi Lestari');
  const her = await apiLogin(env.server.url, login);
  const { token } = await seed.admin.post(`/users/${user.id}/tokens`, { name: 'laporan' });
  assert.equal((await bearerMe(token)).status, 200);
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openUser(page, user);
    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await page.getByText(/Nonaktifkan akun Dewi Lestari\? Ia tidak dapat masuk lagi.*Token akses aplikasinya juga berhenti bekerja/).waitFor();
    await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByText('Akun Dewi Lestari sudah dinonaktifkan. Ia sudah dikeluarkan dari semua perangkat.').waitFor();
    await page.getByRole('button', { name: 'Aktifkan kembali' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Buat token' }).count(), 0, 'a disabled account gets no token');
  });
  assert.equal(await signInStatus(login), 403, 'a disabled account cannot sign in');
  const session = await her.raw('GET', '/me');
  assert.equal(session.status, 401, 'her open session has ended');
  assert.equal((await bearerMe(token)).status, 401, 'her token stops working while she is disabled');
});

test('users: a reset password is shown once; the old one fails, the temporary one works, she was signed out; not offered for oneself', { timeout: 60_000 }, async (t) => {
  const { user, login } = await seedOfficer('Sri Wahyuni');
  const her = await apiLogin(env.server.url, login);
  let temporary;
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openUser(page, user);
    await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await page.getByRole('button', { name: 'Ya, atur ulang' }).click();
    const secret = page.getByTestId('temporary-password');
    await secret.waitFor();
    temporary = await secret.getByTestId('secret-value').inputValue();
    assert.ok(temporary.length >= 12, `a temporary password of ${temporary.length} characters`);
    const words = clean(await secret.textContent());
    assert.match(words, /hanya ditampilkan sekali/);
    assert.match(words, /Sri Wahyuni sudah dikeluarkan dari semua perangkat/);
    assert.match(words, /secara pribadi/);
    await secret.getByRole('button', { name: 'Salin' }).waitFor();
    await secret.getByRole('button', { name: 'Selesai, sudah saya simpan' }).click();
    await secret.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(temporary).count(), 0, 'the password is gone once closed');

    // Her own account: no reset, no disabling, a way to the account page instead.
    await page.goto(`${env.server.url}/users/${seed.admin.user.id}`);
    await page.getByRole('heading', { level: 1, name: ADMIN.displayName }).waitFor();
    await page.getByRole('link', { name: 'Buka halaman Akun' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Atur ulang kata sandi' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Nonaktifkan akun' }).count(), 0);
  });
  assert.equal(await signInStatus(login), 401, 'the old password no longer works');
  assert.equal(await signInStatus({ username: login.username, password: temporary }), 201, 'the temporary one does');
  assert.equal((await her.raw('GET', '/me')).status, 401, 'she was signed out everywhere');
});

test('users: an issued token authenticates as her with Authorization: Bearer, and no longer once revoked', { timeout: 60_000 }, async (t) => {
  const { user, login } = await seedOfficer('Agus Salim');
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openUser(page, user);
    await page.getByTestId('tokens-card').getByRole('button', { name: 'Buat token' }).click();
    const form = page.getByTestId('token-form');
    await form.getByLabel('Untuk apa token ini? *').fill('laporan dinas');
    await form.getByRole('button', { name: 'Buat token' }).click();

    const secret = page.getByTestId('issued-token');
    await secret.waitFor();
    assert.match(clean(await secret.textContent()), /Token ini hanya ditampilkan sekali/);
    const token = await secret.getByTestId('secret-value').inputValue();
    assert.deepEqual(await bearerMe(token), { status: 200, username: login.username });

    await secret.getByRole('button', { name: 'Selesai, sudah saya simpan' }).click();
    await page.getByRole('button', { name: 'Cabut token laporan dinas' }).click();
    await page.getByText('Cabut token "laporan dinas"?', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByText('Token "laporan dinas" sudah dicabut.').waitFor();
    const card = page.getByTestId('token-list').locator('.record-card--revoked');
    await card.waitFor();
    assert.match(clean(await card.textContent()), /laporan dinas.*Dicabut pada \d+ \w+ \d{4}/);
    assert.equal((await bearerMe(token)).status, 401, 'a revoked token no longer authenticates');
  });
});

/** The "Peran" row of the opened entry: where its before and after cells sit. */
async function roleCells(page) {
  const row = page.getByTestId('audit-entry').getByTestId('diff-role');
  const before = await row.locator('.diff__before').boundingBox();
  const after = await row.locator('.diff__after').boundingBox();
  return { row, before, after };
}

async function openRoleChange(page, user) {
  await page.goto(`${env.server.url}/audit`);
  await page.getByRole('heading', { level: 1, name: 'Jejak perubahan' }).waitFor();
  await page.getByLabel('Jenis data').selectOption({ label: 'Pengguna' });
  await page.waitForURL(/entity=user/);
  await page.getByLabel('Nomor data').fill(String(user.id));
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.waitForURL(new RegExp(`entity_id=${user.id}`));
  await page.getByRole('button', { name: `Lihat rincian: Diubah, Pengguna nomor ${user.id}` }).click();
  await page.getByTestId('audit-entry').waitFor();
}

test('audit: filtered to one user, her role change shows before and after side by side, and stacked on a phone', { timeout: 60_000 }, async (t) => {
  const { user } = await seedOfficer('Wulan Sari');
  await seed.admin.patch(`/users/${user.id}`, { role: 'facilitator', scope: null });

  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openRoleChange(page, user);
    const entry = page.getByTestId('audit-entry');
    assert.equal(clean(await entry.getByRole('heading', { level: 2 }).textContent()), `Diubah: Pengguna nomor ${user.id}`);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    assert.equal(await rows.count(), 2, 'her creation and her change, nothing else');
    const { row, before, after } = await roleCells(page);
    assert.equal(clean(await row.locator('.diff__before').textContent()), 'Petugas Dinas');
    assert.equal(clean(await row.locator('.diff__after').textContent()), 'Fasilitator');
    assert.match(await row.getAttribute('class'), /diff__row--changed/);
    assert.ok(Math.abs(before.y - after.y) < 2 && after.x > before.x + before.width - 1, 'before and after side by side');
    const unchanged = entry.getByTestId('diff-username');
    assert.doesNotMatch(await unchanged.getAttribute('class'), /changed/);
  });

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await openRoleChange(page, user);
    const { before, after } = await roleCells(page);
    assert.ok(after.y >= before.y + before.height - 1, 'on a phone, after stacks under before');
    await assertFitsPhone(page, 'an audit entry');
  });
});

test('audit: on a phone the admin reads one officer\'s changes between two days, the filters kept on reload', { timeout: 60_000 }, async (t) => {
  // Two officers each sign in and add a person today; the server stamps every entry with its own clock.
  const rina = await seedOfficer('Rina Kartika');
  const joko = await seedOfficer('Joko Prasetyo');
  for (const [who, name] of [
    [rina, 'Ani Suryani'],
    [joko, 'Bejo Sutrisno'],
  ]) {
    const api = await apiLogin(env.server.url, who.login);
    await api.post('/people', { name, gender: name === 'Ani Suryani' ? 'female' : 'male', village_code: BANJARSARI });
  }
  const today = dayInIndonesia();
  const yesterday = dayInIndonesia(-1);
  const rows = (page) => page.getByTestId('audit-table').locator('tbody tr');

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Jejak perubahan' }).waitFor();
    // Each choice lands in the address before the next one is made (as in openRoleChange).
    await page.getByLabel('Diubah oleh').selectOption({ label: `Rina Kartika (${rina.login.username})` });
    await page.waitForURL((url) => url.search === `?actor=${rina.user.id}`);
    await page.getByLabel('Dari tanggal').fill(yesterday);
    await page.waitForURL((url) => url.search === `?actor=${rina.user.id}&from=${yesterday}`);
    await page.getByLabel('Sampai tanggal').fill(today);
    await page.waitForURL((url) => url.search === `?actor=${rina.user.id}&from=${yesterday}&to=${today}`);

    const onlyRina = async () => {
      await eventually(async () => clean(await page.getByTestId('audit-total').textContent()) === '2 catatan', {
        message: 'her sign-in and the person she added',
      });
      const texts = (await rows(page).allTextContents()).map(clean);
      assert.equal(texts.length, 2);
      assert.ok(texts.every((text) => text.includes(rina.login.username)), `only Rina's changes: ${texts.join(' | ')}`);
      assert.ok(texts.every((text) => !text.includes(joko.login.username)), 'nothing of Joko');
      assert.match(texts[0], /Pemilik usaha/);
      assert.match(texts[1], /Masuk/);
    };
    await onlyRina();
    await assertFitsPhone(page, 'the audit log with its filters');

    // The address holds the filters: a reload shows the same choices and the same entries.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jejak perubahan' }).waitFor();
    await eventually(async () => (await page.getByLabel('Diubah oleh').inputValue()) === String(rina.user.id), {
      message: 'who kept after a reload',
    });
    assert.equal(await page.getByLabel('Dari tanggal').inputValue(), yesterday);
    assert.equal(await page.getByLabel('Sampai tanggal').inputValue(), today);
    await onlyRina();

    // A range that ends yesterday leaves out all that was done today.
    await page.getByLabel('Sampai tanggal').fill(yesterday);
    await page.waitForURL((url) => url.search === `?actor=${rina.user.id}&from=${yesterday}&to=${yesterday}`);
    await page.getByText('Tidak ada catatan yang cocok.').waitFor();
    assert.equal(await rows(page).count(), 0);
  });

  // What the page showed is what the server finds.
  const found = await seed.admin.get(`/audit?actor=${rina.user.id}&from=${yesterday}&to=${today}`);
  assert.deepEqual(
    found.items.map((entry) => [entry.actor.id, entry.entity, entry.action]),
    [
      [rina.user.id, 'person', 'create'],
      [rina.user.id, 'session', 'login'],
    ],
  );
});

test('regions: drilling down from Jawa Timur to Banjarsari, with the load and the data edition the server recorded', { timeout: 60_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Wilayah resmi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wilayah resmi' }).waitFor();

    // What the server recorded of the data's load (audit entity "regions"): how many, which edition, from where.
    const source = page.getByTestId('region-source');
    await source.getByTestId('region-count').waitFor();
    assert.equal(clean(await source.getByTestId('region-count').textContent()), '91.599');
    const { version } = JSON.parse(await readFile(new URL('../../node_modules/idn-area-data/package.json', import.meta.url), 'utf8'));
    assert.match(clean(await source.getByTestId('region-version').textContent()), new RegExp(`idn-area-data ${version.replaceAll('.', '\\.')}$`));
    assert.match(clean(await source.getByTestId('region-source-path').textContent()), /idn-area-data/);
    assert.match(clean(await source.getByTestId('region-loaded-at').textContent()), /\d{4}/);

    const tree = page.getByTestId('region-tree');
    for (const name of ['Jawa Timur', 'Kabupaten Malang', 'Ngajum', 'Banjarsari']) {
      await tree.getByTestId('region-children').getByRole('link', { name, exact: true }).click();
      await tree.getByRole('heading', { level: 2, name }).waitFor();
    }
    await page.waitForURL(`${env.server.url}/regions/${BANJARSARI}`);
    await tree.getByTestId('region-leaf').waitFor();
    assert.equal(clean(await tree.getByTestId('region-detail-code').textContent()), BANJARSARI);
    const crumbs = (await tree.getByTestId('region-breadcrumb').locator('li').allTextContents()).map(clean);
    assert.deepEqual(crumbs, ['Indonesia', 'Jawa Timur', 'Kabupaten Malang', 'Ngajum', 'Banjarsari']);

    await tree.getByTestId('region-breadcrumb').getByRole('link', { name: 'Kabupaten Malang' }).click();
    await tree.getByRole('heading', { level: 2, name: 'Kabupaten Malang' }).waitFor();
    await tree.getByTestId('region-children').getByRole('link', { name: 'Ngajum', exact: true }).waitFor();
  });
});

test('a non-admin who opens the admin pages gets the no-access page with a way back, and no admin links', { timeout: 60_000 }, async (t) => {
  const { login } = await seedOfficer('Petugas Biasa');
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, login);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    for (const name of ['Pengguna', 'Jejak perubahan', 'Wilayah resmi']) {
      assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 0, `${name} is not in an officer's navigation`);
    }
    for (const path of ['/users', `/users/${seed.admin.user.id}`, '/audit', '/regions/35']) {
      await page.goto(`${env.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    }
    await page.getByTestId('forbidden').getByRole('link', { name: 'Beranda', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
  });
});
