// Logging in, logging out, a wrong password, and the route guard, against the real env.server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, PHONE, logIn, withPage, useServerAndBrowser } from './browser.mjs';
import { ADMIN, startServer } from './server.mjs';

const env = useServerAndBrowser(startServer);

test('logging in shows the shell with the user display name and role', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await page.goto(`${env.server.url}/`);
    await page.waitForURL(`${env.server.url}/login`); // not signed in yet: the guard sends us to login
    await logIn(page, env.server.url, ADMIN);
    assert.equal(await page.getByTestId('user-name').textContent(), 'Admin E2E');
    assert.equal(await page.getByTestId('user-role').textContent(), 'Administrator');
    assert.ok(await page.getByRole('navigation', { name: 'Navigasi utama' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Registri UMKM' }).isVisible());
    assert.equal(await page.locator('header .brand').textContent(), 'gotong');
  });
});

test('a wrong password shows the clear message and no shell', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await page.goto(`${env.server.url}/login`);
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Kata sandi').fill('bukan kata sandinya sama sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    assert.equal((await alert.textContent()).trim(), 'Nama pengguna atau kata sandi salah.');
    assert.equal(page.url(), `${env.server.url}/login`);
    assert.equal(await page.getByTestId('user-name').count(), 0);
    assert.equal(await page.getByRole('navigation').count(), 0);
    assert.ok(await page.getByRole('button', { name: 'Masuk' }).isEnabled());
  });
});

test('logging out lands on the login page and /account then redirects to login', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('link', { name: 'Akun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akun' }).waitFor();
    assert.equal(await page.getByTestId('account-details').locator('dd').nth(0).textContent(), ADMIN.username);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${env.server.url}/login`);
    await page.getByRole('heading', { name: 'Masuk ke gotong' }).waitFor();
    assert.ok(await page.getByText('Anda sudah keluar.').isVisible());

    // The server revoked the session: a fresh load of a protected page goes to login.
    await page.goto(`${env.server.url}/account`);
    await page.waitForURL(`${env.server.url}/login`);
    await page.getByRole('heading', { name: 'Masuk ke gotong' }).waitFor();
    assert.equal(await page.getByTestId('user-name').count(), 0);
  });
});

test('a session ended on the server sends the user back to login with an explanation', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, DESKTOP, async (page) => {
    await logIn(page, env.server.url, ADMIN);
    await page.getByRole('link', { name: 'Akun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akun' }).waitFor();

    // End the session behind the app's back, as an idle timeout or a revocation would,
    // and keep the now stale cookie in the browser (the logout answer clears it).
    const cookies = await page.context().cookies();
    assert.ok(cookies.some((c) => c.name === 'gotong_session'), 'the session cookie is set');
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': me.csrf_token } });
      return res.status;
    });
    assert.equal(status, 204);
    await page.context().addCookies(cookies);

    // The next API call answers 401; the app must not leave the user on a dead page.
    await page.getByLabel('Kata sandi saat ini').fill(ADMIN.password);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('kata sandi baru yang panjang');
    await page.getByLabel('Ulangi kata sandi baru').fill('kata sandi baru yang panjang');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.waitForURL(`${env.server.url}/login`);
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.').waitFor();
    assert.equal(await page.getByTestId('user-name').count(), 0);
  });
});

test('visiting the login page, before and after a session, logs no error and makes no failing request', { timeout: 30_000 }, async (t) => {
  await withPage(env.browser, t, PHONE, async (page) => {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${env.server.url}/login`);
    await page.getByRole('heading', { name: 'Masuk ke gotong' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, [], 'a first visit');

    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke gotong' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, [], 'a second visit');

    // Signed in and out again: the login page is as quiet as the first time.
    await logIn(page, env.server.url, ADMIN);
    await page.getByTestId('menu-button').click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda sudah keluar.').waitFor();
    await page.goto(`${env.server.url}/login`);
    await page.getByRole('heading', { name: 'Masuk ke gotong' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, [], 'a visit after logging out');

    // A session the browser still holds is found at once: the login page sends it home.
    await logIn(page, env.server.url, ADMIN);
    await page.goto(`${env.server.url}/login`);
    await page.waitForURL(`${env.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
