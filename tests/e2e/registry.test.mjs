// The MSME registry against the real server: the filtered list, the drill-down per area, the
// detail page and its edit form, NIK masking per role, CSV export, the renewal worklist on a
// phone, and the stakeholders page. One server for the file; every test works on its own records,
// so each holds whatever order the tests run in.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiLogin, importCsv } from './api.mjs';
import { DESKTOP, PHONE, eventually, logIn, withPage, useServerAndBrowser, clean } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer, seedRegistry);

const PASSWORD = 'kata sandi e2e yang panjang';
const NIK = '3579015501800001';
const NIK_MASKED = '3579********0001';
const TAKEN_NIB = '9120000000001';

/** Filled in by the `before` hook below: the accounts, stakeholders and enterprise ids. */
const seed = {};

/** The registry every test starts from: 9 enterprises, 8 in Kota Batu and 1 in Kabupaten Malang. */
async function seedRegistry() {
  const admin = await apiLogin(env.server.url, ADMIN);
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
    scope: `stakeholder:${seed.bank.id}`,
  });
  seed.facilitator = await env.server.addUser({ username: 'fasilitator', password: PASSWORD, role: 'facilitator' });

  const dinas = seed.dinas.id;
  const enterprises = [
    // Kota Batu › Batu › Oro-oro Ombo; micro by turnover; the owner's NIK is stored with consent
    {
      owner: { name: 'Siti Aminah', gender: 'female', nik: NIK, nik_consent: true },
      name: 'Batik Sekar Arum',
      sector: 'batik',
      village_code: '35.79.01.2006',
      turnover: 180_000_000,
      steward_id: dinas,
    },
    // Kota Batu › Bumiaji › Punten; small by turnover
    {
      owner: { name: 'Joko Santoso', gender: 'male' },
      name: 'Batik Tulis Punten',
      sector: 'batik',
      village_code: '35.79.02.2001',
      turnover: 3_000_000_000,
      nib: TAKEN_NIB,
      steward_id: dinas,
    },
    // Kota Batu › Bumiaji › Bumiaji; micro
    {
      owner: { name: 'Sri Wahyuni' },
      name: 'Keripik Apel Bumiaji',
      sector: 'food_processing',
      village_code: '35.79.02.2006',
      turnover: 250_000_000,
    },
    // Kota Batu › Junrejo › Tlekung; medium by capital (turnover unknown)
    { owner: { name: 'Budi Hartono' }, name: 'Kopi Arjuno', sector: 'beverages', village_code: '35.79.03.2004', capital: 6_000_000_000 },
    // Kabupaten Malang › Ngajum › Banjarsari; scale unknown
    { owner: { name: 'Tini Rahayu' }, name: 'Warung Bu Tin', sector: 'culinary', village_code: '35.07.20.2004' },
    // Kota Batu › Junrejo › Junrejo; the record the edit test changes
    {
      owner: { name: 'Slamet Riyadi' },
      name: 'Kerajinan Kayu Junrejo',
      sector: 'crafts',
      village_code: '35.79.03.2003',
      employees: 2,
      turnover: 100_000_000,
      steward_id: dinas,
    },
  ];
  seed.ids = {};
  for (const body of enterprises) seed.ids[body.name] = (await admin.post('/enterprises', body)).id;

  // Kota Batu › Batu › Sidomulyo, for the renewal worklist: the officer imports them (so the Dinas
  // stewards them) with one never verified, one verified three years ago (both stale, the default
  // period is 365 days) and one verified ten days ago (up to date).
  const day = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const officer = await apiLogin(env.server.url, seed.officer);
  const job = await importCsv(
    officer,
    [
      'nama_pemilik;nama_usaha;sektor;kode_desa;tanggal_verifikasi',
      'Wati Lestari;Kebun Bunga Wati;agriculture;35.79.01.2007;',
      `Agus Salim;Bunga Potong Agus;agriculture;35.79.01.2007;${day(3 * 365)}`,
      `Rini Astuti;Tanaman Hias Rini;agriculture;35.79.01.2007;${day(10)}`,
      '',
    ].join('\r\n'),
  );
  assert.equal(job.rows_inserted, 3, JSON.stringify(job));
  const sidomulyo = await admin.get('/enterprises?region=35.79.01.2007');
  for (const item of sidomulyo.items) seed.ids[item.name] = item.id;
}

