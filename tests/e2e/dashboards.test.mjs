// Issue 15, the dashboards against the real server. The test seeds Kota Batu through the API: three
// enterprises in Bumiaji and one in Batu, a group in Batu, a programme of the Dinas with a bank and a
// university as partners, and assistance to two of the Bumiaji enterprises. An officer on a 360 px
// phone and on a desktop opens the equity dashboard, reads the served counts and the area never
// served, drills from the provinces down to Kota Batu's districts, switches to gender, and Back
// returns her to the districts; a filter by kind narrows the counts. The helix page shows the
// stakeholders and the programme with their roles, and a facilitator reaches only that page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { DESKTOP, PHONE, clean, dayInIndonesia, logIn, useServerAndBrowser, withPage } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const PASSWORD = 'kata sandi e2e yang panjang';
const BUMIAJI_VILLAGE = '35.79.02.2006';
const BATU_VILLAGE = '35.79.01.2007';

const seed = {};

const env = useServerAndBrowser(startServer, async ({ server }) => {
  const admin = await apiLogin(server.url, ADMIN);
  seed.dinas = await admin.post('/stakeholders', { name: 'Dinas Koperasi Usaha Mikro Kota Batu', helix: 'government', kind: 'agency', region_code: '35.79' });
  seed.bank = await admin.post('/stakeholders', { name: 'Bank Jatim Cabang Batu', helix: 'business', kind: 'bank' });
  seed.campus = await admin.post('/stakeholders', { name: 'Universitas Brawijaya', helix: 'academia', kind: 'university' });
  seed.login = await server.addUser({
    username: 'petugas-dasbor',
    password: PASSWORD,
    role: 'officer',
    displayName: 'Petugas Dasbor',
    scope: `stakeholder:${seed.dinas.id}`,
  });
  const officer = await apiLogin(server.url, seed.login);
  const enterprise = (name, owner, gender, village) =>
    officer.post('/enterprises', { owner: { name: owner, gender }, name, sector: 'food_processing', village_code: village });
  seed.apel = await enterprise('Keripik Apel Sari', 'Sulastri', 'female', BUMIAJI_VILLAGE);
  seed.susu = await enterprise('Susu Segar Bumiaji', 'Darmaji', 'male', BUMIAJI_VILLAGE);
  seed.jenang = await enterprise('Jenang Bumiaji', 'Painem', 'female', BUMIAJI_VILLAGE);
  seed.batik = await enterprise('Batik Batu', 'Slamet', 'male', BATU_VILLAGE);
  seed.group = await officer.post('/groups', {
    name: 'Kelompok Tani Apel Batu',
    kind: 'joint_business_group',
    sector: 'agriculture',
    village_code: BATU_VILLAGE,
    status: 'active',
    sop_meetings_per_month: 1,
  });
  seed.programme = await officer.post('/programmes', {
    name: 'Kredit Usaha Muda Kota Batu',
    starts_on: dayInIndonesia(-60),
    ends_on: dayInIndonesia(300),
    factors: ['capital_access', 'human_resources'],
    budget: 100_000_000,
    partners: [
      { stakeholder_id: seed.bank.id, helix: 'business', contribution: 'kredit lunak bunga ringan' },
      { stakeholder_id: seed.campus.id, helix: 'academia', contribution: 'pelatihan pembukuan' },
    ],
  });
  await officer.patch(`/programmes/${seed.programme.id}`, { status: 'active' });
  const give = (enterpriseId, kind, value) =>
    officer.post('/assistance', {
      programme_id: seed.programme.id,
      provider_id: seed.dinas.id,
      enterprise_id: enterpriseId,
      kind,
      value,
      given_on: dayInIndonesia(-10),
    });
  await give(seed.apel.id, 'grant', 1_500_000);
  await give(seed.susu.id, 'equipment', 2_500_000);
  seed.facilitator = await server.addUser({
    username: 'fasilitator-dasbor',
    password: PASSWORD,
    role: 'facilitator',
    displayName: 'Fasilitator Dasbor',
    scope: `programme:${seed.programme.id}`,
  });
});

