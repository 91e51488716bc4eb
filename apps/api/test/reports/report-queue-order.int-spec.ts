import { randomUUID } from 'node:crypto';
import { Page, ReportStatus, ReportSummary } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { ReportEntity } from '../../src/modules/reports/report.entity';
import { createRegion } from '../support/factories';
import { api, ApiResponse } from '../support/http';
import { createReportingDistrict, ReportingDistrict } from '../support/reports';
import { useTestApp } from '../support/test-app';

const HOUR = 3600 * 1000;

/**
 * The queue reads each (region, status) pair on its own — or, for a scope of many regions, each
 * status — and merges them: the pages must keep the one order (overdue first, then oldest
 * first, ties by id) across regions, statuses and cursors, and each status must land on the
 * right side of its due time.
 */
describe('Report queue order across regions and statuses', () => {
  const ctx = useTestApp();
  const now = new Date('2026-05-04T12:00:00Z');

  beforeAll(() => ctx.setNow(now));

  async function insertReport(
    home: ReportingDistrict,
    regionId: string,
    status: ReportStatus,
    createdAt: Date,
    dueAt: Date,
  ): Promise<ReportEntity> {
    const report = Object.assign(new ReportEntity(), {
      id: randomUUID(),
      clientRequestId: randomUUID(),
      reporterId: home.worker.id,
      regionId,
      categoryId: home.roads.id,
      categoryCode: home.roads.code,
      description: 'queue order',
      lat: home.origin.lat,
      lng: home.origin.lng,
      address: null,
      status,
      departmentId: null,
      duplicateOfId: null,
      meTooCount: 0,
      photoReused: false,
      dueAt,
      createdAt,
      updatedAt: createdAt,
      resolvedAt: null,
      pointsAmount: null,
      pointsStatus: null,
      pointsSettled: true,
    } satisfies ReportEntity);
    await ctx.app.get(DataSource).getRepository(ReportEntity).insert(report);
    return report;
  }

  async function pages(
    home: ReportingDistrict,
    query: string,
    limit: number,
  ): Promise<ReportSummary[][]> {
    const found: ReportSummary[][] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/reports?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const response: ApiResponse<Page<ReportSummary>> = await api<Page<ReportSummary>>(ctx.app, {
        path,
        token: home.tokens.handler,
      });
      expect(response.status).toBe(200);
      found.push(response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor && found.length < 50);
    return found;
  }

  async function expectOneOrder(home: ReportingDistrict, regions: string[]): Promise<void> {
    const statuses: ReportStatus[] = ['submitted', 'accepted', 'dispatched'];
    const expected: Array<{ report: ReportEntity; overdue: boolean }> = [];
    // Interleaved over regions and statuses, some at the same second (ties go by id).
    for (let n = 0; n < 18; n++) {
      const createdAt = new Date(now.getTime() - (40 - Math.floor(n / 2)) * HOUR);
      // Not yet due: every third, all `submitted`, several per pair, and falling due in the
      // reverse of their filing order (the not-yet-due side is read by due_at, then sorted).
      const overdue = n % 3 !== 0;
      const dueAt = new Date(now.getTime() + (overdue ? -1 : 20 - n) * HOUR);
      const report = await insertReport(
        home,
        regions[n % regions.length],
        statuses[n % 3],
        createdAt,
        dueAt,
      );
      expected.push({ report, overdue });
    }
    // Closed statuses are never overdue, even past their due time, and only listed when asked.
    const rejected = await insertReport(
      home,
      home.street.id,
      'rejected',
      new Date(now.getTime() - 50 * HOUR),
      new Date(now.getTime() - 45 * HOUR),
    );
    const byQueueOrder = (
      a: { report: ReportEntity; overdue: boolean },
      b: { report: ReportEntity; overdue: boolean },
    ) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.report.createdAt.getTime() - b.report.createdAt.getTime() ||
      (a.report.id < b.report.id ? -1 : 1);
    const order = [...expected].sort(byQueueOrder).map((row) => row.report.id);

    const paged = await pages(home, '', 4);
    expect(paged.map((page) => page.length)).toEqual([4, 4, 4, 4, 2]);
    expect(paged.flat().map((item) => item.id)).toEqual(order);
    expect(paged.flat().map((item) => item.overdue)).toEqual(
      [...expected].sort(byQueueOrder).map((row) => row.overdue),
    );

    const notOverdue = (await pages(home, '&overdue=false', 1)).flat();
    expect(notOverdue.map((item) => item.id)).toEqual(
      [...expected]
        .filter((row) => !row.overdue)
        .sort(byQueueOrder)
        .map((row) => row.report.id),
    );

    // The street's subtree: every region used here but the district.
    const ofStreet = (await pages(home, `&regionId=${home.street.id}&status=accepted`, 2)).flat();
    expect(ofStreet.map((item) => item.id)).toEqual(
      [...expected]
        .filter(
          (row) => row.report.regionId !== home.district.id && row.report.status === 'accepted',
        )
        .sort(byQueueOrder)
        .map((row) => row.report.id),
    );

    const closed = (await pages(home, '&status=rejected', 5)).flat();
    expect(closed.map((item) => [item.id, item.overdue])).toEqual([[rejected.id, false]]);
    expect((await pages(home, '&status=rejected&overdue=true', 5)).flat()).toEqual([]);
  }

  it('merges a few regions and statuses into one order, page after page', async () => {
    const home = await createReportingDistrict(ctx.app, '合并区', { lat: 27.9, lng: 113.1 });
    await expectOneOrder(home, [home.district.id, home.street.id]);
  });

  it('keeps the order for a scope of more regions than are read apart', async () => {
    const wide = await createReportingDistrict(ctx.app, '广域区', { lat: 27.7, lng: 112.9 });
    const communities: string[] = [];
    for (let n = 0; n < 40; n++) {
      const community = await createRegion(ctx.app.get(DataSource), {
        level: 'community',
        parent: wide.street,
      });
      communities.push(community.id);
    }
    await expectOneOrder(wide, [wide.district.id, wide.street.id, ...communities.slice(0, 5)]);
  });
});
