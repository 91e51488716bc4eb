import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settledScreenshot, step } from '../support/browser';
import { call, download, newWorker, post, staffToken } from '../support/client';
import { consoleUrl, desktopContext, signInToConsole } from '../support/console';
import { decodeQr } from '../support/qr';

/**
 * The console's statistics against the real API: six riders check in at three Liuyang stations and
 * file two reports (one beside a station, one beyond a 5-minute ride), a handler resolves one;
 * the district admin then reads the same figures on 数据统计 and 覆盖分析 as the API answers,
 * and exports a table as CSV. Other suites share this system, so the page is compared with the
 * API's answer, and the activity made here is a lower bound.
 */

interface Station {
  id: string;
  name: string;
  lat: number;
  lng: number;
  distanceM?: number;
}
interface ReportStats {
  total: number;
  byCategory: Array<{ categoryName: string }>;
}
interface Coverage {
  reports: { total: number; farther: number };
}

const LIUYANG = { lat: 28.16, lng: 113.64 };
const metresNorth = (point: { lat: number; lng: number }, metres: number) => ({
  lat: point.lat + metres / 111_195,
  lng: point.lng,
});

async function nearestStations(at: { lat: number; lng: number }, limit: number) {
  const reply = await call<{ items: Station[] }>(
    'GET',
    `/stations?lat=${at.lat}&lng=${at.lng}&limit=${limit}`,
  );
  return reply.body.items;
}

async function consentingWorker() {
  const worker = await newWorker();
  for (const kind of ['location', 'photos']) {
    const consent = await post('/me/consents', { kind, version: '1' }, worker.token);
    if (consent.status !== 201) throw new Error(`consent answered ${consent.status}`);
  }
  return worker;
}

/** A point 1.5–19 km from the nearest station: inside the service area, beyond a short ride. */
async function pointBeyondReach(from: Station) {
  for (let metres = 2_000; metres <= 12_000; metres += 1_000) {
    const point = metresNorth(from, metres);
    const [nearest] = await nearestStations(point, 1);
    if (nearest && (nearest.distanceM ?? 0) > 1_500) return point;
  }
  throw new Error('no point beyond a 5-minute ride found north of the station');
}

async function fileReport(token: string, category: string, at: { lat: number; lng: number }) {
  const reply = await post<{ id: string }>(
    '/reports',
    {
      clientRequestId: crypto.randomUUID(),
      category,
      description: '路边护栏倾斜，存在安全隐患（统计测试）',
      ...at,
      mediaIds: [],
    },
    token,
  );
  if (reply.status !== 201) throw new Error(`report answered ${reply.status}: ${reply.text}`);
  return reply.body.id;
}

describe('district console: statistics and coverage against the real API', () => {
  let browser: Browser;
  let page: Page;
  let admin: string;

  beforeAll(async () => {
    admin = await staffToken('district_admin@liuyang');
    const stations = await nearestStations(LIUYANG, 3);
    expect(stations).toHaveLength(3);

    // Six riders, two at each station, checking in with the printed poster's code (one visit
    // each: a rider at two stations seconds apart would be flagged as impossible travel).
    const posters = await Promise.all(
      stations.map(async (station) =>
        decodeQr((await download(`/stations/${station.id}/poster`, admin)).bytes),
      ),
    );
    for (let rider = 0; rider < 6; rider += 1) {
      const worker = await consentingWorker();
      const index = rider % stations.length;
      const visit = await post(
        '/checkins',
        { code: posters[index], ...metresNorth(stations[index], 20), accuracy: 15 },
        worker.token,
      );
      expect(visit.status).toBe(201);
    }

    // Two reports: beside the first station and beyond a 5-minute ride; the first is resolved.
    const reporter = await consentingWorker();
    const categories = await call<Array<{ code: string }>>(
      'GET',
      `/report-categories?lat=${stations[0].lat}&lng=${stations[0].lng}`,
      { token: reporter.token },
    );
    const category = categories.body[0].code;
    const near = await fileReport(reporter.token, category, metresNorth(stations[0], 100));
    await fileReport(reporter.token, category, await pointBeyondReach(stations[0]));

    const handler = await staffToken('handler@liuyang');
    const departments = await call<Array<{ id: string }>>('GET', '/departments', {
      token: handler,
    });
    expect((await post(`/reports/${near}/accept`, {}, handler)).status).toBe(200);
    expect(
      (await post(`/reports/${near}/dispatch`, { departmentId: departments.body[0].id }, handler))
        .status,
    ).toBe(200);
    expect(
      (await post(`/reports/${near}/resolve`, { note: '护栏已扶正加固' }, handler)).status,
    ).toBe(200);

    browser = await launchBrowser();
    page = await (await desktopContext(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the admin in and lands on 数据统计 with the API’s figures', async () => {
    const reports = await call<ReportStats>('GET', '/admin/stats/reports', { token: admin });
    expect(reports.status).toBe(200);
    expect(reports.body.total).toBeGreaterThanOrEqual(2);

    await step(page, 'console-dashboard', async () => {
      await signInToConsole(page, 'district_admin@liuyang');
      await page.getByRole('heading', { name: '数据统计' }).waitFor({ timeout: 20_000 });
      const reportsCard = page.locator('.ant-card').filter({ hasText: '报事数' }).first();
      await reportsCard.locator('.ant-statistic').first().waitFor({ timeout: 20_000 });
      expect(await reportsCard.locator('.ant-statistic-content').first().innerText()).toBe(
        reports.body.total.toLocaleString('zh-CN'),
      );
      const visitsCard = page.locator('.ant-card').filter({ hasText: '到访人次' }).first();
      const visits = Number(
        (await visitsCard.locator('.ant-statistic-content').first().innerText()).replace(/,/g, ''),
      );
      expect(visits).toBeGreaterThanOrEqual(6);
      await page.getByText(reports.body.byCategory[0].categoryName).first().waitFor();
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/NOT_FOUND|FORBIDDEN|VALIDATION_FAILED|加载失败/);
    });
    await settledScreenshot(page, 'console-dashboard');
  });

  it('exports the reports-by-category table as a CSV Excel opens in Chinese', async () => {
    await step(page, 'console-export', async () => {
      const section = page.locator('.ant-card').filter({ hasText: '报事按类别与状态' }).first();
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 20_000 }),
        section.getByRole('button', { name: /导出 CSV/ }).click(),
      ]);
      const text = readFileSync((await file.path())!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const rows = text.slice(1).trim().split(/\r?\n/);
      expect(rows.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('shows on 覆盖分析 the share of reports beyond a 5-minute ride that the API computed', async () => {
    const coverage = await call<Coverage>('GET', '/admin/coverage', { token: admin });
    expect(coverage.status).toBe(200);
    expect(coverage.body.reports.farther).toBeGreaterThanOrEqual(1);

    await step(page, 'console-coverage', async () => {
      await page.goto(consoleUrl('coverage'), { waitUntil: 'domcontentloaded' });
      await page.getByRole('heading', { name: '覆盖分析' }).waitFor({ timeout: 20_000 });
      const counts = `（${coverage.body.reports.farther.toLocaleString('zh-CN')} / ${coverage.body.reports.total.toLocaleString('zh-CN')}）`;
      await page.getByText(counts).first().waitFor({ timeout: 20_000 });
      expect(await page.locator('.leaflet-interactive').count()).toBeGreaterThan(0);
    });
    await settledScreenshot(page, 'console-coverage');
  });
});
