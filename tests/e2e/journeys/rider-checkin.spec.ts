import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, settledScreenshot, step } from '../../support/browser';
import { download, staffToken } from '../../support/client';
import { agreeTo, h5Url as url, openPointsTab, signInBySms, visible } from '../../support/h5';
import { decodeQr } from '../../support/qr';
import { api } from '../../support/system';

/**
 * Journey 1 (issue 7): a new rider signs in by SMS, finds on the 驿站 tab the nearest open
 * station with a battery-swap cabinet (the 换电柜 filter), opens it, rides there and checks in on
 * 扫码 with the code of the station's printed poster, sees 签到成功 with +5 积分, and finds the
 * 5 points on the 积分 tab. The browser supplies the position (WGS-84, as a phone's GPS does);
 * the poster is the one the API prints, read back by a QR decoder, as a phone camera would.
 */

/** The demo seed's only Liuyang station with a battery-swap cabinet (demo-stations.ts). */
const STATION = '淮川街道朝阳社区“奔跑者”红色驿站';
/** Where the rider starts: 才常广场, about 1.5 km south-west of it (WGS-84). */
const RIDER_AT_CAICHANG_SQUARE = { latitude: 28.1585, longitude: 113.6368 };
/**
 * At the station's door: its seeded GCJ-02 position (28.16652, 113.64718) converted to the
 * WGS-84 a phone reports (gcoord: 28.17001, 113.64172), moved about 10 m.
 */
const RIDER_AT_STATION = { latitude: 28.1701, longitude: 113.6418 };
/** The demo earning rule for a check-in in Liuyang (demo-rewards.ts). */
const CHECKIN_POINTS = 5;
const RIDER_PHONE = `133${String(Date.now() % 1e8).padStart(8, '0')}`;

interface StationItem {
  id: string;
  name: string;
  status: string;
  openNow: boolean;
  amenities: string[];
  distanceM: number;
}

/** The printed poster's check-in code, downloaded as the district admin and decoded. */
async function posterCode(stationId: string): Promise<string> {
  const admin = await staffToken('district_admin@liuyang');
  const poster = await download(`/stations/${stationId}/poster`, admin);
  expect(poster.status).toBe(200);
  expect(poster.headers.get('content-type')).toBe('image/png');
  return decodeQr(poster.bytes);
}

