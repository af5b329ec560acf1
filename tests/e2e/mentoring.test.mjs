// Issue 14, community mentoring (seed 000): the catalogue of competencies as a mentor plans with
// it and a member reads it on her phone, and as an admin keeps it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiLogin } from './api.mjs';
import { PHONE, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);
const PASSWORD = 'kata sandi e2e yang panjang';

/** Text as a reader sees it: no-break spaces as spaces, runs of white space as one. */
const clean = (text) => (text ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

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

test('a competency an admin adds is offered at once; one she retires is not', { timeout: 60_000 }, async (t) => {
  const admin = await apiLogin(env.server.url, ADMIN);
  const jumputan = await admin.post('/competencies', { code: 'batik.jumputan', sector: 'batik', name: 'Jumputan', name_en: 'Tie-dye' });
  const catalogue = await admin.get('/competencies?sector=batik&limit=200');
  const pelorodan = catalogue.items.find((c) => c.code === 'batik.pelorodan');
  await admin.patch(`/competencies/${pelorodan.id}`, { retired: true });
  await withPage(env.browser, t, PHONE, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/competencies?sector=batik`);
    await page.getByTestId(`competency-${jumputan.code}`).waitFor();
    assert.equal(await page.getByTestId('competency-batik.pelorodan').count(), 0);
  });
});
