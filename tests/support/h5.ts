import type { Page } from 'playwright-core';
import { lastSmsCode } from './client';
import { system } from './system';

/** A page of the H5 client (hash routing). */
export const h5Url = (path: string) => `${system().webOrigin}/#${path}`;

/** The code the development SMS sender wrote for `phone`, once it is there. */
export async function waitForSmsCode(phone: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      const code = lastSmsCode(phone);
      if (code) return code;
    } catch {
      // no outbox yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`no SMS code for ${phone} in the outbox`);
}

/** Signs a rider in on the login page by SMS, as people do, until 我的 shows their profile. */
export async function signInBySms(page: Page, phone: string): Promise<void> {
  await page.goto(h5Url('/packages/account/pages/login/index'), { waitUntil: 'domcontentloaded' });
  await page.locator('input[placeholder="请输入手机号"]').fill(phone, { timeout: 30_000 });
  await page.locator('.login-page').getByText('获取验证码', { exact: true }).click();
  await page.locator('input[placeholder="请输入6位验证码"]').fill(await waitForSmsCode(phone));
  await page.locator('.login-page').getByText('登录', { exact: true }).click();
  await page.locator('.profile-card').waitFor({ timeout: 20_000 });
}
