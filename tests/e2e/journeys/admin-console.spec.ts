import { copyFileSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  ownClientAddress,
  phoneContext,
  screenshot,
  step,
} from '../../support/browser';
import { call, clientHeaders, newWorker, post, staffToken } from '../../support/client';
import { h5Url, signInBySms } from '../../support/h5';
import { api, REPO_ROOT, system } from '../../support/system';

/**
 * Journey 4 — the district console. Liuyang's district admin signs in to the console on a
 * desktop screen, opens a station near the demo stations (placed with the map picker and its
 * coordinate inputs, with amenities and hours) and offers a meal at a Liuyang merchant; a rider
 * then finds both on the phone: the station on 驿站, the reward in 积分 › 积分兑换. Last, a
 * Liuyang report stays out of the other district's sight: Hanyang's handler does not find it in
 * the H5 workspace queue, and the API answers 404 for it.
 */

const RUN = String(Date.now() % 1e6);
const STATION_NAME = `才常广场西“奔跑者”驿站（测试 ${RUN}）`;
const REWARD_TITLE = `蒸菜套餐（测试 ${RUN}）`;
const REWARD_COST = 5;
const MERCHANT = '才常广场浏阳蒸菜馆';
const REPORT_TEXT = `才常路人行道井盖松动，电动车经过会颠（测试 ${RUN}）`;
/** GCJ-02, a few dozen metres from 才常广场's demo station (28.15917, 113.63852). */
const STATION_AT = { lat: 28.15898, lng: 113.63801 };
const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone reports it
const RIDER_PHONE = `136${String(Date.now() % 1e8).padStart(8, '0')}`;
const SCREENSHOTS_DIR = join(REPO_ROOT, 'docs', 'screenshots');

const consoleUrl = (path = '') => `${system().webOrigin}/console/${path}`;

/** Keeps a result screenshot for the docs too. */
async function docScreenshot(page: Page, name: string, docName: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  copyFileSync(path, join(SCREENSHOTS_DIR, docName));
}

/** Drawers slide in and messages fade: a screenshot taken at once catches them half-way. */
async function settledScreenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(600);
  return screenshot(page, name);
}

/** The newest shown copy of an element (Taro's H5 router keeps earlier pages in the DOM). */
const visible = (page: Page, selector: string) =>
  page.locator(selector).filter({ visible: true }).last();

function picture(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const at = (y * png.width + x) * 4;
      png.data[at] = (x * 4 + Number(RUN)) % 256;
      png.data[at + 1] = (y * 5) % 256;
      png.data[at + 2] = ((x + y) * 3) % 256;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A rider files a Liuyang report through the API, as report.spec.ts does; its id. */
async function fileLiuyangReport(): Promise<string> {
  const worker = await newWorker();
  for (const kind of ['location', 'photos']) {
    expect((await post('/me/consents', { kind, version: '1' }, worker.token)).status).toBe(201);
  }
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(picture())], { type: 'image/png' }), 'IMG_4001.png');
  const headers = clientHeaders(worker.token);
  delete headers['content-type'];
  const uploaded = await fetch(api('/media'), { method: 'POST', headers, body: form });
  expect(uploaded.status).toBe(201);
  const photo = (await uploaded.json()) as { id: string };
  const filed = await post<{ id: string }>(
    '/reports',
    {
      clientRequestId: randomUUID(),
      category: 'facility_damage',
      description: REPORT_TEXT,
      lat: STATION_AT.lat + 0.0008,
      lng: STATION_AT.lng,
      address: '浏阳市淮川街道才常路',
      mediaIds: [photo.id],
    },
    worker.token,
  );
  expect(filed.status).toBe(201);
  return filed.body.id;
}