describe('Journey 1: a new rider finds a battery-swap station and checks in there', () => {
  let browser: Browser;
  let context: BrowserContext;
  let rider: Page;
  let station: StationItem;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await phoneContext(browser, RIDER_AT_CAICHANG_SQUARE);
    rider = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the new rider in by SMS', async () => {
    await step(rider, 'journey1-login', async () => {
      await signInBySms(rider, RIDER_PHONE);
      expect(await visible(rider, '.profile-card').innerText()).toContain(RIDER_PHONE);
    });
  });

  it('finds the nearest open station with a battery-swap cabinet on 驿站', async () => {
    await step(rider, 'journey1-stations', async () => {
      const located = rider.waitForRequest((request) =>
        /\/api\/v1\/stations\?.*lat=/.test(request.url()),
      );
      await rider.goto(url('/pages/stations/index'), { waitUntil: 'domcontentloaded' });
      // The position is asked for only once the rider agrees (PIPL).
      await agreeTo(rider, 'location');
      await located;
      await visible(rider, '.station-card__name').waitFor({ timeout: 30_000 });
    });

    await step(rider, 'journey1-battery-swap-filter', async () => {
      const filtered = rider.waitForResponse(
        (response) =>
          /\/api\/v1\/stations\?/.test(response.url()) && response.url().includes('battery_swap'),
      );
      await visible(rider, '.filter-bar__chip--battery_swap').click();
      const answer = await filtered;
      const sent = new URL(answer.url());
      const items = ((await answer.json()) as { items: StationItem[] }).items;
      expect(items.length).toBeGreaterThan(0);
      station = items[0];
      // The nearest one with a cabinet is the seeded one, and it is in service.
      expect(station.name).toBe(STATION);
      expect(station.status).toBe('open');
      expect(station.amenities).toContain('battery_swap');
      // The API answers what it was asked (the client sends GCJ-02, nearest first).
      const again = (await (await fetch(api(`/stations${sent.search}`))).json()) as {
        items: StationItem[];
      };
      expect(again.items.map((item) => item.name)).toEqual(items.map((item) => item.name));

      // The list shows exactly that answer, in that order, once re-rendered.
      await visible(rider, '.filter-bar__chip--battery_swap--on').waitFor();
      await rider.waitForFunction(
        (names) => {
          const shown = Array.from(
            document.querySelectorAll('.taro_page_show .station-card__name'),
          );
          return shown.map((node) => node.textContent).join('|') === names.join('|');
        },
        items.map((item) => item.name),
        { timeout: 15_000 },
      );
      const card = visible(rider, '.station-card').first();
      // Its badge: 营业中 or 已休息 by its opening hours (10:00–02:00), never 暂停开放.
      expect(await card.locator('.status-badge').innerText()).toBe(
        station.openNow ? '营业中' : '已休息',
      );
      expect(await card.locator('.station-card__reach').innerText()).toMatch(
        /^\d+(\.\d+)?\s*(米|公里)/,
      );
    });
    await settledScreenshot(rider, 'journey1-battery-swap-stations');
  });

  it('opens the station and sees its battery-swap cabinet and address', async () => {
    const detail = (await (await fetch(api(`/stations/${station.id}`))).json()) as {
      address: string;
    };
    await step(rider, 'journey1-station-detail', async () => {
      await visible(rider, '.station-card__name').filter({ hasText: STATION }).first().click();
      await visible(rider, '.station-detail__address')
        .filter({ hasText: detail.address })
        .waitFor({ timeout: 20_000 });
      expect(await visible(rider, '.station-detail__name').innerText()).toBe(STATION);
      expect(await visible(rider, '.station-detail__status').innerText()).toContain('正常开放');
      expect(await visible(rider, '.station-detail').innerText()).toContain('换电柜');
      // The list has slid away once the detail page is fully in.
      await rider.locator('.stations-page__title').waitFor({ state: 'hidden', timeout: 10_000 });
    });
    await settledScreenshot(rider, 'journey1-station-detail');
  });

  it('checks in at the station with its poster code and earns 5 points', async () => {
    const code = await posterCode(station.id);
    expect(code).toMatch(/^YZ1\.P\./);
    // The rider rides there: the phone now reports the station's door.
    await context.setGeolocation({ ...RIDER_AT_STATION, accuracy: 20 });

    await step(rider, 'journey1-checkin', async () => {
      // 扫码签到 on the station page leads to the 扫码 tab (H5: type the code).
      await visible(rider, '.station-detail__checkin').click();
      const input = visible(rider, 'input[placeholder="输入签到码"]');
      await input.fill(code, { timeout: 30_000 });
      const answered = rider.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/checkins') && response.request().method() === 'POST',
      );
      await visible(rider, '.scan-page__submit').click();
      expect((await answered).status()).toBe(201);

      const result = visible(rider, '.checkin-result--success');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.locator('.checkin-result__title').innerText()).toBe('签到成功');
      expect(await result.locator('.checkin-result__station').innerText()).toBe(STATION);
      expect(await result.locator('.checkin-result__points-value').innerText()).toBe(
        `+${CHECKIN_POINTS} 积分`,
      );
      expect(await result.locator('.checkin-result__balance').innerText()).toBe(
        `当前可用积分 ${CHECKIN_POINTS}`,
      );
      const details = await result.locator('.checkin-result__details').innerText();
      expect(details).toContain('驿站海报码');
      expect(details).toContain('换电柜');
      // Within the 150 m geofence: the distance is shown in metres.
      expect(details).toMatch(/距离驿站\s*\d+ 米/);
    });
    await settledScreenshot(rider, 'journey1-checkin-success');
  });

  it('finds the 5 points on the 积分 tab', async () => {
    await step(rider, 'journey1-points', async () => {
      const expected = {
        balance: String(CHECKIN_POINTS),
        entries: [`驿站签到 +${CHECKIN_POINTS}`],
      };
      expect(await openPointsTab(rider, expected)).toEqual(expected);
    });
    await settledScreenshot(rider, 'journey1-points');
  });
});
