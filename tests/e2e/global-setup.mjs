// Starts the server every test shares before the workers start, and hands its address and
// admin password to them through the environment (the workers inherit the main process's
// environment as it is after this setup). The returned function stops it after the run and
// removes its folder, unless a test failed: then the folder and the server log are kept.

import { existsSync } from 'node:fs';

import { chromiumPath } from './playwright.config.mjs';
import { hasFailed, startServer } from './server.mjs';

export default async function globalSetup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: run \`just setup-e2e\``);
  }
  const server = await startServer();
  process.env.PORTAL_E2E_URL = server.url;
  process.env.PORTAL_E2E_ADMIN_PASSWORD = server.adminPassword;
  process.env.PORTAL_E2E_WORK = server.work;
  console.log(`e2e: server at ${server.url} (data in ${server.work})`);
  return async () => {
    const failed = hasFailed(server.work);
    await server.stop({ keep: failed });
    if (failed) console.error(`e2e: a test failed; the server log is ${server.log}`);
  };
}
