import { HANDLER_ACTIONS, HandlerAction, REPORT_TRANSITIONS, ReportView } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../../src/modules/notifications/notification.entity';
import { ReportPoints } from '../../src/modules/reports/report-points';
import { api } from '../support/http';
import {
  act,
  createReportingDistrict,
  newReporter,
  REPORT_POINTS,
  reportBody,
  ReportingDistrict,
  submitReport,
  uploadedPhotos,
} from '../support/reports';
import { ledgerCheck, spendableOf } from '../support/rewards';
import { useTestApp } from '../support/test-app';

describe('Report lifecycle', () => {
  const ctx = useTestApp();
  let home: ReportingDistrict;
  let away: ReportingDistrict;

  beforeAll(async () => {
    home = await createReportingDistrict(ctx.app, '浏阳测试区', { lat: 28.16, lng: 113.64 });
    away = await createReportingDistrict(ctx.app, '汉阳测试区', { lat: 30.55, lng: 114.27 });
  });

  /** A fresh report, by a fresh worker unless a token is given (filing is rate limited). */
  async function submitted(district = home, token?: string): Promise<ReportView> {
    const by = token ?? (await newReporter(ctx.app)).token;
    const response = await submitReport(ctx.app, by, reportBody(district.origin));
    expect(response.status).toBe(201);
    return response.body;
  }

  async function bodyFor(action: HandlerAction, district = home, reportId = ''): Promise<object> {
    if (action === 'dispatch') return { departmentId: district.department.id };
    if (action === 'resolve') return { note: '已修复' };
    if (action === 'reject') return { reason: '不属实' };
    if (action === 'duplicate') {
      const original = reportId ? await submitted(district) : null;
      return { duplicateOfId: original?.id };
    }
    return {};
  }

  it('files a report in the street of the nearest station, with its photos and a timeline', async () => {
    const photos = await uploadedPhotos(ctx.dataSource, home.worker.id, 2);
    const body = reportBody(home.origin, { mediaIds: photos });
    const response = await submitReport(ctx.app, home.tokens.worker, body);

    expect(response.status).toBe(201);
    const report = response.body;
    expect(report).toMatchObject({
      status: 'submitted',
      category: 'road_damage',
      categoryName: '道路破损',
      regionId: home.street.id,
      clientRequestId: body.clientRequestId,
      photoCount: 2,
      reporter: null,
      points: null,
      allowedActions: ['edit'],
      overdue: false,
    });
    expect(report.photos.map((photo) => photo.id)).toEqual(photos);
    expect(report.photos[0].url).toMatch(/^\/api\/v1\/media\/.+\/full\?exp=\d+&sig=/);
    expect(new Date(report.dueAt).getTime() - new Date(report.createdAt).getTime()).toBe(
      72 * 3600 * 1000,
    );
    expect(report.timeline).toEqual([
      expect.objectContaining({ action: 'submit', actorRole: 'worker', note: null }),
    ]);
  });

  it('answers a repeated clientRequestId with the first report, also when sent at once', async () => {
    const body = reportBody(home.origin);
    const first = await submitReport(ctx.app, home.tokens.worker, body);
    const again = await submitReport(ctx.app, home.tokens.worker, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const racing = reportBody(home.origin);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => submitReport(ctx.app, home.tokens.worker, racing)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await ctx.dataSource.query(
      'SELECT COUNT(*) AS n FROM report WHERE client_request_id = ?',
      [racing.clientRequestId],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('refuses photos that are not the reporter’s and files nothing', async () => {
    const stranger = await newReporter(ctx.app);
    const theirs = await uploadedPhotos(ctx.dataSource, stranger.id, 1);
    const body = reportBody(home.origin, { mediaIds: theirs });
    const response = await submitReport(ctx.app, home.tokens.worker, body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: { code: 'MEDIA_NOT_ATTACHABLE', details: { mediaIds: theirs } },
    });
    const again = await submitReport(ctx.app, home.tokens.worker, { ...body, mediaIds: [] });
    expect(again.status).toBe(201);
  });

  it('refuses a place no station serves and a category the place does not take', async () => {
    const farAway = await submitReport(
      ctx.app,
      home.tokens.worker,
      reportBody({ lat: 40.0, lng: 100.0 }),
    );
    expect(farAway.status).toBe(422);
    expect(farAway.body).toMatchObject({ error: { code: 'REPORT_OUTSIDE_SERVICE_AREA' } });

    const unknown = await submitReport(
      ctx.app,
      home.tokens.worker,
      reportBody(home.origin, { category: 'space_debris' }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: { code: 'REPORT_CATEGORY_UNAVAILABLE' } });
  });

  it('shows a report to its reporter and to staff of its region only', async () => {
    const report = await submitted(home, home.tokens.worker);
    const other = await newReporter(ctx.app);
    const get = (token: string) =>
      api<ReportView>(ctx.app, { path: `/reports/${report.id}`, token });

    expect((await get(home.tokens.worker)).status).toBe(200);
    expect((await get(other.token)).status).toBe(404);
    expect((await get(away.tokens.handler)).status).toBe(404);
    expect((await get(away.tokens.admin)).status).toBe(404);
    const byHandler = await get(home.tokens.handler);
    expect(byHandler.status).toBe(200);
    expect(byHandler.body.reporter).toMatchObject({ id: home.worker.id });
    expect(byHandler.body.allowedActions).toEqual(['accept', 'reject', 'duplicate']);
    expect(
      (await api(ctx.app, { path: '/reports/not-a-uuid', token: home.tokens.worker })).status,
    ).toBe(404);
  });

  it('lets only a handler of the region act: another region’s gets 404, the reporter 403', async () => {
    const report = await submitted();
    const outsider = await act(ctx.app, away.tokens.handler, report.id, 'accept');
    expect(outsider.status).toBe(404);
    const reporter = await act(ctx.app, home.tokens.worker, report.id, 'accept');
    expect(reporter.status).toBe(403);
    const view = await api<ReportView>(ctx.app, {
      path: `/reports/${report.id}`,
      token: home.tokens.handler,
    });
    expect(view.body.status).toBe('submitted');
  });

  it('walks accept → dispatch → resolve: points held, then paid, each step on the timeline', async () => {
    const reporter = await newReporter(ctx.app);
    const report = await submitted(home, reporter.token);

    const accepted = await act(ctx.app, home.tokens.handler, report.id, 'accept', { note: '收到' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      points: { amount: REPORT_POINTS, status: 'pending' },
    });
    expect(await spendableOf(ctx.dataSource, reporter.id)).toBe(0);

    const dispatched = await act(ctx.app, home.tokens.handler, report.id, 'dispatch', {
      departmentId: home.department.id,
      note: '请城管处理',
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.department).toEqual({
      id: home.department.id,
      name: home.department.name,
    });

    const fixPhotos = await uploadedPhotos(ctx.dataSource, home.staff.handler.id, 1);
    const resolved = await act(ctx.app, home.tokens.handler, report.id, 'resolve', {
      note: '护栏已扶正加固',
      mediaIds: fixPhotos,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      points: { amount: REPORT_POINTS, status: 'posted' },
    });
    expect(await spendableOf(ctx.dataSource, reporter.id)).toBe(REPORT_POINTS);

    const seen = await api<ReportView>(ctx.app, {
      path: `/reports/${report.id}`,
      token: reporter.token,
    });
    expect(seen.body.timeline.map((step) => [step.action, step.actorRole, step.note])).toEqual([
      ['submit', 'worker', null],
      ['accept', 'handler', '收到'],
      ['dispatch', 'handler', '请城管处理'],
      ['resolve', 'handler', '护栏已扶正加固'],
    ]);
    expect(seen.body.timeline[2].department?.id).toBe(home.department.id);
    expect(seen.body.timeline[3].photos.map((photo) => photo.id)).toEqual(fixPhotos);
    expect(seen.body.allowedActions).toEqual([]);

    const notices = await ctx.dataSource.getRepository(NotificationEntity).find({
      where: { userId: reporter.id },
      order: { createdAt: 'ASC' },
    });
    expect(notices.map((notice) => notice.payload.action).sort()).toEqual(
      ['accept', 'dispatch', 'resolve'].sort(),
    );
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
  });

  it('voids held points on reject and pays nothing for a duplicate', async () => {
    const reporter = await newReporter(ctx.app);
    const rejected = await submitted(home, reporter.token);
    await act(ctx.app, home.tokens.handler, rejected.id, 'accept');
    const refusal = await act(ctx.app, home.tokens.handler, rejected.id, 'reject', {
      reason: '现场未发现问题',
    });
    expect(refusal.status).toBe(200);
    expect(refusal.body.points).toEqual({ amount: REPORT_POINTS, status: 'voided' });

    const original = await submitted();
    const copy = await submitted(home, reporter.token);
    await act(ctx.app, home.tokens.handler, copy.id, 'accept');
    const marked = await act(ctx.app, home.tokens.handler, copy.id, 'duplicate', {
      duplicateOfId: original.id,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'duplicate', duplicateOfId: original.id });
    expect(marked.body.points).toEqual({ amount: REPORT_POINTS, status: 'voided' });

    // A duplicate of the duplicate is linked to the original, which counts both.
    const third = await submitted();
    const linked = await act(ctx.app, home.tokens.handler, third.id, 'duplicate', {
      duplicateOfId: copy.id,
    });
    expect(linked.body.duplicateOfId).toBe(original.id);
    expect(linked.body.points).toBeNull();
    const originalView = await api<ReportView>(ctx.app, {
      path: `/reports/${original.id}`,
      token: home.tokens.handler,
    });
    expect(originalView.body.meTooCount).toBe(2);

    expect(await spendableOf(ctx.dataSource, reporter.id)).toBe(0);
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
  });

  it('refuses every step the lifecycle does not allow with 409 REPORT_BAD_TRANSITION', async () => {
    // Reach each status, then try every handler action not allowed from it.
    const paths: Record<string, HandlerAction[]> = {
      submitted: [],
      accepted: ['accept'],
      dispatched: ['accept', 'dispatch'],
      resolved: ['accept', 'resolve'],
      rejected: ['reject'],
      duplicate: ['duplicate'],
    };
    for (const [status, steps] of Object.entries(paths)) {
      const report = await submitted();
      for (const step of steps) {
        const done = await act(
          ctx.app,
          home.tokens.handler,
          report.id,
          step,
          await bodyFor(step, home, report.id),
        );
        expect(done.status).toBe(200);
      }
      for (const action of HANDLER_ACTIONS) {
        if (REPORT_TRANSITIONS[action].from.includes(status as never)) continue;
        const refused = await act(
          ctx.app,
          home.tokens.handler,
          report.id,
          action,
          await bodyFor(action, home, report.id),
        );
        expect({ status, action, code: refused.status }).toEqual({ status, action, code: 409 });
        expect(refused.body).toMatchObject({ error: { code: 'REPORT_BAD_TRANSITION' } });
      }
    }
  });

  it('lets two handlers race on one step: exactly one wins', async () => {
    const report = await submitted();
    const answers = await Promise.all([
      act(ctx.app, home.tokens.handler, report.id, 'accept'),
      act(ctx.app, home.tokens.admin, report.id, 'accept'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('lets the reporter edit the description and add photos only while submitted', async () => {
    const report = await submitted(home, home.tokens.worker);
    const more = await uploadedPhotos(ctx.dataSource, home.worker.id, 1);
    const edited = await api<ReportView>(ctx.app, {
      method: 'PATCH',
      path: `/reports/${report.id}`,
      token: home.tokens.worker,
      body: { description: '护栏倾斜约30度', addMediaIds: more },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: '护栏倾斜约30度', photoCount: 1 });
    expect(edited.body.timeline.map((step) => step.action)).toEqual(['submit', 'edit']);

    const other = await newReporter(ctx.app);
    const stranger = await api(ctx.app, {
      method: 'PATCH',
      path: `/reports/${report.id}`,
      token: other.token,
      body: { description: '改掉' },
    });
    expect(stranger.status).toBe(404);

    await act(ctx.app, home.tokens.handler, report.id, 'accept');
    const late = await api(ctx.app, {
      method: 'PATCH',
      path: `/reports/${report.id}`,
      token: home.tokens.worker,
      body: { description: '再改' },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'REPORT_BAD_TRANSITION' } });
  });

  it('settles points a crash left behind in the sweep', async () => {
    const reporter = await newReporter(ctx.app);
    const report = await submitted(home, reporter.token);
    await act(ctx.app, home.tokens.handler, report.id, 'accept');
    // As if the process died after the accept committed and before the ledger followed.
    await ctx.dataSource.query(
      'UPDATE report SET points_settled = ?, points_status = NULL WHERE id = ?',
      [false, report.id],
    );
    await ctx.dataSource.query(
      "UPDATE report SET status = 'resolved', resolved_at = updated_at WHERE id = ?",
      [report.id],
    );
    const run = await ctx.app.get(ReportPoints).sweep(new Date(Date.now() + 3600_000));
    expect(run.failures).toBe(0);
    expect(await spendableOf(ctx.dataSource, reporter.id)).toBe(REPORT_POINTS);
    const rows = await ctx.app
      .get(DataSource)
      .query('SELECT points_status AS s FROM report WHERE id = ?', [report.id]);
    expect(rows[0].s).toBe('posted');
  });

  it('exports a worker’s reports and, on erasure, keeps them anonymous with held points released', async () => {
    const reporter = await newReporter(ctx.app);
    const report = await submitted(home, reporter.token);
    await act(ctx.app, home.tokens.handler, report.id, 'accept');

    const exported = await api<{ reports: Array<{ id: string; lat: number }> }>(ctx.app, {
      path: '/me/export',
      token: reporter.token,
    });
    expect(exported.status).toBe(200);
    expect(exported.body.reports).toEqual([
      expect.objectContaining({ id: report.id, lat: home.origin.lat }),
    ]);

    const erased = await api(ctx.app, { method: 'DELETE', path: '/me', token: reporter.token });
    expect(erased.status).toBe(204);
    await ctx.app.get(ReportPoints).sweep(new Date(Date.now() + 3600_000));
    const seen = await api<ReportView>(ctx.app, {
      path: `/reports/${report.id}`,
      token: home.tokens.handler,
    });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ reporter: null, points: { status: 'voided' } });
    const resolved = await act(ctx.app, home.tokens.handler, report.id, 'resolve', {
      note: '已修',
    });
    expect(resolved.status).toBe(200);
    expect(await spendableOf(ctx.dataSource, reporter.id)).toBe(0);
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
  });
});
