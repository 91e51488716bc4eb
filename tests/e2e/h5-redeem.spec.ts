import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, step } from '../support/browser';
import { call, post, staffToken } from '../support/client';
import { h5Url as url, signInBySms } from '../support/h5';

/**
 * A rider redeems points on H5 and a partner merchant hands the reward over, both through the
 * client as people use it: the rider signs in by SMS (the development sender's outbox), is
 * credited by the district admin through the API, opens 积分 → 积分兑换, redeems the demo lunch
 * and shows the code; the merchant's staff sign in on the staff form, verify and fulfil the code
 * in the merchant workspace; the rider's code page turns to 已核销 by itself, and a second
 * hand-over at another till is refused in Chinese.
 */

const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone reports it
const RIDER_PHONE = `137${String(Date.now() % 1e8).padStart(8, '0')}`;
const LUNCH = '爱心午餐一份（三菜一饭）'; // the demo reward of merchant_staff@liuyang's merchant
const CREDIT = 100;
const LUNCH_COST = 30;

/** Pages slide in and modals fade in: a screenshot taken at once catches them half-way. */
async function settledScreenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await screenshot(page, name);
}

/** The access token the H5 client keeps (Taro storage wraps values as `{ data }`). */
async function storedAccessToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('yizhan.session'));
  if (!raw) throw new Error('the client stored no session');
  const stored = JSON.parse(raw) as { data?: { accessToken?: string }; accessToken?: string };
  const token = stored.data?.accessToken ?? stored.accessToken;
  if (!token) throw new Error(`no access token in ${raw}`);
  return token;
}

/** Taro's H5 modal (Taro.showModal): its text, then its confirm button. */
async function confirmModal(page: Page, screenshotName?: string): Promise<string> {
  const modal = page.locator('.taro-modal__content');
  await modal.waitFor({ timeout: 10_000 });
  const text = await modal.innerText();
  if (screenshotName) await settledScreenshot(page, screenshotName);
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden', timeout: 10_000 });
  return text;
}

async function verifyAtCounter(page: Page, typed: string): Promise<void> {
  await page.goto(url('/packages/merchant/pages/workspace/index'), {
    waitUntil: 'domcontentloaded',
  });
  const input = page.locator('input[placeholder="输入 12 位兑换码"]');
  await input.fill(typed, { timeout: 30_000 });
  await page.locator('.merchant-page__verify').click();
  await page.locator('.counter-result').waitFor({ timeout: 15_000 });
}

