import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, step } from '../support/browser';
import { api, system } from '../support/system';

/** A rider near 才常广场 opens the H5 client and sees the nearest demo stations first. */

const RIDER_IN_LIUYANG = { latitude: 28.1585, longitude: 113.6368 }; // WGS-84, as a phone's GPS reports it

interface StationItem {
  id: string;
  name: string;
}

describe('H5 client: 驿站 tab', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await phoneContext(browser, RIDER_IN_LIUYANG)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo stations nearest first, with distance and amenities', async () => {
    const nearest = (await (await fetch(api('/stations?lat=28.16&lng=113.64&limit=3'))).json()) as {
      items: StationItem[];
    };

    await step(page, 'open-stations-tab', async () => {
      await page.goto(`${system().webOrigin}/`, { waitUntil: 'domcontentloaded' });
      await page
        .getByText(nearest.items[0].name, { exact: false })
        .first()
        .waitFor({ timeout: 30_000 });
    });

    await step(page, 'nearest-first', async () => {
      const body = await page.locator('body').innerText();
      const positions = nearest.items.map((item) => body.indexOf(item.name));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(body).toMatch(/\d+(\.\d+)?\s*(米|公里)/);
      expect(body).not.toMatch(/Hanyang|汉阳区芳草/);
    });
    await screenshot(page, 'h5-stations-list');
  });

  it('opens a station detail page from the list', async () => {
    const first = (await (await fetch(api('/stations?lat=28.16&lng=113.64&limit=1'))).json()) as {
      items: StationItem[];
    };
    const detail = (await (await fetch(api(`/stations/${first.items[0].id}`))).json()) as {
      address: string;
    };

    await step(page, 'open-station-detail', async () => {
      await page.getByText(first.items[0].name, { exact: false }).first().click();
      await page.getByText(detail.address, { exact: false }).first().waitFor({ timeout: 20_000 });
      await page.getByText('导航', { exact: false }).first().waitFor({ timeout: 5_000 });
      // The H5 router slides pages in; the list is hidden once the transition has finished.
      await page.getByText('附近驿站').first().waitFor({ state: 'hidden', timeout: 5_000 });
    });
    await screenshot(page, 'h5-station-detail');
  });
});
