import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ownClientAddress } from './browser';
import { system } from './system';

/** A page of the district console (browser routing under /console/). */
export const consoleUrl = (path = '') => `${system().webOrigin}/console/${path}`;

/** A desk-sized browser as district staff use, in Beijing time and Chinese. */
export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    extraHTTPHeaders: ownClientAddress(),
  });
}

/** Signs a demo staff account in on the console's login page, until the menu shows. */
export async function signInToConsole(page: Page, username: string): Promise<void> {
  await page.goto(consoleUrl(), { waitUntil: 'domcontentloaded' });
  await page.getByLabel('用户名').fill(username, { timeout: 30_000 });
  await page.getByLabel('密码').fill('yizhan-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('.ant-layout-sider .ant-menu').waitFor({ timeout: 20_000 });
}
