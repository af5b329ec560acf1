// Issue 14, community mentoring (seed 000): the catalogue of competencies as a mentor plans with
// it and a member reads it on her phone, and as an admin keeps it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, logIn, withPage, useServerAndBrowser, clean } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);
const PASSWORD = 'kata sandi e2e yang panjang';

test("on a phone a mentor finds the catalogue in the menu: batik's own skills from seed 000, the shared business skills, and the three levels", { timeout: 60_000 }, async (t) => {
  const mentor = await env.server.addUser({ username: 'mentor-ad', password: PASSWORD, role: 'mentor', displayName: 'AD' });
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, mentor);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('primary-nav').getByRole('link', { name: 'Kompetensi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompetensi' }).waitFor();
    assert.match(clean(await page.getByTestId('competency-levels').textContent()), /Tingkat 1 · bisa mengerjakan dengan bimbingan mentor.*Tingkat 3 · mahir/);

    await page.getByLabel('Sektor', { exact: true }).selectOption('batik');
    await page.getByRole('heading', { name: 'Keterampilan Batik' }).waitFor();
    const own = await page.getByTestId('competencies-own').locator(':scope > li h3').allTextContents();
    assert.deepEqual(own, ['Batik cap', 'Ecotik', 'Membatik tulis dengan canting', 'Mondeng', 'Pelorodan', 'Pewarnaan']);
    assert.match(clean(await page.getByTestId('competency-batik.mondeng').textContent()), /memukulnya memakai palu/);
    const shared = await page.getByTestId('competencies-shared').locator(':scope > li h3').allTextContents();
    assert.equal(shared.length, 5);
    assert.ok(shared.includes('Pembukuan sederhana'));
    assert.equal(new URL(page.url()).searchParams.get('sector'), 'batik');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the catalogue is ${width}px wide on a 360px phone`);
  });
});

test('on a phone an admin adds a competency to batik and retires one; a mentor then finds the one and not the other', { timeout: 90_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const mentor = await env.server.addUser({ username: 'mentor-dw', password: PASSWORD, role: 'mentor', displayName: 'DW' });
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/competencies?sector=batik`);
    await page.getByTestId('competency-batik.ecotik').waitFor();
    await page.getByRole('button', { name: 'Tambah kompetensi' }).click();
    const form = page.getByTestId('competency-form');
    await form.getByLabel(/^Kode/).fill('batik.jumputan');
    await form.getByLabel(/^Nama(?! dalam)/).fill('Jumputan');
    await form.getByLabel('Keterangan').fill('Ikat celup: kain diikat lalu dicelup.');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Kompetensi Jumputan ditambahkan.').waitFor();

    await page.getByRole('button', { name: 'Ubah Pelorodan' }).click();
    await form.getByLabel('Tidak lagi diajarkan').check();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(/Pelorodan tidak lagi ditawarkan/).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the catalogue is ${width}px wide on a 360px phone`);
  });
  const stored = (await admin.get('/competencies?sector=batik&retired=true&limit=200')).items;
  assert.equal(stored.find((c) => c.code === 'batik.jumputan').sector, 'batik');
  assert.equal(stored.find((c) => c.code === 'batik.pelorodan').retired, true);

  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, mentor);
    await page.goto(`${env.server.url}/competencies?sector=batik`);
    await page.getByTestId('competency-batik.jumputan').waitFor();
    assert.equal(await page.getByTestId('competency-batik.pelorodan').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Tambah kompetensi' }).count(), 0);
  });
});
