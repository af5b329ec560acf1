// Drives Debian's Chromium through playwright-core (no downloaded browser builds here).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';

export const CHROMIUM = process.env.GOTONG_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let shotsDir = null;
function screenshotDir() {
  shotsDir ??= mkdtempSync(path.join(os.tmpdir(), 'gotong-e2e-shots-'));
  return shotsDir;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export const DESKTOP = Object.freeze({ viewport: { width: 1280, height: 800 } });
export const PHONE = Object.freeze({
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});

/**
 * Runs `fn(page)` in a fresh browser context (own cookies and localStorage). On failure
 * it saves a full-page screenshot into a temp dir, prints the path, and rethrows.
 */
export async function withPage(browser, t, contextOptions, fn) {
  const context = await browser.newContext({ ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  try {
    await fn(page);
  } catch (error) {
    const file = path.join(screenshotDir(), `${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true });
      console.error(`screenshot of the failure: ${file}`);
      t.diagnostic(`screenshot of the failure: ${file}`);
    } catch (shotError) {
      console.error(`could not take a screenshot: ${shotError}`);
    }
    if (consoleErrors.length > 0) console.error(`page errors:\n${consoleErrors.join('\n')}`);
    throw error;
  } finally {
    await context.close();
  }
}

/** Logs in through the form and waits for the shell. */
export async function logIn(page, baseUrl, { username, password }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
}

/** Polls until `probe()` returns a truthy value or the time is up; returns the value. */
export async function eventually(probe, { timeoutMs = 10_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Starts the real server and Chromium once for the calling test file and stops both after it.
// Returns an object whose `server` and `browser` are set once `before` has run. `setup(env)`,
// when given, runs in the same hook once both are up (top-level `before` hooks of one file do
// not wait for each other on Node 20), e.g. to load the data the file's tests start from.
export function useServerAndBrowser(startServer, setup) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
    await setup?.(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Text as a reader sees it: no-break spaces as spaces, runs of white space as one. */
export const clean = (text) => (text ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/** A day where the server counts days (UTC+9, Indonesia's easternmost time), `offsetDays` from today: "2026-11-23". */
export function dayInIndonesia(offsetDays = 0) {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
