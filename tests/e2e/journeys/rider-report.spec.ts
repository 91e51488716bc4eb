import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, settledScreenshot, step } from '../../support/browser';
import {
  agreeTo,
  confirmModal,
  h5Url as url,
  openPointsTab,
  signInAsStaff,
  signInBySms,
  visible,
} from '../../support/h5';

/**
 * Journey 2 (issue 7): a rider reports a tilted guardrail and the handler of the area sees it
 * through, both on the H5 client as people use it: the rider signs in by SMS, agrees to location
 * and photo use, picks 护栏/设施损坏, adds two photos (through the file input Taro's H5 chooser
 * creates), describes it and submits, and finds it in 我的报事 as 待受理; the district's handler
 * (handler@liuyang) signs in on the staff form, opens it from the queue, accepts it, dispatches
 * it to a department and resolves it with a photo of the repair; the rider then sees every step
 * on the timeline, the notification, and the report's points on the report and on 积分.
 */

const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone reports it
const RIDER_PHONE = `135${String(Date.now() % 1e8).padStart(8, '0')}`;
const GUARDRAIL = '护栏/设施损坏';
/** The demo earning rule for a report in Liuyang (apps/api/src/cli/seed/demo/demo-rewards.ts). */
const REPORT_POINTS = 20;
// Unique per run, so the handler finds this very report in a queue other tests may fill.
const DESCRIPTION = `浏阳河中路风光桥中央隔离护栏倾斜，夜里骑车很危险（测试 ${Date.now() % 1e6}）`;

/**
 * A small JPEG drawn by the browser itself (a different picture each time, so the API's
 * perceptual hash does not take two of them for one photo reused).
 */