async function assertFitsPhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${where} is ${width}px wide on a 360px phone`);
}

/** A table row's cells as a reader reads them, one space between. */
const cellsOf = async (locator) => clean((await locator.locator('th, td').allInnerTexts()).join(' '));
const rowText = (page, key) => cellsOf(page.getByTestId(`equity-row-${key}`));

/** The districts of Kota Batu, as the seed left them. */
async function assertKotaBatu(page) {
  await page.getByTestId('equity-row-35.79.02').waitFor();
  assert.equal(await rowText(page, '35.79.02'), 'Bumiaji 3 2 66,7% 0 2 Rp 4.000.000 Rp 1.333.333');
  assert.equal(await rowText(page, '35.79.01'), 'Batu 1 0 0% 0 0 Rp 0 Rp 0');
  assert.equal(await cellsOf(page.getByTestId('equity-total')), 'Jumlah 4 2 50% 0 2 Rp 4.000.000 Rp 1.000.000');
  assert.equal(clean(await page.getByTestId('never-served-rows').textContent()), 'Batu: 1 UMKM');
  assert.match(clean(await page.getByTestId('never-served-groups').textContent()), /Kelompok Tani Apel Batu/);
  assert.deepEqual(await page.getByTestId('equity-breadcrumb').locator('li').allInnerTexts(), ['Indonesia', 'Jawa Timur', 'Kota Batu']);
}

test('an officer on a 360 px phone reads equity, drills into Kota Batu, switches to gender and goes Back', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.getByTestId('menu-button').click();
    await page.getByRole('link', { name: 'Dasbor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dasbor pemerataan' }).waitFor();
    await page.waitForURL(`${env.server.url}/dashboards/equity`);

    // The provinces: all four enterprises lie in Jawa Timur, two of them served.
    await page.getByTestId('equity-row-35').waitFor();
    assert.equal(await rowText(page, '35'), 'Jawa Timur 4 2 50% 0 2 Rp 4.000.000 Rp 1.000.000');
    assert.match(clean(await page.getByTestId('equity-summary').textContent()), /^2 dari 4 UMKM pernah menerima bantuan \(50%\); 2 catatan senilai Rp 4\.000\.000/);
    assert.equal(clean(await page.getByTestId('equity-chart').locator('[data-key="35"]').innerText()), 'Jawa Timur 2 dari 4 (50%)');
    await assertFitsPhone(page, 'the equity dashboard');

    // Down to the districts of Kota Batu: Batu has an enterprise and was never served.
    await page.getByRole('button', { name: 'Buka Jawa Timur' }).click();
    await page.getByRole('button', { name: 'Buka Kota Batu' }).click();
    await page.waitForURL(/region=35\.79$/);
    await assertKotaBatu(page);
    await assertFitsPhone(page, 'Kota Batu’s districts');

    // By gender: two women and two men own the enterprises; one of each was served.
    await page.getByRole('button', { name: 'Jenis kelamin' }).click();
    await page.waitForURL(/by=gender/);
    await page.getByTestId('equity-row-female').waitFor();
    assert.equal(await rowText(page, 'female'), 'Perempuan 2 1 50% 0 1 Rp 1.500.000 Rp 750.000');
    assert.equal(await rowText(page, 'male'), 'Laki-laki 2 1 50% 0 1 Rp 2.500.000 Rp 1.250.000');
    assert.equal(await page.getByTestId('equity-breadcrumb').count(), 0);

    // Back returns to the districts with their filters.
    await page.goBack();
    await page.waitForURL(/region=35\.79$/);
    await assertKotaBatu(page);
  });
});

test('on a desktop she opens a district from the address, filters by kind, and reads the helix network', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, seed.login);
    await page.getByRole('link', { name: 'Dasbor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dasbor pemerataan' }).waitFor();
    await page.goto(`${env.server.url}/dashboards/equity?region=35.79`);
    await assertKotaBatu(page);

    // The chart's bar drills too: Bumiaji's villages.
    await page.getByTestId('equity-chart').locator('[data-key="35.79.02"] button').click();
    await page.waitForURL(/region=35\.79\.02$/);
    await page.getByTestId(`equity-row-${BUMIAJI_VILLAGE}`).waitFor();
    assert.match(await rowText(page, BUMIAJI_VILLAGE), / 3 2 66,7% 0 2 Rp 4\.000\.000 Rp 1\.333\.333$/);
    await page.getByTestId('equity-breadcrumb').getByRole('button', { name: 'Kota Batu' }).click();
    await page.waitForURL(/region=35\.79$/);

    // Grants only: one enterprise in Bumiaji.
    await page.getByLabel('Jenis bantuan').selectOption({ label: 'Hibah' });
    await page.waitForURL(/kind=grant/);
    await page.getByTestId('equity-row-35.79.02').filter({ hasText: 'Rp 1.500.000' }).waitFor();
    assert.equal(await rowText(page, '35.79.02'), 'Bumiaji 3 1 33,3% 0 1 Rp 1.500.000 Rp 500.000');

    // The quadruple helix: the Dinas owns the programme, the bank and the university are partners.
    await page.getByRole('link', { name: 'Quadruple helix' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quadruple helix' }).waitFor();
    const card = page.getByTestId(`helix-programme-${seed.programme.id}`);
    await card.waitFor();
    const text = clean(await card.textContent());
    assert.match(text, /Kredit Usaha Muda Kota Batu/);
    assert.match(text, /Dinas Koperasi Usaha Mikro Kota Batu — pemilik, sebagai Pemerintah/);
    assert.match(text, /Bank Jatim Cabang Batu — mitra, sebagai Dunia usaha \(menyumbang: kredit lunak bunga ringan\)/);
    assert.match(text, /Universitas Brawijaya — mitra, sebagai Perguruan tinggi \(menyumbang: pelatihan pembukuan\)/);
    const network = page.getByTestId('helix-network');
    assert.equal(await network.locator('[data-role="owner"]').count(), 1);
    assert.equal(await network.locator('[data-role="partner"]').count(), 2);
    assert.match(clean(await network.textContent()), /Kredit Usaha Muda Kota Batu/);
    assert.equal(await cellsOf(page.getByTestId('helix-row-government')), 'Pemerintah 1 0 0 2 Rp 4.000.000 Peralatan: Rp 2.500.000; Hibah: Rp 1.500.000');
    assert.match(await cellsOf(page.getByTestId('helix-row-business')), /^Dunia usaha 0 1 1 0 Rp 0/);
    assert.equal(clean(await page.getByTestId('helix-chart-value').locator('[data-key="government"]').innerText()), 'Pemerintah Rp 4.000.000');
  });
});

test('a facilitator on a phone reaches the helix page only, its picture scrolling inside the page', { timeout: 120_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, seed.facilitator);
    await page.getByTestId('menu-button').click();
    await page.getByRole('link', { name: 'Dasbor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quadruple helix' }).waitFor();
    await page.waitForURL(`${env.server.url}/dashboards/helix`);
    assert.equal(await page.getByRole('link', { name: 'Pemerataan' }).count(), 0);
    await page.getByTestId(`helix-programme-${seed.programme.id}`).waitFor();
    await assertFitsPhone(page, 'the helix page');
    const scrolls = await page.getByTestId('helix-network').evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.ok(scrolls, 'the network picture scrolls sideways on a phone');

    await page.goto(`${env.server.url}/dashboards/equity`);
    await page.getByTestId('forbidden').waitFor();
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Dasbor pemerataan' }).count(), 0);
  });
});
