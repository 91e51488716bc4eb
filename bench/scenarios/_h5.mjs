// The H5 client's first page as a phone's browser loads it: headless Chromium opens the 驿站 tab
// served by scripts/h5-server.mjs (the demo API behind it), agrees to the location consent as a
// rider does, waits for the nearest stations, and records every JS and CSS response with its
// size gzipped (zlib level 9; the server sends them uncompressed).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as apiProcess from './_api.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// 浏阳 city centre (WGS-84), where the demo stations are.
const RIDER = { latitude: 28.1573, longitude: 113.6379 };

/**
 * `{ beforeConsent, firstPage }`: the JS/CSS loaded until the consent sheet shows, and until
 * the station cards show after agreeing; each a list of `{ url, type, bytes, gzip }`.
 */
export async function measureH5FirstPage(ctx) {
  const h5Dir = join(ctx.repoRoot, 'apps', 'miniapp', 'dist-h5');
  const { startH5Server } = await import(
    pathToFileURL(join(ctx.repoRoot, 'scripts', 'h5-server.mjs')).href
  );
  const prepared = await apiProcess.prepareApi(ctx, 'h5');
  apiProcess.seedDemo(prepared);
  const api = await apiProcess.startApi(prepared);
  let web;
  let browser;
  try {
    web = await startH5Server({
      rootDir: h5Dir,
      apiOrigin: prepared.url,
      host: '127.0.0.1',
      port: await apiProcess.freePort(),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      geolocation: { ...RIDER, accuracy: 20 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const assets = [];
    const pending = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        response.body().then((body) => {
          assets.push({
            url: new URL(response.url()).pathname,
            type: type === 'script' ? 'js' : 'css',
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        }),
      );
    });
    await page.goto(`${web.url}/`, { waitUntil: 'load' });
    await page.locator('.consent-sheet').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const beforeConsent = [...assets];
    await page.getByText('同意', { exact: true }).click();
    await page.locator('.station-card__name').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return { beforeConsent, firstPage: [...assets] };
  } finally {
    await browser?.close();
    await web?.close();
    await api.stop();
    apiProcess.removeData(prepared);
  }
}
