// What the console's browser tests share: the admin's credentials and token, a fresh browser
// per person, and logging in through the form.

import assert from 'node:assert/strict';

import { baseUrl, newContext, watchErrors } from './support.mjs';

export const ADMIN_PASSWORD = process.env.PORTAL_E2E_ADMIN_PASSWORD;
if (!ADMIN_PASSWORD) {
  throw new Error('PORTAL_E2E_ADMIN_PASSWORD is not set: run the browser tests with `just e2e`');
}

/** A token for the bootstrap admin, through the API. */
export async function adminToken() {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  assert.equal(response.status, 200, 'the admin can log in through the API');
  return (await response.json()).access_token;
}

/** A fresh browser context (own session storage and HTTP cache) for one person; closed by the caller. */
export async function openPerson(browser) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

export const consoleNav = (page) => page.getByRole('navigation', { name: '管理菜单' });

/** Fills and sends the console's login form. */
export async function fillLogin(page, username, password) {
  await page.goto('/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs in and waits for the console. */
export async function logIn(page, username, password) {
  await fillLogin(page, username, password);
  await consoleNav(page).waitFor();
}
