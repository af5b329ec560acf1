// Starts the real gotong binary for the end-to-end tests: a fresh temp database,
// migrated (with Indonesia's regions from idn-area-data), one admin account, and
// `gotong serve` on a free port. GOTONG_BIN overrides the binary's path.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.GOTONG_BIN ?? path.join(ROOT, 'build', 'release', 'gotong');
export const REGIONS_DIR = path.join(ROOT, 'node_modules', 'idn-area-data', 'data');
export const WEB_ROOT = path.join(ROOT, 'web', 'dist');

export const ADMIN = Object.freeze({
  username: 'e2e-admin',
  password: 'kata sandi e2e yang panjang',
  displayName: 'Admin E2E',
});

const LISTENING = /^listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/;

/** Runs one CLI command to completion; rejects with its output when it fails or hangs. */
function run(args, { env, input, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gotong ${args.join(' ')} took longer than ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`gotong ${args.join(' ')} exited with ${code ?? signal}\n${output}`));
    });
    child.stdin.end(input ?? '');
  });
}

/** Spawns `gotong serve` and resolves with its URL once it prints the listening line. */
function serve(args, { env, timeoutMs = 20_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`gotong serve did not print "listening on …" within ${timeoutMs} ms`), timeoutMs);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (settled) return;
      for (const line of stdout.split('\n')) {
        const match = LISTENING.exec(line);
        if (match) {
          settled = true;
          clearTimeout(timer);
          resolve({ child, url: match[1], logs: () => stderr });
          return;
        }
      }
    });
    child.on('error', (error) => fail(`could not start ${BIN}: ${error.message}`));
    child.on('exit', (code, signal) => fail(`gotong serve exited early with ${code ?? signal}`));
  });
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The demo's "  petugas      officer       password: …" lines, by username. */
function parseDemoLogins(output) {
  const logins = {};
  for (const match of output.matchAll(/^\s+(\S+)\s+\S+\s+password: (\S+)\s*$/gm)) {
    logins[match[1]] = { username: match[1], password: match[2] };
  }
  if (!logins.admin) throw new Error(`gotong demo printed no logins:\n${output}`);
  return logins;
}

/**
 * Starts a server with its own temp database. Returns { url, dir, addUser, stop }; call stop()
 * in an after() hook: it sends SIGTERM, waits for a graceful exit, and removes the dir.
 * `options.env` adds environment variables for the server (e.g. GOTONG_STALE_DAYS).
 * `options.demo` loads `gotong demo` first; `demoLogins` then holds its accounts by username
 * ({ username, password }), their passwords as the demo printed them.
 * `addUser({ username, password, role, displayName, scope })` creates another account with
 * the CLI against the same database while the server runs (scope as "stakeholder:3").
 * `cli(args, { input, timeoutMs })` runs any other command against it (e.g. ['demo']) and
 * resolves with its output.
 */
export async function startServer(options = {}) {
  if (!existsSync(BIN)) {
    throw new Error(`no gotong binary at ${BIN}: build it (make build) or set GOTONG_BIN`);
  }
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`no built web app in ${WEB_ROOT}: run "npm run build:web" first`);
  }
  if (!existsSync(REGIONS_DIR)) {
    throw new Error(`no region data in ${REGIONS_DIR}: run "npm ci" at the repository root first`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gotong-e2e-'));
  const database = `sqlite:${path.join(dir, 'e2e.db')}`;
  const env = {
    ...process.env,
    GOTONG_REGIONS_DIR: REGIONS_DIR,
    GOTONG_WEB_ROOT: WEB_ROOT,
    GOTONG_LOG_LEVEL: process.env.GOTONG_LOG_LEVEL ?? 'warn',
    GOTONG_WORK_DIR: path.join(dir, 'work'),
    ...options.env,
  };
  delete env.GOTONG_DATABASE;
  delete env.GOTONG_LISTEN;
  try {
    await run(['migrate', '--database', database], { env });
    const demoLogins = options.demo ? parseDemoLogins(await run(['demo', '--database', database], { env, timeoutMs: 120_000 })) : {};
    await run(
      ['user', 'add', ADMIN.username, '--role', 'admin', '--display-name', ADMIN.displayName, '--database', database],
      { env, input: `${ADMIN.password}\n` },
    );
    const server = await serve(['serve', '--listen', '127.0.0.1:0', '--database', database], { env });
    return {
      url: server.url,
      dir,
      logs: server.logs,
      demoLogins,
      async addUser({ username, password, role, displayName, scope }) {
        const args = ['user', 'add', username, '--role', role, '--database', database];
        if (displayName) args.push('--display-name', displayName);
        if (scope) args.push('--scope', scope);
        await run(args, { env, input: `${password}\n` });
        return { username, password, displayName: displayName ?? username };
      },
      cli(args, { input, timeoutMs } = {}) {
        return run([...args, '--database', database], { env, input, ...(timeoutMs ? { timeoutMs } : {}) });
      },
      async stop() {
        server.child.kill('SIGTERM');
        if (!(await waitForExit(server.child, 10_000))) {
          server.child.kill('SIGKILL');
          await waitForExit(server.child, 5_000);
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
