// The region picker on the home page against the real region data (idn-area-data).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, eventually, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const BANJARSARI = '35.07.20.2004';
const BANJARSARI_PATH = 'Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur';

async function chosen(page) {
  const card = page.getByTestId('region-card');
  await card.getByTestId('region-code').waitFor();
  return {
    code: (await card.getByTestId('region-code').textContent()).trim(),
    path: (await card.getByTestId('region-path').textContent()).trim(),
  };
}

async function selectValues(page) {
  return Promise.all(
    ['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan'].map((label) => page.getByLabel(label).inputValue()),
  );
}

test('the cascade Jawa Timur → Kabupaten Malang → Ngajum → Banjarsari gives 35.07.20.2004', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    // selectOption waits until the option has been loaded into the select
    await page.getByLabel('Provinsi').selectOption({ label: 'Jawa Timur' });
    await page.getByLabel('Kabupaten/Kota').selectOption({ label: 'Kabupaten Malang' });
    await page.getByLabel('Kecamatan').selectOption({ label: 'Ngajum' });
    await page.getByLabel('Desa/Kelurahan').selectOption({ label: 'Banjarsari' });

    const result = await eventually(async () => {
      const r = await chosen(page);
      return r.code === BANJARSARI ? r : null;
    }, { message: 'the chosen code' });
    assert.equal(result.path, BANJARSARI_PATH);
    assert.deepEqual(await selectValues(page), ['35', '35.07', '35.07.20', BANJARSARI]);
  });
});

test('searching "Banjarsari" and choosing the Ngajum one fills the cascade', { timeout: 40_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByLabel('Cari wilayah').fill('Banjarsari');
    const wanted = page.locator(`.region-picker__result[data-code="${BANJARSARI}"]`);
    await page.locator('.region-picker__result').first().waitFor();
    // There are dozens of villages named Banjarsari; page through until the one in Ngajum shows.
    for (let i = 0; i < 10 && (await wanted.count()) === 0; i += 1) {
      const more = page.getByRole('button', { name: 'Tampilkan lebih banyak' });
      if ((await more.count()) === 0) break;
      const before = await page.locator('.region-picker__result').count();
      await more.click();
      await eventually(async () => (await page.locator('.region-picker__result').count()) > before, {
        message: 'more search results',
      });
    }
    assert.equal(await wanted.count(), 1, 'Banjarsari in Ngajum is among the search results');
    assert.equal((await wanted.locator('.region-picker__path').textContent()).trim(), BANJARSARI_PATH);

    await wanted.click();
    const result = await eventually(async () => {
      const r = await chosen(page);
      return r.code === BANJARSARI ? r : null;
    }, { message: 'the chosen code' });
    assert.equal(result.path, BANJARSARI_PATH);
    await eventually(async () => (await selectValues(page))[3] === BANJARSARI, { message: 'the village select' });
    assert.deepEqual(await selectValues(page), ['35', '35.07', '35.07.20', BANJARSARI]);
  });
});
