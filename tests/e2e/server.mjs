// Starts the real server for the browser tests: a fresh SQLite database with the demo content in
// a temporary folder, the built portal from frontend/dist, a random admin password and a free
// port. Used by the global setup (the server every test shares) and by the `privateSite`
// fixture (a server of its own for a test that changes what every page shows, such as the site
// settings).
//
// Expects the portal (`just build-frontend`) and the server (`cargo build -p portal-backend`) to
// be built: `just e2e` does both first. Nothing here skips: a missing binary is an error.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const staticDir = join(repoRoot, 'frontend', 'dist');

const targetDir = process.env.CARGO_TARGET_DIR || join(repoRoot, 'target');
export const binary = process.env.PORTAL_BIN || join(targetDir, 'debug', 'portal');

/** Throws unless the server binary and the built portal are there. */
export function checkBuilt() {
  for (const [what, path] of [
    ['server binary', binary],
    ['built portal', join(staticDir, 'index.html')],
    ['built console', join(staticDir, 'console.html')],
  ]) {
    if (!existsSync(path)) {
      throw new Error(`e2e: the ${what} is missing (${path}); run \`just e2e\``);
    }
  }
}

// PORTAL_E2E_PORTS ("8100-8199" by default) bounds the ports tried, for machines that allow
// only some. The search starts at a random port of the range, so that servers started at the
// same time (the shared one and a test's own) rarely probe the same one.
async function freePort(skip) {
  const [low, high] = (process.env.PORTAL_E2E_PORTS || '8100-8199').split('-').map(Number);
  const count = high - low + 1;
  const start = Math.floor(Math.random() * count);
  for (let step = 0; step < count; step += 1) {
    const port = low + ((start + step) % count);
    if (skip.has(port)) continue;
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${low}-${high}`);
}

async function waitReady(url, server, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) return false;
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become ready at ${url} within ${timeout / 1000} s`);
}

/**
 * Starts a server of its own; returns where it listens, the admin's password, its folder and
 * log, and `stop({ keep })`, which stops it and removes the folder unless `keep` is true.
 */
export async function startServer({ label = 'portal-e2e', timeout = 120_000 } = {}) {
  checkBuilt();
  const work = mkdtempSync(join(tmpdir(), `${label}-`));
  const log = join(work, 'server.log');
  const adminPassword = `e2e-${randomBytes(9).toString('base64url')}-password`;
  const tried = new Set();
  // A port found free can be taken before the server binds it: then the server exits, and
  // another port is tried.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(tried);
    tried.add(port);
    const url = `http://127.0.0.1:${port}`;
    rmSync(join(work, 'portal.db'), { force: true });
    const logFd = openSync(log, 'a');
    const server = spawn(binary, [], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: `sqlite://${join(work, 'portal.db')}`,
        PORTAL_ADDR: `127.0.0.1:${port}`,
        PORTAL_DATA_DIR: work,
        PORTAL_STATIC_DIR: staticDir,
        PORTAL_ADMIN_PASSWORD: adminPassword,
        PORTAL_DEMO_CONTENT: 'true',
        RUST_LOG: process.env.RUST_LOG || 'warn',
      },
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    let ready;
    try {
      ready = await waitReady(`${url}/readyz`, server, timeout);
    } catch (error) {
      server.kill('SIGKILL');
      throw new Error(`${error.message}; the server log is ${log}`);
    }
    if (!ready) {
      if (attempt < 5) continue;
      throw new Error(`the server exited with ${server.exitCode ?? server.signalCode}; its log is ${log}`);
    }
    let stopped;
    const stop = ({ keep = false } = {}) => {
      stopped ??= (async () => {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((resolve) => server.once('exit', resolve));
          server.kill('SIGTERM');
          const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        if (!keep) rmSync(work, { recursive: true, force: true });
      })();
      return stopped;
    };
    return { url, port, adminPassword, work, log, stop, markFailed: () => markFailed(work) };
  }
}

/** Leaves a mark in a server's folder that a test failed: the folder and log are then kept. */
export function markFailed(work) {
  writeFileSync(join(work, 'failed'), '');
}

export function hasFailed(work) {
  return existsSync(join(work, 'failed'));
}
