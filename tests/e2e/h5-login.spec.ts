import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, step } from '../support/browser';
import { h5Url, signInAsStaff, waitForSmsCode } from '../support/h5';

/**
 * A rider signs in on H5 with a phone number and the SMS code, edits the profile, and signs out;
 * a district admin signs in with the staff form. The code comes from the development sender's
 * outbox, the same path a real SMS takes (no test bypass exists in the API).
 */

const RIDER_PHONE = '13700002222';

describe('H5 client: sign-in', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (
      await phoneContext(browser, { latitude: 28.1585, longitude: 113.6368 })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs a rider in with phone and SMS code and shows the profile on 我的', async () => {
    await step(page, 'open-login', async () => {
      await page.goto(h5Url('/packages/account/pages/login/index'), {
        waitUntil: 'domcontentloaded',
      });
      await page
        .locator('input[placeholder="请输入手机号"]')
        .fill(RIDER_PHONE, { timeout: 30_000 });
      await page.locator('.login-page').getByText('获取验证码', { exact: true }).click();
      await page.getByText(/秒后重新获取/).waitFor({ timeout: 10_000 });
    });
    const code = await waitForSmsCode(RIDER_PHONE);
    await step(page, 'enter-code', async () => {
      await page.locator('input[placeholder="请输入6位验证码"]').fill(code);
      await screenshot(page, 'h5-login-sms');
      await page.locator('.login-page').getByText('登录', { exact: true }).click();
      await page.locator('.profile-card').waitFor({ timeout: 20_000 });
      await page.locator('.login-page').waitFor({ state: 'hidden', timeout: 10_000 });
    });
    expect(await page.locator('.profile-card').innerText()).toContain(RIDER_PHONE);
    await screenshot(page, 'h5-me-signed-in');
  });

  it('shows a Chinese message for a wrong code and stays on the form', async () => {
    const other = await (
      await phoneContext(browser, { latitude: 28.1585, longitude: 113.6368 })
    ).newPage();
    try {
      await step(other, 'wrong-code', async () => {
        await other.goto(h5Url('/packages/account/pages/login/index'), {
          waitUntil: 'domcontentloaded',
        });
        await other
          .locator('input[placeholder="请输入手机号"]')
          .fill('13700003333', { timeout: 30_000 });
        await other.locator('.login-page').getByText('获取验证码', { exact: true }).click();
        const right = await waitForSmsCode('13700003333');
        const wrong = right === '000000' ? '111111' : '000000';
        await other.locator('input[placeholder="请输入6位验证码"]').fill(wrong);
        await other.locator('.login-page').getByText('登录', { exact: true }).click();
        const alert = other.locator('.login-form__error');
        await alert.waitFor({ timeout: 10_000 });
        expect(await alert.innerText()).toMatch(/验证码/);
        expect(await other.locator('body').innerText()).not.toContain('UNAUTHENTICATED');
      });
    } finally {
      await other.close();
    }
  });

  it('signs the rider out from 我的', async () => {
    await step(page, 'logout', async () => {
      await page.locator('.me-page__logout').click();
      await page.locator('.me-page__signed-out').waitFor({ timeout: 10_000 });
    });
  });

  it('signs a district admin in with the staff form', async () => {
    await step(page, 'staff-login', async () => {
      await signInAsStaff(page, 'district_admin@liuyang');
      expect(await page.locator('.profile-card').innerText()).toContain('区级管理员');
    });
    await screenshot(page, 'h5-me-staff');
  });
});
