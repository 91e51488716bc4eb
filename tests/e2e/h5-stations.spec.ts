import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, step } from '../support/browser';
import { api, system } from '../support/system';

/** A rider near 才常广场 opens the H5 client and sees the nearest demo stations first. */

const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone's GPS reports it

interface StationItem {
  id: string;
  name: string;
  distanceM: number;
}

describe('H5 client: 驿站 tab', () => {
  let browser: Browser;
  let page: Page;
  let nearest: StationItem[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await phoneContext(browser, RIDER_IN_LIUYANG)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the stations around the rider and lists them nearest first', async () => {
    const stationsRequest = page.waitForRequest(
      (request) => /\/api\/v1\/stations\?.*lat=/.test(request.url()),
      { timeout: 30_000 },
    );
    await step(page, 'open-stations-tab', async () => {
      await page.goto(`${system().webOrigin}/`, { waitUntil: 'domcontentloaded' });
      // Location is asked for only after the rider agrees in the consent sheet (PIPL).
      await page.locator('.consent-sheet').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500); // let the sheet finish sliding in for the screenshot
      await screenshot(page, 'h5-consent-sheet');
      await page.getByText('同意', { exact: true }).click();
    });
    const sent = new URL((await stationsRequest).url());
    const lat = Number(sent.searchParams.get('lat'));
    const lng = Number(sent.searchParams.get('lng'));
    // The browser reports WGS-84; the app must send GCJ-02, which in China lies a few hundred metres off.
    expect(Math.abs(lat - RIDER_IN_LIUYANG.latitude)).toBeGreaterThan(0.001);
    expect(Math.abs(lat - RIDER_IN_LIUYANG.latitude)).toBeLessThan(0.01);
    expect(Math.abs(lng - RIDER_IN_LIUYANG.longitude)).toBeLessThan(0.01);

    nearest = (
      (await (await fetch(api(`/stations?lat=${lat}&lng=${lng}&limit=4`))).json()) as {
        items: StationItem[];
      }
    ).items;
    expect(nearest.length).toBe(4);

    await step(page, 'nearest-first', async () => {
      const names = page.locator('.station-card__name');
      await names.first().waitFor({ timeout: 30_000 });
      const shown = (await names.allInnerTexts()).slice(0, nearest.length);
      expect(shown).toEqual(nearest.map((item) => item.name));
      const reach = await page.locator('.station-card__reach').first().innerText();
      expect(reach).toMatch(/^\d+(\.\d+)?\s*(米|公里)/);
      expect(await page.locator('body').innerText()).not.toContain('阳小驿');
    });
    await screenshot(page, 'h5-stations-list');
  });

  it('narrows the list to stations with a battery-swap cabinet', async () => {
    const chip = page.locator('.filter-bar__chip', { hasText: '换电柜' });
    const toggle = async (expectFilter: boolean) => {
      const answered = page.waitForResponse(
        (response) =>
          /\/api\/v1\/stations\?/.test(response.url()) &&
          response.url().includes('battery_swap') === expectFilter,
      );
      await chip.click();
      return answered;
    };
    try {
      await step(page, 'filter-battery-swap', async () => {
        const response = await toggle(true);
        const filtered = (await response.json()) as { items: StationItem[] };
        expect(filtered.items.length).toBeGreaterThan(0);
        await page
          .locator('.station-card__name', { hasText: filtered.items[0].name })
          .first()
          .waitFor();
        const shown = await page.locator('.station-card__name').allInnerTexts();
        expect(shown).toEqual(filtered.items.map((item) => item.name));
      });
      await screenshot(page, 'h5-stations-battery-swap');
    } finally {
      await toggle(false);
    }
  });

  it('opens a station detail page from the list', async () => {
    const detail = (await (await fetch(api(`/stations/${nearest[0].id}`))).json()) as {
      address: string;
    };

    await step(page, 'open-station-detail', async () => {
      await page.locator('.station-card__name', { hasText: nearest[0].name }).first().click();
      await page
        .locator('.station-detail__address', { hasText: detail.address })
        .waitFor({ timeout: 20_000 });
      await page.locator('.station-detail__navigate').waitFor({ timeout: 5_000 });
      await page.locator('.station-detail__today').waitFor({ timeout: 5_000 });
      // The H5 router slides pages in; the list is hidden once the transition has finished.
      await page.locator('.stations-page__title').waitFor({ state: 'hidden', timeout: 5_000 });
    });
    await screenshot(page, 'h5-station-detail');
  });
});

describe('H5 client: no location', () => {
  it('falls back to the list by name when the rider denies location', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        permissions: [],
      });
      const page = await context.newPage();
      await step(page, 'location-denied', async () => {
        await page.goto(`${system().webOrigin}/`, { waitUntil: 'domcontentloaded' });
        await page.getByText('同意', { exact: true }).click({ timeout: 30_000 });
        await page.locator('.location-notice').waitFor({ timeout: 30_000 });
        await page.locator('.station-card__name').first().waitFor();
        const byName = (
          (await (await fetch(api('/stations?limit=3'))).json()) as { items: StationItem[] }
        ).items;
        const shown = (await page.locator('.station-card__name').allInnerTexts()).slice(0, 3);
        expect(shown).toEqual(byName.map((item) => item.name));
      });
      await screenshot(page, 'h5-stations-no-location');
    } finally {
      await browser.close();
    }
  });
});

describe('H5 client: refusing location in the consent sheet', () => {
  it('never asks the browser for a position and lists stations by name', async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await phoneContext(browser, RIDER_IN_LIUYANG)).newPage();
      const asked: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/v1\/stations\?.*lat=/.test(request.url())) asked.push(request.url());
      });
      await step(page, 'consent-refused', async () => {
        await page.goto(`${system().webOrigin}/`, { waitUntil: 'domcontentloaded' });
        await page.getByText('拒绝', { exact: true }).click({ timeout: 30_000 });
        await page.locator('.location-notice').waitFor({ timeout: 30_000 });
        await page.locator('.station-card__name').first().waitFor();
      });
      expect(asked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
