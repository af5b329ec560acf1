// The shell: language switch, and the phone layout at 360 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, PHONE, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

const overflow = (page) =>
  page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    clientWidth: document.scrollingElement.clientWidth,
  }));

test('switching to English and back changes the navigation and is remembered', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Beranda' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');

    await page.getByRole('button', { name: 'English' }).click();
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Beranda' }).count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 1);

    await page.reload(); // the choice survives a reload
    await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
  });
});

test('on a 360x740 phone nothing overflows and the menu opens, navigates and closes', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    await page.goto(`${env.server.url}/login`);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    let size = await overflow(page);
    assert.ok(size.scrollWidth <= 360, `login page is ${size.scrollWidth}px wide`);

    await logIn(page, env.server.url, ADMIN);
    size = await overflow(page);
    assert.ok(size.scrollWidth <= 360, `home page is ${size.scrollWidth}px wide`);

    const menu = page.getByTestId('menu-button');
    const nav = page.getByTestId('primary-nav');
    assert.ok(await menu.isVisible(), 'the menu button is shown on a phone');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.ok(await nav.isHidden(), 'the navigation is collapsed');
    const box = await menu.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `menu button is ${box.width}x${box.height}`);

    await menu.click();
    await nav.waitFor({ state: 'visible' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await nav.getByTestId('user-name').textContent(), 'Admin E2E');
    size = await overflow(page);
    assert.ok(size.scrollWidth <= 360, `open menu is ${size.scrollWidth}px wide`);

    await nav.getByRole('link', { name: 'Akun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akun' }).waitFor();
    await nav.waitFor({ state: 'hidden' }); // choosing a page closes the menu
    size = await overflow(page);
    assert.ok(size.scrollWidth <= 360, `account page is ${size.scrollWidth}px wide`);

    // The region picker with a long search result list must fit too.
    await menu.click();
    await nav.getByRole('link', { name: 'Beranda' }).click();
    await page.getByLabel('Cari wilayah').fill('Banjarsari');
    await page.locator('.region-picker__result').first().waitFor();
    size = await overflow(page);
    assert.ok(size.scrollWidth <= 360, `home page with search results is ${size.scrollWidth}px wide`);
  });
});