/** The total line and the names in the list (wide table), as shown now. */
async function listShown(page) {
  const total = clean(await page.getByTestId('enterprise-total').textContent());
  const table = page.getByTestId('enterprise-table');
  const names = (await table.count()) === 0 ? [] : await table.locator('tbody th[scope="row"]').allTextContents();
  return { total, names: names.map(clean) };
}

/** Waits until the list shows `count` enterprises and exactly these names. */
async function expectList(page, count, names) {
  const wanted = { total: `${count} usaha ditemukan`, names: [...names].sort() };
  let last;
  try {
    await eventually(async () => {
      last = await listShown(page);
      return last.total === wanted.total && JSON.stringify([...last.names].sort()) === JSON.stringify(wanted.names);
    }, { message: `the list to show ${count} enterprises` });
  } catch {
    assert.deepEqual({ total: last.total, names: [...last.names].sort() }, wanted);
  }
}

const searchParams = (page) => Object.fromEntries(new URL(page.url()).searchParams);

const ALL = [
  'Batik Sekar Arum',
  'Batik Tulis Punten',
  'Keripik Apel Bumiaji',
  'Kopi Arjuno',
  'Warung Bu Tin',
  'Kerajinan Kayu Junrejo',
  'Kebun Bunga Wati',
  'Bunga Potong Agus',
  'Tanaman Hias Rini',
];

test('the registry list shows every enterprise; sector, scale, text and region filters narrow it, live in the URL and survive a reload', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Registri UMKM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registri UMKM' }).waitFor();
    await expectList(page, 9, ALL);
    assert.deepEqual(searchParams(page), {});

    // A row carries the owner, the sector and the scale in words.
    const row = page.getByTestId('enterprise-table').getByRole('row', { name: /Batik Tulis Punten/ });
    assert.deepEqual(
      (await row.locator('th, td').allInnerTexts()).map(clean),
      ['Batik Tulis Punten', 'Joko Santoso', 'Batik', 'Punten', 'Kecil', 'Rp 3.000.000.000', 'Belum pernah Perlu diperbarui'],
    );

    await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Batik' });
    await expectList(page, 2, ['Batik Sekar Arum', 'Batik Tulis Punten']);
    assert.deepEqual(searchParams(page), { sector: 'batik' });

    await page.getByLabel('Skala usaha', { exact: true }).selectOption({ label: 'Kecil' });
    await expectList(page, 1, ['Batik Tulis Punten']);
    assert.deepEqual(searchParams(page), { sector: 'batik', scale: 'small' });
    assert.match(clean(await page.locator('.filters__summary').textContent()), /2 saringan aktif/);

    await page.reload();
    await expectList(page, 1, ['Batik Tulis Punten']);
    assert.equal(await page.getByLabel('Sektor', { exact: true }).inputValue(), 'batik');
    assert.equal(await page.getByLabel('Skala usaha', { exact: true }).inputValue(), 'small');

    await page.getByRole('button', { name: 'Hapus semua saringan' }).click();
    await expectList(page, 9, ALL);
    assert.deepEqual(searchParams(page), {});

    // The text search matches the enterprise's name, and its owner's name.
    const search = page.getByLabel('Cari nama usaha, nama pemilik, atau NIB');
    await search.fill('a');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('Tulis minimal 2 huruf untuk mencari.').waitFor();
    await expectList(page, 9, ALL); // one letter is not sent to the server
    await search.fill('apel');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expectList(page, 1, ['Keripik Apel Bumiaji']);
    assert.deepEqual(searchParams(page), { q: 'apel' });
    assert.equal(await page.getByText('Tulis minimal 2 huruf untuk mencari.').count(), 0);
    await search.fill('santoso');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expectList(page, 1, ['Batik Tulis Punten']);
    await page.reload();
    await expectList(page, 1, ['Batik Tulis Punten']);
    assert.equal(await page.getByLabel('Cari nama usaha, nama pemilik, atau NIB').inputValue(), 'santoso');
    await search.fill('');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expectList(page, 9, ALL);

    // The region: each level chosen narrows the list to it.
    await page.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Timur' });
    await eventually(async () => searchParams(page).region === '35', { message: 'region=35 in the URL' });
    await expectList(page, 9, ALL);
    await page.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kabupaten Malang' });
    await expectList(page, 1, ['Warung Bu Tin']);
    assert.deepEqual(searchParams(page), { region: '35.07' });
    await page.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kota Batu' });
    await expectList(page, 8, ALL.filter((name) => name !== 'Warung Bu Tin'));
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Bumiaji' });
    await expectList(page, 2, ['Batik Tulis Punten', 'Keripik Apel Bumiaji']);
    assert.deepEqual(searchParams(page), { region: '35.79.02' });

    await page.reload(); // the picker is filled again from the URL
    await expectList(page, 2, ['Batik Tulis Punten', 'Keripik Apel Bumiaji']);
    await eventually(async () => (await page.getByLabel('Kecamatan', { exact: true }).inputValue()) === '35.79.02', {
      message: 'the district select to be filled from the URL',
    });
    assert.equal(await page.getByLabel('Kabupaten/Kota', { exact: true }).inputValue(), '35.79');
  });
});

