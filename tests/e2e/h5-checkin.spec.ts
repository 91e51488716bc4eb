import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, step } from '../support/browser';
import { call, download, staffToken } from '../support/client';
import { decodeQr } from '../support/qr';
import { h5Url as url, signInBySms, visible } from '../support/h5';

/**
 * A rider checks in on H5 as people do at a station: signs in by SMS, opens 扫码, types the code
 * the station's screen shows (H5 has no camera scanning), agrees to location use, and sees the
 * points and the station's amenities; the same screen code again is refused in Chinese, and the
 * printed poster's code from 5 km away is refused as too far, saying how far.
 */

const FAR_FROM_EVERY_STATION = { latitude: 28.2, longitude: 113.68 }; // WGS-84, a phone's fix
const RIDER_PHONE = `136${String(Date.now() % 1e8).padStart(8, '0')}`;

interface StationCodes {
  live: string;
  poster: string;
}

/** What the station's screen and poster carry, fetched as its manager (the screen does this). */
async function stationCodes(): Promise<StationCodes> {
  const manager = await staffToken('station_manager@liuyang');
  const me = await call<{ roles: Array<{ role: string; stationId?: string | null }> }>(
    'GET',
    '/me',
    { token: manager },
  );
  const stationId = me.body.roles.find((role) => role.role === 'station_manager')?.stationId;
  const live = await call<{ code: string }>('GET', `/stations/${stationId}/live-code`, {
    token: manager,
  });
  if (live.status !== 200) throw new Error(`live code answered ${live.status}: ${live.text}`);
  const poster = await download(`/stations/${stationId}/poster`, manager);
  return { live: live.body.code, poster: decodeQr(poster.bytes) };
}

/**
 * Leaves the result page and waits until Taro's H5 router has removed it, then reloads the 扫码
 * tab so the next scan starts clean. Known issue (left open, see the issue note): on the H5
 * build, a code sent right after coming back from a result page sometimes ends with the scan
 * page shaded and no page shown; the reload keeps this test on what it checks, the refusals.
 */
async function backToScan(page: Page, button: string): Promise<void> {
  await visible(page, button).click();
  await page.waitForFunction(() => !document.querySelector('.checkin-result'), null, {
    timeout: 15_000,
  });
  await page.reload();
  await visible(page, 'input[placeholder="输入签到码"]').waitFor({ timeout: 30_000 });
}

/** Types the code on the 扫码 tab (H5 has no camera scanning) and sends it. */
async function submitCode(page: Page, code: string): Promise<void> {
  await visible(page, 'input[placeholder="输入签到码"]').fill(code, { timeout: 30_000 });
  await visible(page, '.scan-page__submit').click();
}

describe('H5 client: check in at a station', () => {
  let browser: Browser;
  let context: BrowserContext;
  let rider: Page;
  let codes: StationCodes;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await phoneContext(browser, FAR_FROM_EVERY_STATION);
    rider = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the rider in by SMS', async () => {
    await step(rider, 'checkin-login', () => signInBySms(rider, RIDER_PHONE));
  });

  it('checks in with the code on the station screen after agreeing to location use', async () => {
    codes = await stationCodes();
    await step(rider, 'checkin-live', async () => {
      await rider.goto(url('/pages/scan/index'), { waitUntil: 'domcontentloaded' });
      await submitCode(rider, codes.live);
      const consent = rider.locator('.consent-sheet');
      await consent.waitFor({ timeout: 15_000 });
      await consent.getByText('同意', { exact: true }).click();
      const result = visible(rider, '.checkin-result--success');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.innerText()).toContain('签到成功');
      expect(await result.locator('.checkin-result__points-value').innerText()).toBe('+5 积分');
      expect(await result.locator('.amenity-tags__tag').count()).toBeGreaterThan(0);
    });
    await screenshot(rider, 'h5-checkin-success');
  });

  it('refuses the same screen code twice, and the poster from 5 km away, in Chinese', async () => {
    await step(rider, 'checkin-replayed', async () => {
      await backToScan(rider, '.checkin-result__done');
      await submitCode(rider, codes.live);
      const refused = visible(rider, '.checkin-result--code-invalid');
      await refused.waitFor({ timeout: 30_000 });
      expect(await refused.locator('.checkin-result__message').innerText()).toContain(
        '你已经用这个动态码签到过了',
      );
    });
    await step(rider, 'checkin-too-far', async () => {
      await backToScan(rider, '.checkin-result__action'); // 重新扫码
      await submitCode(rider, codes.poster);
      const tooFar = visible(rider, '.checkin-result--too-far');
      await tooFar.waitFor({ timeout: 30_000 });
      expect(await tooFar.locator('.checkin-result__message').innerText()).toMatch(
        /你距离驿站约 [\d.,]+ (公里|米)，需要在 \d+ 米以内才能签到/,
      );
    });
    await screenshot(rider, 'h5-checkin-too-far');
  });
});