async function jpeg(
  page: Page,
  label: string,
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const hue = Math.floor(Math.random() * 360);
    const gradient = context.createLinearGradient(0, 0, 640, 480);
    gradient.addColorStop(0, `hsl(${hue}, 70%, 50%)`);
    gradient.addColorStop(1, `hsl(${(hue + 120) % 360}, 70%, 30%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, 640, 480);
    for (let index = 0; index < 12; index += 1) {
      context.fillStyle = `hsl(${Math.floor(Math.random() * 360)}, 80%, 60%)`;
      context.fillRect(
        Math.random() * 600,
        Math.random() * 440,
        40 + Math.random() * 200,
        20 + Math.random() * 120,
      );
    }
    context.fillStyle = '#fff';
    context.font = '48px sans-serif';
    context.fillText(text, 40, 240);
    return canvas.toDataURL('image/jpeg', 0.9);
  }, label);
  return {
    name: `${label}.jpg`,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64'),
  };
}

/**
 * Taps 添加照片 and gives Taro's chooser the files: its H5 implementation appends a hidden
 * `<input type=file id=taroChooseMedia>` to <body> and clicks it. The dialog is intercepted (a
 * headless browser would cancel it at once, and Taro would drop the input), and the files are set
 * on that very input.
 */
async function addPhotos(
  page: Page,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
  consent: boolean,
): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
  await visible(page, '.photo-grid__add').click();
  // With the consent sheet up, its 同意 is the tap that opens the chooser.
  if (consent) await agreeTo(page, 'photos');
  const dialog = await chooser;
  expect(await dialog.element().getAttribute('id')).toBe('taroChooseMedia');
  await dialog.setFiles(files);
}

async function statusOn(page: Page, block: string): Promise<string> {
  return visible(page, `${block} .report-body__head .report-status`).innerText();
}

describe('Journey 2: a rider reports a tilted guardrail and the handler sees it through', () => {
  let browser: Browser;
  let riderContext: BrowserContext;
  let handlerContext: BrowserContext;
  let rider: Page;
  let handler: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    riderContext = await phoneContext(browser, RIDER_IN_LIUYANG);
    handlerContext = await phoneContext(browser, RIDER_IN_LIUYANG);
    rider = await riderContext.newPage();
    handler = await handlerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a rider report a broken guardrail with two photos', async () => {
    await step(rider, 'journey2-rider-login', () => signInBySms(rider, RIDER_PHONE));

    await step(rider, 'journey2-report-form', async () => {
      await rider.goto(url('/pages/report/index'), { waitUntil: 'domcontentloaded' });
      // The place comes from the phone, once the rider agrees.
      await agreeTo(rider, 'location');
      await visible(rider, '.report-page__location-state--located').waitFor({ timeout: 30_000 });
      await visible(rider, '.category-grid__item').waitFor({ timeout: 30_000 });
      await rider.locator('.category-grid__item', { hasText: GUARDRAIL }).first().click();
      expect(await rider.locator('.category-grid__item--on').first().innerText()).toContain(
        GUARDRAIL,
      );

      await addPhotos(
        rider,
        [await jpeg(rider, 'guardrail-1'), await jpeg(rider, 'guardrail-2')],
        true,
      );
      // Each photo uploads as soon as it is picked.
      await rider.waitForFunction(
        () => document.querySelectorAll('.report-page .photo-grid__item--done').length === 2,
        null,
        { timeout: 30_000 },
      );

      const description = visible(rider, 'textarea[placeholder^="说说发现了什么"]');
      await description.fill(DESCRIPTION);
      expect(await visible(rider, '.report-page__counter').innerText()).toBe(
        `${DESCRIPTION.length}/500`,
      );
      await visible(rider, 'input[placeholder^="补充地址或位置描述"]').fill('浏阳河中路风光桥中段');
    });
    await settledScreenshot(rider, 'journey2-report-form');

    await step(rider, 'journey2-report-submit', async () => {
      const created = rider.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/reports') && response.request().method() === 'POST',
      );
      await visible(rider, '.report-page__submit').click();
      // A fresh system has no open guardrail report nearby; should one exist, report anyway.
      const anyway = rider.locator('.duplicate-prompt__submit').filter({ visible: true });
      const sent = rider.locator('.report-outcome--sent').filter({ visible: true });
      await Promise.race([
        anyway.waitFor({ timeout: 20_000 }).then(() => anyway.click()),
        sent.waitFor({ timeout: 20_000 }),
      ]);
      expect((await created).status()).toBe(201);
      await sent.waitFor({ timeout: 20_000 });
      expect(await sent.innerText()).toContain('上报成功');
      expect(await sent.innerText()).toContain(GUARDRAIL);
    });
    await settledScreenshot(rider, 'journey2-report-sent');

    await step(rider, 'journey2-report-mine', async () => {
      await rider.goto(url('/packages/reports/pages/mine/index'), {
        waitUntil: 'domcontentloaded',
      });
      const card = visible(rider, '.report-card');
      await card.waitFor({ timeout: 20_000 });
      const text = await card.innerText();
      expect(text).toContain(GUARDRAIL);
      expect(text).toContain('待受理');
      expect(text).toContain('2 张照片');
    });
    await settledScreenshot(rider, 'journey2-report-mine');
  });

  it('lets the handler accept it, dispatch it to a department and resolve it with a photo', async () => {
    await step(handler, 'journey2-handler-login', async () => {
      await signInAsStaff(handler, 'handler@liuyang');
      // 我的 offers the report workspace to handlers.
      await handler.locator('.me-page__handler').click({ timeout: 20_000 });
    });

    await step(handler, 'journey2-handler-queue', async () => {
      const card = handler.locator('.handler-queue .report-card', {
        hasText: DESCRIPTION.slice(0, 20),
      });
      await card.first().waitFor({ timeout: 30_000 });
      expect(await card.first().innerText()).toContain('待受理');
      await settledScreenshot(handler, 'journey2-handler-queue');
      await card.first().click();
      await visible(handler, '.handler-report .handler-actions').waitFor({ timeout: 20_000 });
      // The reporter is shown masked.
      const reporter = await visible(handler, '.handler-report__reporter').innerText();
      expect(reporter).toContain(`${RIDER_PHONE.slice(0, 3)}****${RIDER_PHONE.slice(-4)}`);
      expect(reporter).not.toContain(RIDER_PHONE);
      expect(await handler.locator('.handler-report .report-photos__thumb').count()).toBe(2);
    });
    await settledScreenshot(handler, 'journey2-handler-report');

    await step(handler, 'journey2-handler-accept', async () => {
      await visible(handler, '.handler-actions__accept').click();
      expect(await confirmModal(handler)).toContain('受理这条报事？');
      await handler.waitForFunction(
        () =>
          document.querySelector(
            '.taro_page_show .handler-report .report-body__head .report-status',
          )?.textContent === '已受理',
        null,
        { timeout: 20_000 },
      );
    });

    await step(handler, 'journey2-handler-dispatch', async () => {
      await visible(handler, '.handler-actions__dispatch').click();
      const sheet = handler.locator('.action-sheet--dispatch').filter({ visible: true });
      await sheet.waitFor({ timeout: 10_000 });
      const department = sheet.locator('.sheet-form__option').first();
      await department.waitFor({ timeout: 15_000 });
      // The option shows the department's name first (its phone, if any, below it).
      const departmentName = (await department.innerText()).split('\n')[0]?.trim() ?? '';
      await department.click();
      await sheet.locator('textarea').fill('夜间车流大，请尽快扶正');
      await sheet.locator('.sheet-form__submit').click();
      expect(await confirmModal(handler)).toContain('确认派给');
      await handler.waitForFunction(
        () =>
          document.querySelector(
            '.taro_page_show .handler-report .report-body__head .report-status',
          )?.textContent === '处理中',
        null,
        { timeout: 20_000 },
      );
      expect(await visible(handler, '.report-body__department').innerText()).toContain(
        departmentName,
      );
    });
    await settledScreenshot(handler, 'journey2-handler-dispatched');

    await step(handler, 'journey2-handler-resolve', async () => {
      await visible(handler, '.handler-actions__resolve').click();
      const sheet = handler.locator('.action-sheet--resolve').filter({ visible: true });
      await sheet.waitFor({ timeout: 10_000 });
      await sheet.locator('textarea').fill('护栏已扶正加固，现场已清理');
      await addPhotos(handler, [await jpeg(handler, 'fixed')], true);
      await handler.waitForFunction(
        () =>
          document.querySelectorAll('.action-sheet--resolve .photo-grid__item--done').length === 1,
        null,
        { timeout: 30_000 },
      );
      await settledScreenshot(handler, 'journey2-handler-resolve');
      await sheet.locator('.sheet-form__submit').click();
      expect(await confirmModal(handler)).toContain('确认办结');
      await handler.waitForFunction(
        () =>
          document.querySelector(
            '.taro_page_show .handler-report .report-body__head .report-status',
          )?.textContent === '已办结',
        null,
        { timeout: 20_000 },
      );
      expect(await statusOn(handler, '.handler-report')).toBe('已办结');
    });
    await settledScreenshot(handler, 'journey2-handler-resolved');
  });

  it('shows the rider every step, the notification and the points', async () => {
    await step(rider, 'journey2-rider-timeline', async () => {
      await rider.goto(url('/packages/reports/pages/mine/index'), {
        waitUntil: 'domcontentloaded',
      });
      const card = visible(rider, '.report-card');
      await card.waitFor({ timeout: 20_000 });
      expect(await card.innerText()).toContain('已办结');
      await card.click();
      await visible(rider, '.report-detail .report-timeline').waitFor({ timeout: 20_000 });
      const steps = await visible(rider, '.report-detail .report-timeline')
        .locator('.report-timeline__action')
        .allInnerTexts();
      expect(steps).toEqual(['已办结', '已派单', '已受理', '提交上报']);
      const timeline = await visible(rider, '.report-detail .report-timeline').innerText();
      expect(timeline).toContain('护栏已扶正加固，现场已清理');
      expect(timeline).toContain('派往');
      // The repair photo is on the resolve step.
      expect(
        await visible(rider, '.report-detail .report-timeline')
          .locator('.report-timeline__photos .report-photos__thumb')
          .count(),
      ).toBe(1);
      // Resolving pays the points held on accept (docs/reports.md), in the same request.
      expect(await visible(rider, '.report-detail .report-body__points').innerText()).toContain(
        `+${REPORT_POINTS} 积分，已到账`,
      );
    });
    await settledScreenshot(rider, 'journey2-report-timeline');

    await step(rider, 'journey2-rider-notifications', async () => {
      await rider.goto(url('/packages/reports/pages/notifications/index'), {
        waitUntil: 'domcontentloaded',
      });
      await rider
        .locator('.notification', { hasText: `你上报的「${GUARDRAIL}」已办结` })
        .first()
        .waitFor({ timeout: 20_000 });
      const unread = rider.locator('.notifications-page .notification--unread');
      expect(await unread.count()).toBeGreaterThan(0);
      await visible(rider, '.notifications-page__read-all').click();
      await rider.waitForFunction(
        () => document.querySelectorAll('.taro_page_show .notification--unread').length === 0,
        null,
        { timeout: 15_000 },
      );
    });
    await settledScreenshot(rider, 'journey2-report-notifications');
  });

  it('adds the report points to the rider balance on 积分', async () => {
    await step(rider, 'journey2-points', async () => {
      const expected = {
        balance: String(REPORT_POINTS),
        entries: [`随手报事 +${REPORT_POINTS}`],
      };
      expect(await openPointsTab(rider, expected)).toEqual(expected);
      // Paid, not merely held: no 待确认 badge on the entry.
      expect(await visible(rider, '.transfer-row').getAttribute('class')).toContain(
        'transfer-row--posted',
      );
    });
    await settledScreenshot(rider, 'journey2-points');
  });
});