/** The rows of the area table: name and the numbers (total, stale, % stale, micro, small, medium, large, unknown). */
async function areaRows(page) {
  const rows = await page
    .getByTestId('area-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent.trim(), ...[...tr.querySelectorAll('td.num')].map((td) => td.textContent.trim())]),
    );
  return Object.fromEntries(rows.map(([name, ...numbers]) => [name, numbers]));
}

/** Waits until the area table lists exactly these areas (by name) and returns the rows. */
async function expectAreas(page, names) {
  return eventually(async () => {
    if ((await page.getByTestId('area-table').count()) === 0) return null;
    const rows = await areaRows(page);
    return JSON.stringify(Object.keys(rows).sort()) === JSON.stringify([...names].sort()) ? rows : null;
  }, { message: `the areas ${names.join(', ')}` });
}

async function breadcrumb(page) {
  return (await page.getByTestId('breadcrumb').locator('li').allTextContents()).map(clean);
}

test('the area view counts enterprises per area in a table and a chart, and choosing an area drills down one level', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/registry`);
    await page.getByRole('link', { name: 'Per wilayah' }).click();
    await page.waitForURL(`${env.server.url}/registry/areas`);
    await page.getByRole('heading', { level: 2, name: 'Sebaran per wilayah' }).waitFor();

    // Indonesia: every province is listed, only Jawa Timur has enterprises.
    const provinces = await eventually(async () => {
      if ((await page.getByTestId('area-table').count()) === 0) return null;
      const rows = await areaRows(page);
      return rows['Jawa Timur'] ? rows : null;
    }, { message: 'the provinces' });
    assert.ok(Object.keys(provinces).length >= 34, `${Object.keys(provinces).length} provinces`);
    assert.equal(provinces['Jawa Timur'][0], '9');
    for (const [name, numbers] of Object.entries(provinces)) {
      if (name !== 'Jawa Timur') assert.equal(numbers[0], '0', `${name} has no enterprises`);
    }
    assert.deepEqual(await breadcrumb(page), ['Seluruh Indonesia']);
    const chart = page.getByTestId('area-chart');
    await chart.waitFor();
    assert.match(clean(await chart.locator('figcaption').textContent()), /^Per provinsi: Jumlah usaha/);

    await page.getByRole('button', { name: 'Rinci Jawa Timur' }).click();
    const regencies = await expectAreas(page, Object.keys(await areaRowsOfJawaTimur()));
    assert.equal(regencies['Kota Batu'][0], '8');
    assert.equal(regencies['Kabupaten Malang'][0], '1');
    assert.deepEqual(searchParams(page), { region: '35' });
    assert.deepEqual(await breadcrumb(page), ['Seluruh Indonesia', 'Jawa Timur']);

    await page.getByRole('button', { name: 'Rinci Kota Batu' }).click();
    const districts = await expectAreas(page, ['Batu', 'Bumiaji', 'Junrejo']);
    assert.deepEqual(searchParams(page), { region: '35.79' });
    assert.deepEqual(await breadcrumb(page), ['Seluruh Indonesia', 'Jawa Timur', 'Kota Batu']);
    assert.equal(districts.Batu[0], '4');
    //                      total stale  %      micro small medium large unknown
    assert.deepEqual(districts.Bumiaji, ['2', '2', '100%', '1', '1', '0', '0', '0']);
    assert.deepEqual(districts.Junrejo, ['2', '2', '100%', '1', '0', '1', '0', '0']);
    assert.equal(clean(await page.getByTestId('area-table').locator('tfoot th').textContent()), 'Semua wilayah');
    assert.equal(clean(await page.getByTestId('area-table').locator('tfoot td').first().textContent()), '8');

    // The chart draws one bar per district with enterprises (up-to-date and stale parts stacked).
    await chart.waitFor();
    assert.match(clean(await chart.locator('figcaption').textContent()), /^Per kecamatan: /);
    const bars = chart.locator('path.recharts-rectangle');
    const barNames = async () => [...new Set(await bars.evaluateAll((paths) => paths.map((p) => p.getAttribute('name'))))].sort();
    await eventually(async () => (await barNames()).length === 3, { message: 'the bars of the chart' });
    assert.deepEqual(await barNames(), ['Batu', 'Bumiaji', 'Junrejo']);
    const labels = (await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).map(clean);
    assert.deepEqual(labels.filter((label) => !/^\d+$/.test(label)), ['Batu', 'Bumiaji', 'Junrejo']);

    // Clicking a district's bar drills into its villages; a village has nothing below it, only its list.
    await bars.and(page.locator('[name="Bumiaji"]')).first().click();
    const villages = await expectAreas(page, [
      'Bulukerto',
      'Bumiaji',
      'Giripurno',
      'Gunungsari',
      'Pandanrejo',
      'Punten',
      'Sumberbrantas',
      'Sumbergondo',
      'Tulungrejo',
    ]);
    assert.equal(villages.Punten[0], '1');
    assert.equal(villages.Bumiaji[0], '1');
    assert.equal(villages.Tulungrejo[0], '0');
    assert.equal(await page.getByRole('button', { name: 'Rinci Punten' }).count(), 0);

    // The breadcrumb goes back up, and the sector filter applies to the counts too.
    await page.getByTestId('breadcrumb').getByRole('button', { name: 'Kota Batu' }).click();
    await expectAreas(page, ['Batu', 'Bumiaji', 'Junrejo']);
    await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Batik' });
    const batik = await eventually(async () => {
      const rows = await areaRows(page);
      return rows.Junrejo?.[0] === '0' ? rows : null;
    }, { message: 'the batik counts' });
    assert.equal(batik.Batu[0], '1');
    assert.equal(batik.Bumiaji[0], '1');
    assert.deepEqual(searchParams(page), { region: '35.79', sector: 'batik' });

    // "Daftar" opens the list of that area with the same filters.
    await page.getByRole('button', { name: 'Lihat daftar usaha di Bumiaji' }).click();
    await page.waitForURL(/\/registry\?/);
    assert.deepEqual(searchParams(page), { region: '35.79.02', sector: 'batik' });
    await expectList(page, 1, ['Batik Tulis Punten']);
  });
});

/** The regencies of Jawa Timur by name, from the server, to compare the table with. */
async function areaRowsOfJawaTimur() {
  const response = await fetch(`${env.server.url}/api/v1/regions?parent=35&limit=200`);
  const body = await response.json();
  return Object.fromEntries(body.items.map((region) => [region.name, region.code]));
}

/** The value shown beside a label in the details of the detail page. */
function detail(page, label) {
  return page.locator('dl.details > dt', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('editing an enterprise saves employees and a turnover typed as "Rp 1.500.000" and adds a history entry; a bad or taken NIB shows the Indonesian field error and saves nothing', { timeout: 40_000 }, async (t) => {
  const id = seed.ids['Kerajinan Kayu Junrejo'];
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/registry?q=kayu`);
    await expectList(page, 1, ['Kerajinan Kayu Junrejo']);
    await page.getByRole('link', { name: 'Kerajinan Kayu Junrejo' }).click();
    await page.waitForURL(`${env.server.url}/registry/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Kerajinan Kayu Junrejo' }).waitFor();
    assert.equal(clean(await detail(page, 'Tenaga kerja (orang)').textContent()), '2');
    assert.equal(clean(await page.getByTestId('turnover').textContent()), 'Rp 100.000.000');
    assert.equal(clean(await page.getByTestId('scale').textContent()), 'Mikro (menurut omzet)');
    const history = page.getByTestId('history').locator(':scope > li');
    await eventually(async () => (await history.count()) === 1, { message: 'the creation in the history' });
    assert.match(clean(await history.first().textContent()), /^Didaftarkan .* oleh e2e-admin/);

    await page.getByRole('link', { name: 'Ubah data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah data Kerajinan Kayu Junrejo' }).waitFor();
    await page.getByLabel('Tenaga kerja (orang)').fill('5');
    await page.getByLabel('Omzet per tahun').fill('Rp 1.500.000');
    assert.equal(clean(await page.getByTestId('turnover-preview').textContent()), 'Tercatat: Rp 1.500.000');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();

    await page.waitForURL(`${env.server.url}/registry/${id}`);
    await page.getByText('Perubahan sudah disimpan.').waitFor();
    assert.equal(clean(await detail(page, 'Tenaga kerja (orang)').textContent()), '5');
    assert.equal(clean(await page.getByTestId('turnover').textContent()), 'Rp 1.500.000');
    await eventually(async () => (await history.count()) === 2, { message: 'the change in the history' });
    const change = history.first(); // newest first
    assert.match(clean(await change.locator('.history__head').textContent()), /^Diubah .* oleh e2e-admin$/);
    const changes = (await change.locator('.history__changes > li').allTextContents()).map(clean);
    assert.ok(changes.includes('Tenaga kerja (orang): 2 → 5'), JSON.stringify(changes));
    assert.ok(changes.includes('Omzet per tahun: Rp 100.000.000 → Rp 1.500.000'), JSON.stringify(changes));

    // A NIB of 12 digits: the form says what is wrong beside the field and sends nothing.
    await page.getByRole('link', { name: 'Ubah data' }).click();
    const nib = page.getByLabel('NIB (Nomor Induk Berusaha)');
    await nib.fill('123456789012');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    const nibErrors = async () => {
      const ids = ((await nib.getAttribute('aria-describedby')) ?? '').split(' ').filter((x) => x.endsWith('-error'));
      return ids.length === 1 ? clean(await page.locator(`[id="${ids[0]}"]`).textContent()) : null;
    };
    assert.equal(await eventually(nibErrors, { message: 'the NIB error' }), 'NIB harus 13 angka.');
    assert.equal(await nib.getAttribute('aria-invalid'), 'true');
    await page.getByText('Ada isian yang perlu diperbaiki. Lihat pesan merah di bawah.').waitFor();
    assert.equal(page.url(), `${env.server.url}/registry/${id}/edit`);

    // A NIB another enterprise has: the server refuses it and the form says so, in Indonesian.
    await nib.fill(TAKEN_NIB);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    assert.equal(
      await eventually(async () => ((await nibErrors()) === 'NIB harus 13 angka.' ? null : nibErrors()), { message: 'the server error' }),
      'NIB ini sudah dipakai usaha lain.',
    );
    assert.equal(page.url(), `${env.server.url}/registry/${id}/edit`);

    // Nothing of either attempt was saved.
    await page.goto(`${env.server.url}/registry/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Kerajinan Kayu Junrejo' }).waitFor();
    assert.equal(clean(await detail(page, 'NIB (Nomor Induk Berusaha)').textContent()), 'Belum diisi');
    assert.equal(clean(await detail(page, 'Tenaga kerja (orang)').textContent()), '5');
    await eventually(async () => (await history.count()) === 2, { message: 'the history after reload' });
  });
  const saved = await (await apiLogin(env.server.url, ADMIN)).get(`/enterprises/${id}`);
  assert.equal(saved.employees, 5);
  assert.equal(saved.turnover, 1_500_000);
  assert.equal(saved.nib, null);
});

