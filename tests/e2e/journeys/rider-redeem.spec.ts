import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, settledScreenshot, step } from '../../support/browser';
import { call, post, staffToken } from '../../support/client';
import {
  confirmModal,
  h5Url as url,
  openPointsTab,
  signInAsStaff,
  signInBySms,
  storedAccessToken,
} from '../../support/h5';

/**
 * Journey 3 (issue 7): a rider redeems a meal at a partner merchant. Both sides use the H5
 * client as people do: the rider signs in by SMS (the development sender's outbox), is credited
 * by the district admin through the API (README: a new worker has no points), opens 积分 →
 * 积分兑换, redeems the demo lunch and shows the code; the merchant's staff
 * (merchant_staff@liuyang) sign in on the staff form, verify and fulfil the code in the merchant
 * workspace; the rider's code page turns to 已核销 by itself, a second hand-over at another till
 * is refused in Chinese, and 积分 shows the lunch paid once.
 */

const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone reports it
const RIDER_PHONE = `137${String(Date.now() % 1e8).padStart(8, '0')}`;
const LUNCH = '爱心午餐一份（三菜一饭）'; // the demo reward of merchant_staff@liuyang's merchant
const CREDIT = 100;
const LUNCH_COST = 30;

async function verifyAtCounter(page: Page, typed: string): Promise<void> {
  await page.goto(url('/packages/merchant/pages/workspace/index'), {
    waitUntil: 'domcontentloaded',
  });
  const input = page.locator('input[placeholder="输入 12 位兑换码"]');
  await input.fill(typed, { timeout: 30_000 });
  await page.locator('.merchant-page__verify').click();
  await page.locator('.counter-result').waitFor({ timeout: 15_000 });
}

describe('Journey 3: a rider redeems a meal and the merchant hands it over', () => {
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
    await step(rider, 'journey3-rider-login', () => signInBySms(rider, RIDER_PHONE));

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
    await step(rider, 'journey3-points-tab', async () => {
      await rider.goto(url('/pages/points/index'), { waitUntil: 'domcontentloaded' });
      const amount = rider.locator('.balance-card__amount');
      await amount.waitFor({ timeout: 30_000 });
      expect(await amount.innerText()).toBe(String(CREDIT));
      // The adjustment is in the history, in Chinese, with its sign.
      const entry = rider.locator('.transfer-row').first();
      await entry.waitFor({ timeout: 10_000 });
      expect(await entry.innerText()).toMatch(/积分调整[\s\S]*\+100/);
    });
    await settledScreenshot(rider, 'journey3-points-credited');

    await step(rider, 'journey3-rewards-list', async () => {
      await rider.locator('.points-page__to-rewards').click();
      await rider.locator('.reward-card', { hasText: LUNCH }).waitFor({ timeout: 30_000 });
      expect(await rider.locator('.rewards-page__balance').innerText()).toBe(`我的积分 ${CREDIT}`);
    });
    await settledScreenshot(rider, 'journey3-rewards-list');

    await step(rider, 'journey3-reward-detail', async () => {
      await rider.locator('.reward-card', { hasText: LUNCH }).click();
      const redeem = rider.locator('.reward-detail__redeem');
      await redeem.waitFor({ timeout: 30_000 });
      await rider.getByText('立即兑换', { exact: true }).waitFor({ timeout: 10_000 });
      await settledScreenshot(rider, 'journey3-reward-detail');
      await redeem.click();
      const question = await confirmModal(rider, () =>
        settledScreenshot(rider, 'journey3-redeem-confirm'),
      );
      expect(question).toContain(
        `将使用 ${LUNCH_COST} 积分，兑换后剩余 ${CREDIT - LUNCH_COST} 积分`,
      );
    });

    await step(rider, 'journey3-code-page', async () => {
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
    await settledScreenshot(rider, 'journey3-redemption-code');
  });

  it('lets the merchant staff verify and fulfil the code, and the rider sees it used', async () => {
    till = await counterContext.newPage();
    await step(till, 'journey3-staff-login', async () => {
      await signInAsStaff(till, 'merchant_staff@liuyang');
      // 我的 offers the counter to merchant staff.
      await till.locator('.me-page__merchant').click({ timeout: 20_000 });
      await till.locator('input[placeholder="输入 12 位兑换码"]').waitFor({ timeout: 30_000 });
    });

    // A second till of the same shop looks the code up too, before the first hands it over.
    otherTill = await counterContext.newPage();
    await step(otherTill, 'journey3-other-till-verify', async () => {
      await verifyAtCounter(otherTill, code);
    });

    await step(till, 'journey3-verify', async () => {
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
    await settledScreenshot(till, 'journey3-merchant-verified');

    await step(till, 'journey3-fulfil', async () => {
      await till.locator('.counter-result__fulfil').click();
      const question = await confirmModal(till, () =>
        settledScreenshot(till, 'journey3-merchant-confirm'),
      );
      expect(question).toContain(`请确认已将「${LUNCH}」交给顾客`);
      await till.getByText('核销成功', { exact: true }).waitFor({ timeout: 15_000 });
      // Today's list shows the code by its tail.
      await till
        .locator('.counter-row', { hasText: `尾号 ${code.slice(-4)}` })
        .waitFor({ timeout: 15_000 });
    });
    await settledScreenshot(till, 'journey3-merchant-fulfilled');

    await step(rider, 'journey3-rider-sees-fulfilled', async () => {
      // No tap on the rider's phone: the code page asks again every few seconds while shown.
      await rider.locator('.redemption-code--fulfilled').waitFor({ timeout: 20_000 });
      expect(await rider.locator('.redemption-code .redemption-status').innerText()).toBe('已核销');
      expect(await rider.locator('.redemption-code__closed').innerText()).toMatch(/^已于 .+ 核销$/);
      expect(await rider.locator('.redemption-code__qr').count()).toBe(0);
    });
    await settledScreenshot(rider, 'journey3-redemption-fulfilled');
  });

  it('refuses a second hand-over of the same code in Chinese', async () => {
    await step(otherTill, 'journey3-second-fulfil', async () => {
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
    await settledScreenshot(otherTill, 'journey3-merchant-second-fulfil');

    // The points moved once: 100 credited, 30 spent.
    const token = await storedAccessToken(rider);
    const balance = await call<{ balance: number }>('GET', '/points/balance', { token });
    expect(balance.body.balance).toBe(CREDIT - LUNCH_COST);
  });

  it('shows the rider on 积分 that the lunch was paid for once', async () => {
    await step(rider, 'journey3-points-spent', async () => {
      const expected = {
        balance: String(CREDIT - LUNCH_COST),
        entries: [`兑换奖品 −${LUNCH_COST}`, `积分调整 +${CREDIT}`],
      };
      expect(await openPointsTab(rider, expected)).toEqual(expected);
    });
    await settledScreenshot(rider, 'journey3-points-spent');
  });
});