describe('H5 client: redeem points and fulfil at the counter', () => {
  let browser: Browser;
  let riderContext: BrowserContext;
  let counterContext: BrowserContext;
  let rider: Page;
  let till: Page;
  let otherTill: Page;
  let code = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    riderContext = await phoneContext(browser, RIDER_IN_LIUYANG);
    counterContext = await phoneContext(browser, RIDER_IN_LIUYANG);
    rider = await riderContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the rider in by SMS and the district admin credits points through the API', async () => {
    await step(rider, 'rider-login', () => signInBySms(rider, RIDER_PHONE));

    const token = await storedAccessToken(rider);
    const me = await call<{ id: string }>('GET', '/me', { token });
    expect(me.status).toBe(200);
    const admin = await staffToken('district_admin@liuyang');
    const credited = await post(
      '/points/adjustments',
      {
        userId: me.body.id,
        amount: CREDIT,
        reason: '志愿服务奖励',
        idempotencyKey: `e2e-redeem-${me.body.id}`,
      },
      admin,
    );
    expect(credited.status).toBe(201);
  });

  it('shows the balance on 积分 and redeems the demo lunch from 积分兑换', async () => {
    await step(rider, 'points-tab', async () => {
      await rider.goto(url('/pages/points/index'), { waitUntil: 'domcontentloaded' });
      const amount = rider.locator('.balance-card__amount');
      await amount.waitFor({ timeout: 30_000 });
      expect(await amount.innerText()).toBe(String(CREDIT));
      // The adjustment is in the history, in Chinese, with its sign.
      const entry = rider.locator('.transfer-row').first();
      await entry.waitFor({ timeout: 10_000 });
      expect(await entry.innerText()).toMatch(/积分调整[\s\S]*\+100/);
    });
    await settledScreenshot(rider, 'h5-points-tab');

    await step(rider, 'rewards-list', async () => {
      await rider.locator('.points-page__to-rewards').click();
      await rider.locator('.reward-card', { hasText: LUNCH }).waitFor({ timeout: 30_000 });
      expect(await rider.locator('.rewards-page__balance').innerText()).toBe(`我的积分 ${CREDIT}`);
    });
    await settledScreenshot(rider, 'h5-rewards-list');

    await step(rider, 'reward-detail', async () => {
      await rider.locator('.reward-card', { hasText: LUNCH }).click();
      const redeem = rider.locator('.reward-detail__redeem');
      await redeem.waitFor({ timeout: 30_000 });
      await rider.getByText('立即兑换', { exact: true }).waitFor({ timeout: 10_000 });
      await settledScreenshot(rider, 'h5-reward-detail');
      await redeem.click();
      const question = await confirmModal(rider, 'h5-redeem-confirm');
      expect(question).toContain(
        `将使用 ${LUNCH_COST} 积分，兑换后剩余 ${CREDIT - LUNCH_COST} 积分`,
      );
    });

    await step(rider, 'code-page', async () => {
      const digits = rider.locator('.redemption-code__digits');
      await digits.waitFor({ timeout: 30_000 });
      const shown = await digits.innerText();
      expect(shown).toMatch(/^\d{4} \d{4} \d{4}$/);
      code = shown.replace(/\s/g, '');
      // The QR came through request.ts (it needs the token) and shows as a data URL.
      const qr = rider.locator('.redemption-code__qr img');
      await qr.waitFor({ timeout: 15_000 });
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await rider.locator('.redemption-code__countdown-value').innerText()).toMatch(
        /^(\d+ 天 )?\d{2}:\d{2}:\d{2}$/,
      );
      expect(await rider.locator('.redemption-code .redemption-status').innerText()).toBe('待使用');
    });
    await settledScreenshot(rider, 'h5-redemption-code');
  });

  it('lets the merchant staff verify and fulfil the code, and the rider sees it used', async () => {
    till = await counterContext.newPage();
    await step(till, 'staff-login', async () => {
      await till.goto(url('/packages/account/pages/login/index'), {
        waitUntil: 'domcontentloaded',
      });
      await till.locator('.login-page__staff-entry').click({ timeout: 30_000 });
      await till.locator('input[placeholder="请输入用户名"]').fill('merchant_staff@liuyang');
      await till.locator('input[placeholder="请输入密码"]').fill('yizhan-demo');
      await till.locator('.login-staff__submit').click();
      // 我的 offers the counter to merchant staff.
      await till.locator('.me-page__merchant').click({ timeout: 20_000 });
      await till.locator('input[placeholder="输入 12 位兑换码"]').waitFor({ timeout: 30_000 });
    });

    // A second till of the same shop looks the code up too, before the first hands it over.
    otherTill = await counterContext.newPage();
    await step(otherTill, 'other-till-verify', async () => {
      await verifyAtCounter(otherTill, code);
    });

    await step(till, 'verify', async () => {
      // Typed as read aloud, in groups with a dash.
      await till
        .locator('input[placeholder="输入 12 位兑换码"]')
        .fill(`${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`);
      await till.locator('.merchant-page__verify').click();
      const result = till.locator('.counter-result');
      await result.waitFor({ timeout: 15_000 });
      const text = await result.innerText();
      expect(text).toContain(LUNCH);
      expect(text).toContain('待使用');
      expect(text).toContain(`${RIDER_PHONE.slice(0, 3)}****${RIDER_PHONE.slice(-4)}`);
      expect(text).not.toContain(RIDER_PHONE);
    });
    await settledScreenshot(till, 'h5-merchant-verified');

    await step(till, 'fulfil', async () => {
      await till.locator('.counter-result__fulfil').click();
      const question = await confirmModal(till, 'h5-merchant-confirm');
      expect(question).toContain(`请确认已将「${LUNCH}」交给顾客`);
      await till.getByText('核销成功', { exact: true }).waitFor({ timeout: 15_000 });
      // Today's list shows the code by its tail.
      await till
        .locator('.counter-row', { hasText: `尾号 ${code.slice(-4)}` })
        .waitFor({ timeout: 15_000 });
    });
    await settledScreenshot(till, 'h5-merchant-fulfilled');

    await step(rider, 'rider-sees-fulfilled', async () => {
      // No tap on the rider's phone: the code page asks again every few seconds while shown.
      await rider.locator('.redemption-code--fulfilled').waitFor({ timeout: 20_000 });
      expect(await rider.locator('.redemption-code .redemption-status').innerText()).toBe('已核销');
      expect(await rider.locator('.redemption-code__closed').innerText()).toMatch(/^已于 .+ 核销$/);
      expect(await rider.locator('.redemption-code__qr').count()).toBe(0);
    });
    await settledScreenshot(rider, 'h5-redemption-fulfilled');
  });

  it('refuses a second hand-over of the same code in Chinese', async () => {
    await step(otherTill, 'second-fulfil', async () => {
      // This till still shows the code as it was before the first hand-over.
      const refused = otherTill.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/redemptions/fulfil') &&
          response.request().method() === 'POST',
      );
      await otherTill.locator('.counter-result__fulfil').click();
      await confirmModal(otherTill);
      expect((await refused).status()).toBe(409);
      // The server refused; the till shows the code as it now is, and why.
      await otherTill
        .locator('.counter-result .redemption-status', { hasText: '已核销' })
        .waitFor({ timeout: 15_000 });
      const refusal = otherTill.locator('.counter-result__closed');
      expect(await refusal.innerText()).toMatch(/^该兑换码已于 .+ 核销，请勿重复兑付$/);
      expect(await otherTill.getByText('核销成功').count()).toBe(0);
      const body = await otherTill.locator('body').innerText();
      expect(body).not.toContain('REDEMPTION_ALREADY_FULFILLED');
      expect(body).not.toMatch(/already|fulfilled/i);
    });
    await settledScreenshot(otherTill, 'h5-merchant-second-fulfil');

    // The points moved once: 100 credited, 30 spent.
    const token = await storedAccessToken(rider);
    const balance = await call<{ balance: number }>('GET', '/points/balance', { token });
    expect(balance.body.balance).toBe(CREDIT - LUNCH_COST);
  });
});