async function ownerNik(page, baseUrl, id) {
  await page.goto(`${baseUrl}/registry/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Batik Sekar Arum' }).waitFor();
  const cell = page.getByTestId('owner-nik');
  await cell.waitFor();
  return clean(await cell.textContent());
}

test("the owner's NIK shows in full to an admin and to the steward's officer, and masked to another stakeholder's officer and a facilitator", { timeout: 40_000 }, async (t) => {
  const id = seed.ids['Batik Sekar Arum'];
  const cases = [
    [ADMIN, NIK],
    [seed.officer, NIK],
    [seed.bankOfficer, `${NIK_MASKED} (disamarkan)`],
    [seed.facilitator, `${NIK_MASKED} (disamarkan)`],
  ];
  for (const [user, shown] of cases) {
    await withPage(env.browser, t, DESKTOP, async (page) => {
      await logIn(page, env.server.url, user);
      assert.equal(await ownerNik(page, env.server.url, id), shown, `as ${user.username}`);
      if (user === seed.facilitator) {
        // A facilitator reads the registry but may not change it.
        assert.equal(await page.getByRole('button', { name: 'Data masih benar – verifikasi' }).count(), 0);
        assert.equal(await page.getByRole('link', { name: 'Ubah data' }).count(), 0);
      }
    });
  }
});

/** Parses the export: BOM, `;`, CRLF. Returns { header, rows (objects by column) }. */
function parseExport(buffer) {
  assert.deepEqual([...buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with a UTF-8 BOM');
  const text = buffer.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'the last line ends with CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  assert.ok(!lines.some((line) => line.includes('\n')), 'every line ends with CRLF');
  const header = lines[0].split(';');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(';');
    assert.equal(cells.length, header.length, `a row has ${header.length} fields: ${line}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  });
  return { header, rows };
}