describe('Journey 4: the district admin runs stations and rewards from the console', () => {
  let browser: Browser;
  let desk: BrowserContext;
  let admin: Page;
  let phone: BrowserContext;
  let rider: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      extraHTTPHeaders: ownClientAddress(),
    });
    // No street tiles in the test: the map works on a blank background (and does not wait).
    await desk.route(/autonavi\.com|\/appmaptile/, (route) => route.abort());
    admin = await desk.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the district admin in to the console', async () => {
    await step(admin, 'journey4-console-login', async () => {
      await admin.goto(consoleUrl(), { waitUntil: 'domcontentloaded' });
      await admin.getByLabel('用户名').fill('district_admin@liuyang', { timeout: 30_000 });
      await admin.getByLabel('密码').fill('yizhan-demo');
      await admin.getByRole('button', { name: /登\s*录/ }).click();
      // The header names the admin's district once the regions have loaded.
      await admin
        .locator('.console-header__region', { hasText: '浏阳市' })
        .waitFor({ timeout: 30_000 });
    });
  });

  it('creates a station near the Liuyang demo stations with the map picker', async () => {
    await step(admin, 'journey4-stations-list', async () => {
      await admin.getByRole('menuitem', { name: /驿站管理/ }).click();
      const table = admin.locator('.stations-table');
      await table.getByText('才常广场商圈“奔跑者”红色驿站').waitFor({ timeout: 30_000 });
      // Every status, with the riders' words for amenities.
      expect(await table.innerText()).toContain('营业中');
      expect(await table.innerText()).toContain('饮用水');
    });
    await settledScreenshot(admin, 'journey4-stations-list');

    const drawer = admin.locator('.ant-drawer').filter({ hasText: '新建驿站' });
    await step(admin, 'journey4-station-editor', async () => {
      await admin.getByRole('button', { name: /新建驿站/ }).click();
      await drawer.locator('.station-editor').waitFor({ timeout: 10_000 });
      await drawer.getByLabel('驿站名称').fill(STATION_NAME);
      await drawer.getByLabel('地址').fill('浏阳市淮川街道才常路与人民中路交叉口西侧');
      // The region: 才常社区, picked in the admin's tree.
      await drawer.getByLabel('所属区域').click();
      await admin.locator('.ant-select-tree').getByTitle('才常社区', { exact: true }).click();
      // A click on the map sets the point and fills both inputs …
      const map = drawer.locator('.leaflet-container');
      await map.waitFor();
      await map.click({ position: { x: 300, y: 160 } });
      await drawer.locator('.location-picker__pin').waitFor({ timeout: 5_000 });
      const clickedLat = Number(await drawer.getByLabel('纬度').inputValue());
      expect(Math.abs(clickedLat - 28.159)).toBeLessThan(0.05);
      // … and the inputs move it to the exact place.
      await drawer.getByLabel('纬度').fill(String(STATION_AT.lat));
      await drawer.getByLabel('纬度').press('Tab');
      await drawer.getByLabel('经度').fill(String(STATION_AT.lng));
      await drawer.getByLabel('经度').press('Tab');
      for (const amenity of ['座椅', '饮用水', '手机充电', '卫生间']) {
        await drawer.getByLabel(amenity, { exact: true }).check();
      }
      await drawer.getByRole('button', { name: /添加时段/ }).click();
      await drawer.getByLabel('联系电话').fill('0731-83619999');
      // Show the map part of the form for the screenshot.
      await drawer.locator('.location-picker').scrollIntoViewIfNeeded();
    });
    await settledScreenshot(admin, 'journey4-station-editor');
    await docScreenshot(admin, 'journey4-station-editor', 'console-station-editor.png');

    await step(admin, 'journey4-station-saved', async () => {
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await admin.getByText('已创建').waitFor({ timeout: 15_000 });
      await admin.locator('.stations-table').getByText(STATION_NAME).waitFor({ timeout: 15_000 });
    });
    const stations = await call<{
      items: Array<{ name: string; lat: number; lng: number; amenities: string[] }>;
    }>('GET', `/stations?q=${encodeURIComponent(`测试 ${RUN}`)}`);
    const created = stations.body.items.find((item) => item.name === STATION_NAME);
    expect(created).toMatchObject({
      lat: STATION_AT.lat,
      lng: STATION_AT.lng,
      amenities: ['seating', 'water', 'phone_charging', 'toilet'],
    });
    await admin.locator('.stations-table').getByText(STATION_NAME).scrollIntoViewIfNeeded();
    await settledScreenshot(admin, 'journey4-station-created');
    await docScreenshot(admin, 'journey4-station-created', 'console-stations.png');
  });

  it('offers a meal at a Liuyang merchant', async () => {
    const drawer = admin.locator('.ant-drawer').filter({ hasText: '新建奖品' });
    await step(admin, 'journey4-reward-editor', async () => {
      await admin.getByRole('menuitem', { name: /兑换奖品/ }).click();
      await admin.locator('.rewards-table').waitFor({ timeout: 30_000 });
      await admin.getByRole('button', { name: /新建奖品/ }).click();
      await drawer.locator('.reward-editor').waitFor({ timeout: 10_000 });
      await drawer.getByLabel('奖品名称').fill(REWARD_TITLE);
      await drawer.getByLabel('说明').fill('蒸菜两荤一素加米饭，凭兑换码到店领取');
      await drawer.getByLabel('所需积分').fill(String(REWARD_COST));
      await drawer.getByLabel('合作商家').click();
      await admin.locator('.ant-select-dropdown').getByTitle(MERCHANT).click();
      // 20 meals, one a day per rider, until the end of next year (Beijing time).
      await drawer.getByRole('switch').first().click();
      await drawer.getByRole('spinbutton', { name: '库存' }).fill('20');
      await drawer.getByLabel('每人限兑次数').fill('1');
      await drawer.getByLabel('统计周期').click();
      await admin
        .locator('.ant-select-dropdown')
        .filter({ visible: true })
        .getByTitle('每天')
        .click();
      const validTo = drawer.getByLabel('结束时间');
      await validTo.click();
      await validTo.fill('2027-12-31 23:59');
      // The picker's 确定 takes the typed time (Enter would also submit the form).
      await admin
        .locator('.ant-picker-dropdown')
        .filter({ visible: true })
        .locator('.ant-picker-ok button')
        .click();
    });
    await settledScreenshot(admin, 'journey4-reward-editor');
    await docScreenshot(admin, 'journey4-reward-editor', 'console-reward-editor.png');

    await step(admin, 'journey4-reward-saved', async () => {
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      const row = admin.locator('.rewards-table tr', { hasText: REWARD_TITLE });
      await row.waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      expect(text).toContain(MERCHANT);
      expect(text).toContain('每天 1 次');
      expect(text).toContain('至 2027-12-31 23:59');
      expect(text).toContain('可兑换');
    });
    await settledScreenshot(admin, 'journey4-rewards-list');
    await docScreenshot(admin, 'journey4-rewards-list', 'console-rewards.png');

    await step(admin, 'journey4-merchants', async () => {
      await admin.getByRole('menuitem', { name: /合作商家/ }).click();
      await admin.locator('.merchants-table').getByText(MERCHANT).waitFor({ timeout: 30_000 });
    });
    await settledScreenshot(admin, 'journey4-merchants');
    await docScreenshot(admin, 'journey4-merchants', 'console-merchants.png');
  });

  it('lets a rider find the new station on 驿站 and the new reward in 积分兑换', async () => {
    phone = await phoneContext(browser, RIDER_IN_LIUYANG);
    rider = await phone.newPage();
    await step(rider, 'journey4-rider-login', () => signInBySms(rider, RIDER_PHONE));

    await step(rider, 'journey4-rider-stations', async () => {
      await rider.goto(`${system().webOrigin}/`, { waitUntil: 'domcontentloaded' });
      const consent = rider.locator('.consent-sheet').filter({ visible: true });
      const card = rider.locator('.station-card', { hasText: STATION_NAME });
      await Promise.race([
        consent.waitFor({ timeout: 30_000 }),
        card.first().waitFor({ timeout: 30_000 }),
      ]);
      if (await consent.isVisible()) await consent.getByText('同意', { exact: true }).click();
      await card.first().waitFor({ timeout: 30_000 });
      await card.first().scrollIntoViewIfNeeded();
      expect(await card.first().innerText()).toContain('卫生间');
    });
    await settledScreenshot(rider, 'journey4-rider-stations');

    await step(rider, 'journey4-rider-rewards', async () => {
      await rider.goto(h5Url('/pages/points/index'), { waitUntil: 'domcontentloaded' });
      await rider.locator('.points-page__to-rewards').click({ timeout: 30_000 });
      const card = rider.locator('.reward-card', { hasText: REWARD_TITLE });
      await card.first().waitFor({ timeout: 30_000 });
      await card.first().scrollIntoViewIfNeeded();
      expect(await card.first().innerText()).toContain(String(REWARD_COST));
    });
    await settledScreenshot(rider, 'journey4-rider-rewards');
  });

  it("keeps Liuyang's reports from Hanyang's handler", async () => {
    const reportId = await fileLiuyangReport();
    // Control: Liuyang's own handler has it in the queue.
    const liuyang = await staffToken('handler@liuyang');
    const theirs = await call<{ items: Array<{ id: string }> }>('GET', '/reports?limit=100', {
      token: liuyang,
    });
    expect(theirs.body.items.map((item) => item.id)).toContain(reportId);

    const hanyangPhone = await phone.newPage();
    await step(hanyangPhone, 'journey4-hanyang-login', async () => {
      await hanyangPhone.goto(h5Url('/packages/account/pages/login/index'), {
        waitUntil: 'domcontentloaded',
      });
      await hanyangPhone.locator('.login-page__staff-entry').click({ timeout: 30_000 });
      await hanyangPhone.locator('input[placeholder="请输入用户名"]').fill('handler@hanyang');
      await hanyangPhone.locator('input[placeholder="请输入密码"]').fill('yizhan-demo');
      await hanyangPhone.locator('.login-staff__submit').click();
    });
    await step(hanyangPhone, 'journey4-hanyang-queue', async () => {
      const queueAnswer = hanyangPhone.waitForResponse(
        (response) =>
          /\/api\/v1\/reports(\?|$)/.test(response.url()) && response.request().method() === 'GET',
        { timeout: 30_000 },
      );
      await hanyangPhone.locator('.me-page__handler').click({ timeout: 20_000 });
      const answer = await queueAnswer;
      expect(answer.status()).toBe(200);
      const listed = ((await answer.json()) as { items: Array<{ id: string }> }).items;
      expect(listed.map((item) => item.id)).not.toContain(reportId);
      // The queue has rendered (cards or its empty state) and shows no Liuyang report.
      await visible(hanyangPhone, '.handler-queue__list, .handler-queue__empty').waitFor({
        timeout: 20_000,
      });
      expect(
        await hanyangPhone.locator('.report-card', { hasText: REPORT_TEXT.slice(0, 12) }).count(),
      ).toBe(0);
    });
    await settledScreenshot(hanyangPhone, 'journey4-hanyang-queue');

    const hanyang = await staffToken('handler@hanyang');
    expect((await call('GET', `/reports/${reportId}`, { token: hanyang })).status).toBe(404);
  });
});
