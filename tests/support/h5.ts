import type { Page } from 'playwright-core';
import { lastSmsCode } from './client';
import { system } from './system';

/** A page of the H5 client (hash routing). */
export const h5Url = (path: string) => `${system().webOrigin}/#${path}`;

/** The password of every demo staff account (`DEMO_PASSWORD`'s default). */
const DEMO_PASSWORD = 'yizhan-demo';

/**
 * The newest shown copy of an element: Taro's H5 router keeps earlier pages in the DOM, and
 * during a page transition two pages are on screen at once.
 */
export const visible = (page: Page, selector: string) =>
  page.locator(selector).filter({ visible: true }).last();

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
  await page.locator('.login-page').waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Signs a demo staff account (`<role>@<district>`) in with the staff form of the login page,
 * until 我的 shows its profile (with the workspace entries its roles open).
 */
export async function signInAsStaff(page: Page, username: string): Promise<void> {
  await page.goto(h5Url('/packages/account/pages/login/index'), { waitUntil: 'domcontentloaded' });
  await page.locator('.login-page__staff-entry').click({ timeout: 30_000 });
  await page.locator('input[placeholder="请输入用户名"]').fill(username);
  await page.locator('input[placeholder="请输入密码"]').fill(DEMO_PASSWORD);
  await page.locator('.login-staff__submit').click();
  await page.locator('.profile-card').waitFor({ timeout: 20_000 });
  await page.locator('.login-page').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The access token the H5 client keeps (Taro storage wraps values as `{ data }`). */
export async function storedAccessToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('yizhan.session'));
  if (!raw) throw new Error('the client stored no session');
  const stored = JSON.parse(raw) as { data?: { accessToken?: string }; accessToken?: string };
  const token = stored.data?.accessToken ?? stored.accessToken;
  if (!token) throw new Error(`no access token in ${raw}`);
  return token;
}

/** Answers a consent sheet (location or photos) with 同意. */
export async function agreeTo(page: Page, kind: 'location' | 'photos'): Promise<void> {
  const sheet = page.locator(`.consent-sheet--${kind}`).filter({ visible: true });
  await sheet.waitFor({ timeout: 15_000 });
  await sheet.getByText('同意', { exact: true }).click();
  await sheet.waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Taro's H5 modal (Taro.showModal): reads its text, lets `beforeConfirm` look at it (a
 * screenshot), then taps its confirm button and waits until it has gone.
 */
export async function confirmModal(
  page: Page,
  beforeConfirm?: () => Promise<unknown>,
): Promise<string> {
  const modal = page.locator('.taro-modal__content');
  await modal.waitFor({ timeout: 10_000 });
  const text = await modal.innerText();
  if (beforeConfirm) await beforeConfirm();
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden', timeout: 10_000 });
  return text;
}

/** What the 积分 tab shows: the balance and the history, newest first, as "<kind> <amount>". */
export interface PointsTab {
  balance: string | null;
  entries: string[];
}

/**
 * Runs in the page: what the shown 积分 tab holds; with `want`, that only once it equals `want`
 * (null until then), for waitForFunction. Self-contained: Playwright ships it as text.
 */
function pointsTabIn(want: PointsTab | null): PointsTab | null {
  const shown = Array.from(document.querySelectorAll<HTMLElement>('.points-page')).filter(
    (element) => element.getClientRects().length > 0,
  );
  const tab = shown[shown.length - 1];
  const got: PointsTab = {
    balance: tab?.querySelector('.balance-card__amount')?.textContent ?? null,
    entries: Array.from(tab?.querySelectorAll('.transfer-row') ?? []).map((row) =>
      [
        row.querySelector('.transfer-row__kind')?.textContent,
        row.querySelector('.transfer-row__amount')?.textContent,
      ].join(' '),
    ),
  };
  if (want === null) return got;
  return JSON.stringify(got) === JSON.stringify(want) ? got : null;
}

/**
 * Opens 积分 by URL (a tap on the tab bar right after a result page races Taro's H5 router)
 * and returns what it shows once it shows `expected`, or after 30 s what it shows then, for the
 * caller's assertion to report. Balance and history load separately, and a tab shown again
 * reloads both: waiting for both, not for the balance alone, keeps a stale history from being
 * read.
 */
export async function openPointsTab(page: Page, expected: PointsTab): Promise<PointsTab | null> {
  await page.goto(h5Url('/pages/points/index'), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(pointsTabIn, expected, { timeout: 30_000 }).catch(() => undefined);
  return page.evaluate(pointsTabIn, null);
}