async function downloadCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^gotong-enterprises-\d{8}\.csv$/);
  const buffer = await readFile(await download.path());
  await page.getByText(`Berkas ${download.suggestedFilename()} sudah diunduh.`).waitFor();
  return parseExport(buffer);
}

test('a facilitator downloading CSV from a filtered list gets only the filtered rows, with BOM, ";" and the NIK masked', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.facilitator);
    await page.goto(`${env.server.url}/registry`);
    await expectList(page, 9, ALL);
    await page.getByLabel('Sektor', { exact: true }).selectOption({ label: 'Batik' });
    await expectList(page, 2, ['Batik Sekar Arum', 'Batik Tulis Punten']);
    await page.getByText('Berkas berisi 2 usaha yang cocok dengan saringan di atas.').waitFor();
    // Only admins and officers may ask for the NIK in full.
    assert.equal(await page.getByLabel('Sertakan NIK lengkap pemilik').count(), 0);

    const { header, rows } = await downloadCsv(page);
    for (const column of ['id', 'owner_name', 'owner_nik', 'name', 'sector', 'village_code', 'turnover', 'nib', 'scale', 'stale']) {
      assert.ok(header.includes(column), `the header has ${column}: ${header.join(';')}`);
    }
    assert.deepEqual(rows.map((row) => row.name).sort(), ['Batik Sekar Arum', 'Batik Tulis Punten']);
    const sekar = rows.find((row) => row.name === 'Batik Sekar Arum');
    assert.equal(sekar.owner_nik, NIK_MASKED);
    assert.equal(sekar.owner_name, 'Siti Aminah');
    assert.equal(sekar.turnover, '180000000');
    assert.equal(sekar.village_code, '35.79.01.2006');
    const punten = rows.find((row) => row.name === 'Batik Tulis Punten');
    assert.equal(punten.nib, TAKEN_NIB);
    assert.equal(punten.scale, 'small');
  });
});

