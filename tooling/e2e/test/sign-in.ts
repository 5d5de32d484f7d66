import type { Page } from 'playwright-core';

/** Opens a page that needs a session, so the redirect to the sign-in form is part of the walk, and signs in. */
async function submitSignIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/communities`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Signs in with a one-time password, which the console makes the person replace at once, waits for
 * the workbench the console then opens on, and goes on to the community list the walks start from.
 */
export async function firstSignIn(
  page: Page,
  baseUrl: string,
  account: { username: string; oneTimePassword: string; newPassword: string },
): Promise<void> {
  await submitSignIn(page, baseUrl, account.username, account.oneTimePassword);
  await page.waitForURL(/\/change-password$/);
  await page.getByText('首次登录：请设置新密码').waitFor();
  await page.getByLabel('一次性密码').fill(account.oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(account.newPassword);
  await page.getByLabel('确认新密码').fill(account.newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/workbench$/);
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  await page.goto(`${baseUrl}/communities`);
}

/** Signs in with a password of the person's own and waits for the console's first page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  account: { username: string; password: string },
): Promise<void> {
  await submitSignIn(page, baseUrl, account.username, account.password);
  await page.waitForURL(/\/communities/);
}
