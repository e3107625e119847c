// Runs the browser tests against the real server: a fresh SQLite database with the demo
// content in a temporary folder, the built portal from frontend/dist, a free port. The server
// is stopped and the folder removed afterwards (kept, with the server log, when a test fails).
//
// Expects the portal (`just build-frontend`) and the server (`cargo build -p portal-backend`)
// to be built: `just e2e` does both first.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support-paths.mjs';

const targetDir = process.env.CARGO_TARGET_DIR || join(repoRoot, 'target');
const binary = process.env.PORTAL_BIN || join(targetDir, 'debug', 'portal');
const staticDir = join(repoRoot, 'frontend', 'dist');

for (const [what, path] of [
  ['server binary', binary],
  ['built portal', join(staticDir, 'index.html')],
  ['built console', join(staticDir, 'console.html')],
]) {
  if (!existsSync(path)) {
    console.error(`e2e: the ${what} is missing (${path}); run \`just e2e\``);
    process.exit(1);
  }
}

// PORTAL_E2E_PORTS ("8100-8199" by default) bounds the ports tried, for machines that allow
// only some.
async function freePort() {
  const [low, high] = (process.env.PORTAL_E2E_PORTS || '8100-8199').split('-').map(Number);
  for (let port = low; port <= high; port += 1) {
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${low}-${high}`);
}

async function waitReady(url, server) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become ready at ${url}`);
}

const work = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const log = join(work, 'server.log');
const logFd = openSync(log, 'w');
// The console tests log in as this admin.
const adminPassword = `e2e-${Math.random().toString(36).slice(2)}-password`;
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

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stop();
    process.exit(130);
  });
}

let status = 1;
try {
  await waitReady(`${baseUrl}/readyz`, server);
  console.log(`e2e: server at ${baseUrl} (data in ${work})`);
  const here = join(repoRoot, 'tests', 'e2e');
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.test.mjs'))
    // PORTAL_E2E_ONLY=accessibility runs just the files whose names hold it (for local runs).
    .filter((name) => name.includes(process.env.PORTAL_E2E_ONLY || ''))
    .sort()
    .map((name) => join(here, name));
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: repoRoot,
    env: { ...process.env, PORTAL_E2E_URL: baseUrl, PORTAL_E2E_ADMIN_PASSWORD: adminPassword },
    stdio: 'inherit',
  });
  status = await new Promise((resolve) => tests.once('exit', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(`e2e: ${error.message}`);
} finally {
  await stop();
}
if (status === 0) {
  rmSync(work, { recursive: true, force: true });
} else {
  console.error(`e2e: failed; the server log is ${log}`);
}
process.exit(status);