test('an admin who ticks "Sertakan NIK lengkap pemilik" gets the full NIK in the CSV, and the download is audited', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/registry?q=sekar`);
    await expectList(page, 1, ['Batik Sekar Arum']);
    let { rows } = await downloadCsv(page);
    assert.deepEqual(rows.map((row) => [row.name, row.owner_nik]), [['Batik Sekar Arum', NIK_MASKED]]);

    await page.getByLabel('Sertakan NIK lengkap pemilik').check();
    ({ rows } = await downloadCsv(page));
    assert.deepEqual(rows.map((row) => [row.name, row.owner_nik]), [['Batik Sekar Arum', NIK]]);
  });
  const audit = await (await apiLogin(env.server.url, ADMIN)).get('/audit?entity=export');
  assert.equal(audit.items.filter((entry) => entry.action === 'export_nik').length, 1, JSON.stringify(audit.items));
});

const noHorizontalScroll = async (page, where) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
};

test("on a 360px phone an officer's renewal worklist shows the village's stale enterprises oldest first, and tapping verify takes one off for good", { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('primary-nav').getByRole('link', { name: 'Pemutakhiran data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pemutakhiran data' }).waitFor();
    await page.getByText('Pilih sampai tingkat desa/kelurahan untuk melihat daftarnya.').waitFor();
    await noHorizontalScroll(page, 'the empty worklist');

    await page.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Timur' });
    await page.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kota Batu' });
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Batu' });
    await page.getByLabel('Desa/Kelurahan', { exact: true }).selectOption({ label: 'Sidomulyo' });
    await page.waitForURL(`${env.server.url}/renewal?village=35.79.01.2007`);

    const remaining = page.getByTestId('worklist-remaining');
    const titles = () => page.getByTestId('worklist').locator('.worklist__title').allTextContents();
    await eventually(async () => (await remaining.count()) > 0 && clean(await remaining.textContent()) === '2 usaha perlu diperbarui.', {
      message: 'two stale enterprises',
    });
    // Never verified first, then the oldest verification; the one verified ten days ago is not here.
    assert.deepEqual(await titles(), ['Kebun Bunga Wati', 'Bunga Potong Agus']);
    const items = page.getByTestId('worklist').locator(':scope > li');
    assert.match(clean(await items.nth(0).textContent()), /Belum pernah diverifikasi/);
    assert.match(clean(await items.nth(1).textContent()), /Terakhir diverifikasi \d{1,2} \w+ \d{4}/);
    await noHorizontalScroll(page, 'the worklist');
    const button = page.getByRole('button', { name: 'Kebun Bunga Wati: data masih benar' });
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, `the verify button is ${box.height}px tall`);

    await button.tap();
    await page.getByText('Kebun Bunga Wati sudah diverifikasi.').waitFor();
    await eventually(async () => clean(await remaining.textContent()) === '1 usaha perlu diperbarui.', { message: 'one left' });
    assert.deepEqual(await titles(), ['Bunga Potong Agus']);
    // The next enterprise gets the focus, ready for the next tap.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bunga Potong Agus');
    await noHorizontalScroll(page, 'the worklist after verifying');

    await page.reload(); // the server has it: it stays off the list
    await eventually(async () => (await remaining.count()) > 0 && clean(await remaining.textContent()) === '1 usaha perlu diperbarui.', {
      message: 'one left after reload',
    });
    assert.deepEqual(await titles(), ['Bunga Potong Agus']);

    // Its detail page says it is up to date, verified by this officer.
    await page.goto(`${env.server.url}/registry/${seed.ids['Kebun Bunga Wati']}`);
    await page.getByRole('heading', { level: 1, name: 'Kebun Bunga Wati' }).waitFor();
    assert.equal(clean(await page.getByTestId('stale-badge').textContent()), 'Mutakhir');
    assert.match(clean(await page.getByTestId('verified-at').textContent()), / oleh petugas$/);
    await noHorizontalScroll(page, 'the detail page');
  });
  const saved = await (await apiLogin(env.server.url, ADMIN)).get(`/enterprises/${seed.ids['Kebun Bunga Wati']}`);
  assert.equal(saved.stale, false);
  assert.equal(saved.verified_by?.username, 'petugas');
});

test('the stakeholders page groups stakeholders by helix, and one an admin adds appears under its helix', { timeout: 40_000 }, async (t) => {
  const group = (page, helix) => page.getByTestId(`helix-${helix}`);
  const names = async (page, helix) => (await group(page, helix).locator('.record-card__title').allTextContents()).map(clean);
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('link', { name: 'Pemangku kepentingan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pemangku kepentingan' }).waitFor();
    await group(page, 'government').waitFor();
    assert.deepEqual(
      (await page.locator('[data-testid^="helix-"] h2').allTextContents()).map(clean),
      ['Pemerintah (1 lembaga)', 'Dunia usaha (1 lembaga)', 'Perguruan tinggi (0 lembaga)', 'Masyarakat sipil (0 lembaga)'],
    );
    assert.deepEqual(await names(page, 'government'), ['Dinas Koperasi dan UMKM Kota Batu']);
    assert.deepEqual(await names(page, 'business'), ['BRI Kantor Cabang Batu']);
    assert.match(clean(await group(page, 'academia').textContent()), /Belum ada lembaga di kelompok ini\./);

    await page.getByRole('button', { name: 'Tambah lembaga' }).click();
    const form = page.getByTestId('stakeholder-form');
    await form.getByRole('heading', { name: 'Lembaga baru' }).waitFor();
    await form.getByRole('button', { name: 'Simpan lembaga' }).click(); // nothing filled in yet
    await form.getByText('Tulis nama lembaga.').waitFor();
    assert.ok(await form.getByText('Pilih unsur lembaga.').isVisible());
    assert.ok(await form.getByText('Pilih jenis lembaga.').isVisible());

    await form.getByLabel('Nama lembaga *').fill('Universitas Brawijaya');
    await form.getByLabel('Unsur *').selectOption({ label: 'Perguruan tinggi' });
    await form.getByLabel('Jenis lembaga *').selectOption({ label: 'Perguruan tinggi' });
    await form.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Timur' });
    await form.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kota Malang' });
    await form.getByLabel('Kontak').fill('Humas UB, 0341-551611');
    await form.getByRole('button', { name: 'Simpan lembaga' }).click();

    await page.getByText('Lembaga sudah ditambahkan.').waitFor();
    assert.equal(await form.count(), 0);
    const expectAcademia = async () => {
      await eventually(async () => (await names(page, 'academia')).includes('Universitas Brawijaya'), { message: 'the new stakeholder' });
      assert.deepEqual(await names(page, 'academia'), ['Universitas Brawijaya']);
      assert.equal(clean(await group(page, 'academia').locator('h2').textContent()), 'Perguruan tinggi (1 lembaga)');
      const card = group(page, 'academia').locator('.record-card');
      assert.deepEqual((await card.locator('.record-card__line').allInnerTexts()).map(clean), [
        'Perguruan tinggi',
        'Kota Malang › Jawa Timur',
        'Humas UB, 0341-551611',
      ]);
      assert.deepEqual(await names(page, 'government'), ['Dinas Koperasi dan UMKM Kota Batu']);
      assert.deepEqual(await names(page, 'business'), ['BRI Kantor Cabang Batu']);
      assert.deepEqual(await names(page, 'civil_society'), []);
    };
    await expectAcademia();
    await page.reload(); // it was saved on the server
    await group(page, 'academia').waitFor();
    await expectAcademia();
  });
  // An officer reads the same list but cannot add to it.
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.officer);
    await page.goto(`${env.server.url}/stakeholders`);
    await eventually(async () => (await names(page, 'academia')).includes('Universitas Brawijaya'), { message: 'the list' });
    assert.equal(await page.getByRole('button', { name: 'Tambah lembaga' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Ubah / }).count(), 0);
  });
});
