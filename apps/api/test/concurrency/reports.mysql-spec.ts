import { ReportView } from '@yizhan/contracts';
import { ReportEntity } from '../../src/modules/reports/report.entity';
import { ReportPoints } from '../../src/modules/reports/report-points';
import {
  act,
  createReportingDistrict,
  newReporter,
  REPORT_POINTS,
  reportBody,
  ReportingDistrict,
  submitReport,
} from '../support/reports';
import { ledgerCheck, spendableOf } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const PARALLEL = 10;

/** Reports on real parallel MariaDB connections: retries, racing handlers, points once. */
describe('reports under concurrency (MariaDB)', () => {
  const ctx = useTestApp();
  let home: ReportingDistrict;

  beforeAll(async () => {
    home = await createReportingDistrict(ctx.app, '并发区', { lat: 30.6, lng: 114.3 });
  });

  async function accepted(): Promise<{ report: ReportView; reporterId: string }> {
    const reporter = await newReporter(ctx.app);
    const filed = await submitReport(ctx.app, reporter.token, reportBody(home.origin));
    const taken = await act(ctx.app, home.tokens.handler, filed.body.id, 'accept');
    expect(taken.status).toBe(200);
    return { report: taken.body, reporterId: reporter.id };
  }

  it(`files one report for ${PARALLEL * 2} parallel sends of one clientRequestId`, async () => {
    const reporter = await newReporter(ctx.app);
    const body = reportBody(home.origin);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL * 2 }, () => submitReport(ctx.app, reporter.token, body)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(PARALLEL * 2 - 1);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await ctx.dataSource
      .getRepository(ReportEntity)
      .countBy({ clientRequestId: body.clientRequestId });
    expect(rows).toBe(1);
  });

  it(`lets exactly one of ${PARALLEL} parallel accepts through`, async () => {
    const reporter = await newReporter(ctx.app);
    const filed = await submitReport(ctx.app, reporter.token, reportBody(home.origin));
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        act(ctx.app, i % 2 ? home.tokens.handler : home.tokens.admin, filed.body.id, 'accept'),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(PARALLEL - 1);
    const view = await act(ctx.app, home.tokens.handler, filed.body.id, 'dispatch', {
      departmentId: home.department.id,
    });
    expect(view.body.timeline.filter((step) => step.action === 'accept')).toHaveLength(1);
    expect(view.body.points).toEqual({ amount: REPORT_POINTS, status: 'pending' });
  });

  it('pays each report once when resolves race the settlement sweep', async () => {
    const reports = await Promise.all(Array.from({ length: PARALLEL }, () => accepted()));
    const sweep = ctx.app.get(ReportPoints);
    await Promise.all([
      ...reports.map(({ report }) =>
        act(ctx.app, home.tokens.handler, report.id, 'resolve', { note: '已处理' }),
      ),
      sweep.sweep(new Date(Date.now() + 3600_000)),
      sweep.sweep(new Date(Date.now() + 3600_000)),
    ]);
    await sweep.sweep(new Date(Date.now() + 3600_000));
    for (const { reporterId } of reports) {
      expect(await spendableOf(ctx.dataSource, reporterId)).toBe(REPORT_POINTS);
    }
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
  });

  it('ends a resolve racing a reject in one state, its points posted or voided to match', async () => {
    const reports = await Promise.all(Array.from({ length: PARALLEL }, () => accepted()));
    await Promise.all(
      reports.flatMap(({ report }) => [
        act(ctx.app, home.tokens.handler, report.id, 'resolve', { note: '已修复' }),
        act(ctx.app, home.tokens.admin, report.id, 'reject', { reason: '不属实' }),
      ]),
    );
    await ctx.app.get(ReportPoints).sweep(new Date(Date.now() + 3600_000));
    for (const { report, reporterId } of reports) {
      const row = await ctx.dataSource
        .getRepository(ReportEntity)
        .findOneByOrFail({ id: report.id });
      expect(['resolved', 'rejected']).toContain(row.status);
      const paid = row.status === 'resolved';
      expect(row.pointsStatus).toBe(paid ? 'posted' : 'voided');
      expect(await spendableOf(ctx.dataSource, reporterId)).toBe(paid ? REPORT_POINTS : 0);
    }
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
  });
});
