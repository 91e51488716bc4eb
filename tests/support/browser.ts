import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. launch() gives every run a fresh, throwaway profile. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = join(__dirname, '..', 'test-results');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let contextSequence = 0;

/**
 * Headers that give a browser context a client address of its own, as every rider's phone has.
 * All test browsers reach the API through the same loopback proxy, so without them they would
 * share one address and its per-address limits (five SMS codes a minute): a suite signing in
 * more riders than that in a minute failed with no code in the outbox.
 */
export function ownClientAddress(): Record<string, string> {
  contextSequence += 1;
  return { 'x-forwarded-for': `198.18.${process.pid % 256}.${(contextSequence % 250) + 1}` };
}

/** A phone-sized page whose browser reports the given WGS-84 position. */
export async function phoneContext(
  browser: Browser,
  position: { latitude: number; longitude: number },
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { ...position, accuracy: 20 },
    permissions: ['geolocation'],
    extraHTTPHeaders: ownClientAddress(),
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * A screenshot once the page has stopped moving: Taro's H5 router slides pages in and NutUI
 * fades sheets and modals in (CSS transitions), so one taken at once catches them half-way.
 * Waits for the document's finite animations to finish rather than for a fixed time; endless
 * ones (loading spinners) are ignored. The picture is evidence, not an assertion: a page that
 * keeps moving is shot as it is after 10 s.
 */
export async function settledScreenshot(page: Page, name: string): Promise<string> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getComputedTiming().iterations === Infinity,
          ),
      null,
      { timeout: 10_000, polling: 'raf' },
    )
    .catch(() => undefined);
  return screenshot(page, name);
}

/** Runs one step; if it throws, leaves a screenshot named after it before rethrowing. */
export async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  }
}
