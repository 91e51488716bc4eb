import {
  maskPhone,
  PointsStatsResponse,
  Redemption,
  ReportView,
  Routes,
  VolunteerStatsResponse,
} from '@yizhan/contracts';
import { accountIdOf, regionPool, workerAccount } from '../../src/modules/ledger/ledger-accounts';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { PointsAccountEntity } from '../../src/modules/ledger/points-account.entity';
import { STATS_CSV_HEADERS } from '../../src/modules/stats/stats-csv';
import { StatsService } from '../../src/modules/stats/stats.service';
import { createUser, uniquePhone } from '../support/accounts';
import { grantConsent } from '../support/checkin-flow';
import { recordVisit } from '../support/checkins';
import { parseCsv } from '../support/csv';
import { api, outcome } from '../support/http';
import { newKey } from '../support/points';
import {
  act,
  createReportingDistrict,
  reportBody,
  ReportingDistrict,
  submitReport,
} from '../support/reports';
import { cancelRedemption, createReward, ledgerCheck, redeem, tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const RANGE = 'from=2026-10-01&to=2026-11-30';
const at = (iso: string) => new Date(iso);

describe(`${StatsService.name}: points and volunteers (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: ReportingDistrict;
  let hanyang: ReportingDistrict;
  /** Workers of liuyang: w3 erases their account, w4 has a phone and no nickname. */
  const w: Record<'w1' | 'w2' | 'w3' | 'w4' | 'w5', { id: string; token: string }> = {} as never;
  let phoneOfW4: string;

  const get = <T>(path: string, token = liuyang.tokens.admin) => api<T>(ctx.app, { path, token });

  async function adjust(district: ReportingDistrict, userId: string, amount: number) {
    const response = await api(ctx.app, {
      method: 'POST',
      path: Routes.pointsAdjustments,
      token: district.tokens.admin,
      body: { userId, amount, reason: '志愿服务', idempotencyKey: newKey('adj') },
    });
    if (response.status !== 201) throw new Error(`adjust answered ${response.status}`);
  }

  async function handle(report: ReportView, action: string, body: object = {}) {
    const response = await act(ctx.app, liuyang.tokens.handler, report.id, action, body);
    if (response.status !== 200) throw new Error(`${action} answered ${response.status}`);
  }

  beforeAll(async () => {
    liuyang = await createReportingDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createReportingDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    phoneOfW4 = uniquePhone();
    const inputs = {
      w1: { nickname: '一号骑手' },
      w2: { nickname: '二号骑手' },
      w3: { nickname: '注销的骑手' },
      w4: { phone: phoneOfW4 },
      w5: { nickname: '五号骑手' },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const user = await createUser(ctx.app, input);
      await grantConsent(ctx.dataSource, user.id, 'location');
      w[name as keyof typeof w] = { id: user.id, token: await tokenFor(ctx.app, user) };
    }

    // October: the admin credits four workers (225 issued) and takes 10 back from w1 (a
    // debit, not negative issuance).
    ctx.setNow(at('2026-10-15T10:00:00+08:00'));
    await adjust(liuyang, w.w1.id, 50);
    await adjust(liuyang, w.w2.id, 70);
    await adjust(liuyang, w.w3.id, 100);
    await adjust(liuyang, w.w4.id, 5);
    ctx.setNow(at('2026-10-20T10:00:00+08:00'));
    await adjust(liuyang, w.w1.id, -10);

    // November: w1's report is accepted on the 2nd (held) and resolved on the 3rd (issued);
    // w2's stays accepted (pending).
    ctx.setNow(at('2026-11-02T09:00:00+08:00'));
    const mine = await submitReport(ctx.app, w.w1.token, reportBody(liuyang.origin));
    const theirs = await submitReport(ctx.app, w.w2.token, reportBody(liuyang.origin));
    await handle(mine.body, 'accept');
    await handle(theirs.body, 'accept');
    ctx.setNow(at('2026-11-03T09:00:00+08:00'));
    await handle(mine.body, 'resolve', { note: '已修复' });

    // w5 earns 8 points that lapse on 8 November and are expired on the 9th.
    ctx.setNow(at('2026-11-04T09:00:00+08:00'));
    await ctx.app.get(LedgerService).transfer({
      debit: regionPool(liuyang.district.id),
      credit: workerAccount(w.w5.id, liuyang.district.id),
      amount: 8,
      kind: 'manual',
      idempotencyKey: newKey('fund'),
      expiresAt: at('2026-11-08T00:00:00+08:00'),
    });

    // w2 redeems a 30-point reward; w1 redeems one and cancels it (refunded: not redeemed).
    ctx.setNow(at('2026-11-05T09:00:00+08:00'));
    const reward = await createReward(ctx.dataSource, {
      merchant: liuyang.merchant,
      pointsCost: 30,
    });
    expect((await redeem(ctx.app, w.w2.token, reward.id)).status).toBe(201);
    const cancelled = await redeem(ctx.app, w.w1.token, reward.id);
    expect(
      (await cancelRedemption(ctx.app, w.w1.token, (cancelled.body as Redemption).id)).status,
    ).toBe(200);

    ctx.setNow(at('2026-11-09T09:00:00+08:00'));
    expect(await ctx.app.get(LedgerService).expireDue()).toMatchObject({ lots: 1, points: 8 });

    // Visits: w1 twice (plus a flagged one and one in hanyang, neither counted), w2 once.
    const visit = (
      id: string,
      station = liuyang.station,
      flag: 'impossible_travel' | null = null,
    ) =>
      recordVisit(ctx.dataSource, { user: { id }, station, at: '2026-11-06T12:00:00+08:00', flag });
    await visit(w.w1.id);
    await visit(w.w1.id);
    await visit(w.w1.id, liuyang.station, 'impossible_travel');
    await visit(w.w1.id, hanyang.station);
    await visit(w.w2.id);

    // Another district's worker and flows: never in liuyang's numbers.
    const stranger = await createUser(ctx.app, { nickname: '汉阳骑手' });
    await adjust(hanyang, stranger.id, 500);

    // w3 erases their account.
    const erased = await api(ctx.app, { method: 'DELETE', path: Routes.me, token: w.w3.token });
    expect(erased.status).toBeLessThan(300);
    ctx.setNow(at('2026-11-20T09:00:00+08:00'));
  });

  afterAll(() => ctx.restoreNow());

  it('counts issued, redeemed and expired points per local month, and what workers hold', async () => {
    const response = await get<PointsStatsResponse>(`${Routes.statsPoints}?${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      regionId: liuyang.district.id,
      from: '2026-10-01',
      to: '2026-11-30',
      months: [
        { period: '2026-10', issued: 225, redeemed: 0, expired: 0 },
        { period: '2026-11', issued: 28, redeemed: 30, expired: 8 },
      ],
      totals: { issued: 253, redeemed: 30, expired: 8 },
      // w1 60, w2 40, w3 100 (erased, the points stay in the books), w4 5, w5 0.
      outstanding: 205,
      pending: 20,
      holders: 4,
    });
  });

  it('agrees with the ledger: outstanding is the sum of the workers’ cached balances', async () => {
    expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
    const accounts = await ctx.dataSource
      .getRepository(PointsAccountEntity)
      .findBy({ kind: 'worker_points', regionId: liuyang.district.id });
    const body = (await get<PointsStatsResponse>(`${Routes.statsPoints}?${RANGE}`)).body;
    expect(body.outstanding).toBe(accounts.reduce((sum, account) => sum + account.balance, 0));
    // The issuing pool went down by exactly what was issued, less what came back to it.
    const pool = await ctx.dataSource
      .getRepository(PointsAccountEntity)
      .findOneByOrFail({ id: accountIdOf(regionPool(liuyang.district.id)) });
    // Issued 253 plus the held 20, minus the 10 taken back and the 8 expired.
    expect(pool.balance).toBe(-253 + 10 + 8);
    expect(pool.pendingDebit).toBe(20);
  });

  it('shows hanyang only its own flows', async () => {
    const response = await get<PointsStatsResponse>(
      `${Routes.statsPoints}?${RANGE}`,
      hanyang.tokens.admin,
    );
    expect(response.body).toMatchObject({
      totals: { issued: 500, redeemed: 0, expired: 0 },
      outstanding: 500,
      holders: 1,
    });
  });

  it('ranks the year’s earners: ties share a rank in user-id order, erased workers left out', async () => {
    const response = await get<VolunteerStatsResponse>(`${Routes.statsVolunteers}?year=2026`);
    expect(response.status).toBe(200);
    const [first, second] = [w.w1.id, w.w2.id].sort();
    const row = (id: string) =>
      id === w.w1.id
        ? { displayName: '一号骑手', reportsResolved: 1, checkins: 2 }
        : { displayName: '二号骑手', reportsResolved: 0, checkins: 1 };
    expect(response.body).toEqual({
      regionId: liuyang.district.id,
      year: 2026,
      items: [
        { rank: 1, userId: first, pointsEarned: 70, ...row(first) },
        { rank: 1, userId: second, pointsEarned: 70, ...row(second) },
        {
          rank: 3,
          userId: w.w5.id,
          displayName: '五号骑手',
          pointsEarned: 8,
          reportsResolved: 0,
          checkins: 0,
        },
        {
          rank: 4,
          userId: w.w4.id,
          displayName: maskPhone(phoneOfW4),
          pointsEarned: 5,
          reportsResolved: 0,
          checkins: 0,
        },
      ],
    });
    expect(JSON.stringify(response.body)).not.toContain('注销的骑手');
    expect(JSON.stringify(response.body)).not.toContain(w.w3.id);

    const top = await get<VolunteerStatsResponse>(`${Routes.statsVolunteers}?year=2026&limit=2`);
    expect(top.body.items.map((item) => item.userId)).toEqual([first, second]);
    const lastYear = await get<VolunteerStatsResponse>(`${Routes.statsVolunteers}?year=2025`);
    expect(lastYear.body.items).toEqual([]);
    // The default year is this year on the server clock.
    expect((await get<VolunteerStatsResponse>(Routes.statsVolunteers)).body.year).toBe(2026);
    expect(outcome(await get(`${Routes.statsVolunteers}?limit=101`))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
  });

  it('exports points and volunteers as CSV', async () => {
    const download = (query: string) =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/v1${Routes.statsExportCsv}?${query}`,
        headers: { authorization: `Bearer ${liuyang.tokens.admin}` },
      });
    const points = await download(`table=points&${RANGE}`);
    expect(points.statusCode).toBe(200);
    expect(points.payload.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(points.payload.slice(1))).toEqual([
      [...STATS_CSV_HEADERS.points],
      ['2026-10', '225', '0', '0'],
      ['2026-11', '28', '30', '8'],
      ['TOTAL', '253', '30', '8'],
    ]);

    const volunteers = await download('table=volunteers&year=2026');
    expect(volunteers.headers['content-disposition']).toBe(
      'attachment; filename="stats-volunteers-2026.csv"',
    );
    const rows = parseCsv(volunteers.payload.slice(1));
    expect(rows[0]).toEqual([...STATS_CSV_HEADERS.volunteers]);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['1', expect.stringMatching(/号骑手$/), '70'],
      ['1', expect.stringMatching(/号骑手$/), '70'],
      ['3', '五号骑手', '8'],
      ['4', maskPhone(phoneOfW4), '5'],
    ]);
    expect(outcome(await get(`${Routes.statsExportCsv}?table=volunteers&${RANGE}`))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
  });
});
