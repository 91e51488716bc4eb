import { Page, PossibleDuplicate, ReportSummary, ReportView } from '@yizhan/contracts';
import { ReportWorkflow } from '../../src/modules/reports/report-workflow';
import { northOf } from '../support/factories';
import { api } from '../support/http';
import {
  act,
  createReportingDistrict,
  newReporter,
  reportBody,
  ReportingDistrict,
  submitReport,
  uploadedPhotos,
} from '../support/reports';
import { useTestApp } from '../support/test-app';

const HOUR = 3600 * 1000;

describe('Report queue and duplicates', () => {
  const ctx = useTestApp();
  let home: ReportingDistrict;
  let away: ReportingDistrict;
  const start = new Date('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    home = await createReportingDistrict(ctx.app, '队列区', { lat: 28.2, lng: 113.6 });
    away = await createReportingDistrict(ctx.app, '他区', { lat: 29.5, lng: 114.9 });
  });

  async function file(
    category: string,
    at: { lat: number; lng: number },
    when: Date,
  ): Promise<ReportView> {
    ctx.setNow(when);
    const reporter = await newReporter(ctx.app);
    const response = await submitReport(ctx.app, reporter.token, reportBody(at, { category }));
    expect(response.status).toBe(201);
    return response.body;
  }

  const queue = (token: string, query = '') =>
    api<Page<ReportSummary>>(ctx.app, { path: `/reports${query}`, token });

  it('lists the queue overdue first, then oldest first, page by page', async () => {
    // Fire hazards are due in 4 h, road damage in 72 h.
    const roadOld = await file('road_damage', home.origin, start);
    const fireOld = await file('fire_hazard', home.origin, new Date(start.getTime() + HOUR));
    const roadNew = await file('road_damage', home.origin, new Date(start.getTime() + 2 * HOUR));
    const fireNew = await file('fire_hazard', home.origin, new Date(start.getTime() + 3 * HOUR));
    await file('road_damage', away.origin, new Date(start.getTime() + 3 * HOUR));
    ctx.setNow(new Date(start.getTime() + 6 * HOUR)); // fireOld is overdue, fireNew not yet

    const first = await queue(home.tokens.handler, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.id)).toEqual([fireOld.id, roadOld.id]);
    expect(first.body.items[0].overdue).toBe(true);
    const second = await queue(home.tokens.handler, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item) => item.id)).toEqual([roadNew.id, fireNew.id]);
    expect(second.body.nextCursor).toBeNull();

    const overdue = await queue(home.tokens.handler, '?overdue=true');
    expect(overdue.body.items.map((item) => item.id)).toEqual([fireOld.id]);
    const fires = await queue(home.tokens.handler, '?category=fire_hazard');
    expect(fires.body.items.map((item) => item.id)).toEqual([fireOld.id, fireNew.id]);

    await act(ctx.app, home.tokens.handler, roadOld.id, 'accept');
    const accepted = await queue(home.tokens.handler, '?status=accepted');
    expect(accepted.body.items.map((item) => item.id)).toEqual([roadOld.id]);

    // The other district's handler sees only theirs, and cannot ask for this region.
    const theirs = await queue(away.tokens.handler);
    expect(theirs.body.items.every((item) => ![roadOld.id, fireOld.id].includes(item.id))).toBe(
      true,
    );
    const trespass = await queue(away.tokens.handler, `?regionId=${home.district.id}`);
    expect(trespass.status).toBe(404);
    const bad = await queue(home.tokens.handler, '?cursor=garbage!');
    expect(bad.status).toBe(400);
  });

  it('gives a worker their own reports only, newest first', async () => {
    ctx.setNow(start);
    const reporter = await newReporter(ctx.app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ctx.setNow(new Date(start.getTime() + i * 60_000));
      const response = await submitReport(ctx.app, reporter.token, reportBody(home.origin));
      ids.push(response.body.id);
    }
    const mine = await queue(reporter.token, '?mine=true&limit=2');
    expect(mine.body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const rest = await queue(reporter.token, `?mine=true&limit=2&cursor=${mine.body.nextCursor}`);
    expect(rest.body.items.map((item) => item.id)).toEqual([ids[0]]);
    // Without mine=true a worker still gets only their own.
    const plain = await queue(reporter.token);
    expect(plain.body.items).toHaveLength(3);
  });

  it('points to open reports of the same category within 250 m of the last week', async () => {
    const now = new Date('2026-04-10T02:00:00Z');
    const near = northOf(home.origin, 150);
    const first = await file('road_damage', home.origin, now);
    await file('fire_hazard', home.origin, now);
    await file('road_damage', northOf(home.origin, 600), now);
    ctx.setNow(new Date(now.getTime() + HOUR));

    const reporter = await newReporter(ctx.app);
    const asked = await api<PossibleDuplicate[]>(ctx.app, {
      path: `/reports/possible-duplicates?category=road_damage&lat=${near.lat}&lng=${near.lng}`,
      token: reporter.token,
    });
    expect(asked.status).toBe(200);
    expect(asked.body.map((dup) => dup.id)).toContain(first.id);
    expect(asked.body.every((dup) => dup.category === 'road_damage' && dup.distanceM <= 250)).toBe(
      true,
    );
    expect(Object.keys(asked.body[0]).sort()).toEqual(
      ['address', 'category', 'createdAt', 'distanceM', 'id', 'meTooCount', 'status'].sort(),
    );

    const filed = await submitReport(ctx.app, reporter.token, reportBody(near));
    expect(filed.body.possibleDuplicates.map((dup) => dup.id)).toContain(first.id);
    expect(filed.body.possibleDuplicates.map((dup) => dup.id)).not.toContain(filed.body.id);

    // A week later the first no longer counts.
    ctx.setNow(new Date(now.getTime() + 8 * 24 * HOUR));
    const later = await api<PossibleDuplicate[]>(ctx.app, {
      path: `/reports/possible-duplicates?category=road_damage&lat=${near.lat}&lng=${near.lng}`,
      token: reporter.token,
    });
    expect(later.body.map((dup) => dup.id)).not.toContain(first.id);
  });

  it('flags a photo already on another worker’s report, for handlers only', async () => {
    ctx.setNow(new Date('2026-05-01T02:00:00Z'));
    const first = await newReporter(ctx.app);
    const copier = await newReporter(ctx.app);
    const hash = 'a1b2c3d4e5f60718';
    const original = await uploadedPhotos(ctx.dataSource, first.id, 1, hash);
    await submitReport(ctx.app, first.token, reportBody(home.origin, { mediaIds: original }));
    // The same picture re-encoded differs in a bit or two.
    const copied = await uploadedPhotos(ctx.dataSource, copier.id, 1, 'a1b2c3d4e5f60719');
    const filed = await submitReport(
      ctx.app,
      copier.token,
      reportBody(home.origin, { mediaIds: copied }),
    );
    expect(filed.status).toBe(201);
    expect(filed.body.flags).toEqual([]);
    const staffView = await api<ReportView>(ctx.app, {
      path: `/reports/${filed.body.id}`,
      token: home.tokens.handler,
    });
    expect(staffView.body.flags).toEqual(['photo_reused']);

    // A worker filing the same picture twice (their own) is not flagged.
    const mine = await uploadedPhotos(ctx.dataSource, first.id, 1, 'ffff000011112222');
    await submitReport(ctx.app, first.token, reportBody(home.origin, { mediaIds: mine }));
    const own = await uploadedPhotos(ctx.dataSource, first.id, 1, 'ffff000011112222');
    const again = await submitReport(
      ctx.app,
      first.token,
      reportBody(home.origin, { mediaIds: own }),
    );
    const ownView = await api<ReportView>(ctx.app, {
      path: `/reports/${again.body.id}`,
      token: home.tokens.handler,
    });
    expect(ownView.body.flags).toEqual([]);
  });

  it('closes a resolved report after seven days, with a system step on the timeline', async () => {
    const resolvedAt = new Date('2026-06-01T02:00:00Z');
    const report = await file('road_damage', home.origin, resolvedAt);
    await act(ctx.app, home.tokens.handler, report.id, 'accept');
    await act(ctx.app, home.tokens.handler, report.id, 'resolve', { note: '已修复' });
    const workflow = ctx.app.get(ReportWorkflow);
    expect(await workflow.closeResolved(new Date(resolvedAt.getTime() + 6 * 24 * HOUR))).toBe(0);
    expect(await workflow.closeResolved(new Date(resolvedAt.getTime() + 8 * 24 * HOUR))).toBe(1);
    const view = await api<ReportView>(ctx.app, {
      path: `/reports/${report.id}`,
      token: home.tokens.handler,
    });
    expect(view.body.status).toBe('closed');
    expect(view.body.timeline.at(-1)).toMatchObject({ action: 'close', actorRole: 'system' });
    expect(view.body.points?.status).toBe('posted');
  });
});
