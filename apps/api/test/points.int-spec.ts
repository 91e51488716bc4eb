import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  ErrorEnvelope,
  LedgerCheckResult,
  Page,
  PointsAdjustment,
  PointsBalance,
  PointsRule,
  PointsRulesResponse,
  PointsTransferItem,
} from '@yizhan/contracts';
import { AuditEntryEntity } from '../src/modules/audit/audit-entry.entity';
import { accountIdOf, regionPool, workerAccount } from '../src/modules/ledger/ledger-accounts';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { PointsAccountEntity } from '../src/modules/ledger/points-account.entity';
import { PointsLotEntity } from '../src/modules/ledger/points-lot.entity';
import { PointsTransferEntity } from '../src/modules/ledger/points-transfer.entity';
import { PointsController } from '../src/modules/ledger/points.controller';
import { RegionEntity } from '../src/modules/regions/region.entity';
import { createRegion } from './support/factories';
import { authOf, createRule, createUser, newKey, TestUser } from './support/points';
import { getJson, useTestApp } from './support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing. */
const TUESDAY = new Date('2026-11-24T10:00:00+08:00');
/** Points earned in 2026 lapse when 2028 begins in Beijing. */
const END_OF_2027 = '2027-12-31T16:00:00.000Z';

describe(`${PointsController.name} and ${LedgerService.name} (integration)`, () => {
  const ctx = useTestApp();
  let ledger: LedgerService;
  let city: RegionEntity;
  let district: RegionEntity;
  let street: RegionEntity;
  let otherDistrict: RegionEntity;
  let admin: TestUser;
  let adminHeaders: Record<string, string>;

  const check = async () => {
    const { status, body } = await getJson<LedgerCheckResult>(
      ctx.app,
      '/api/v1/admin/ledger/check',
      adminHeaders,
    );
    expect(status).toBe(200);
    return body;
  };
  const accountOf = (userId: string) =>
    ctx.dataSource
      .getRepository(PointsAccountEntity)
      .findOneByOrFail({ id: accountIdOf(workerAccount(userId)) });
  const balanceOf = async (user: TestUser) =>
    (await getJson<PointsBalance>(ctx.app, '/api/v1/points/balance', await authOf(ctx.app, user)))
      .body;
  const spend = (userId: string, amount: number, key = newKey('spend')) =>
    ledger.transfer({
      debit: workerAccount(userId),
      credit: regionPool(district.id),
      amount,
      kind: 'redemption',
      ref: { type: 'test', id: null },
      idempotencyKey: key,
    });

  beforeAll(async () => {
    ctx.setNow(TUESDAY);
    ledger = ctx.app.get(LedgerService);
    city = await createRegion(ctx.dataSource, { level: 'city' });
    district = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    street = await createRegion(ctx.dataSource, { level: 'street', parent: district });
    otherDistrict = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    await createRule(ctx.dataSource, {
      region: district,
      kind: 'checkin',
      points: 4,
      dailyCap: 10,
      weeklyCap: 18,
    });
    await createRule(ctx.dataSource, { region: district, kind: 'report', points: 20 });
    await createRule(ctx.dataSource, { region: street, kind: 'report', points: 30 });
    admin = await createUser(ctx.dataSource, [{ role: 'district_admin', regionId: district.id }]);
    adminHeaders = await authOf(ctx.app, admin);
  });

  describe('awards', () => {
    it('pays the nearest rule from the pool of the region that made it, and sets the home region', async () => {
      const worker = await createUser(ctx.dataSource);

      const result = await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        ref: { type: 'report', id: 'r-1' },
        idempotencyKey: newKey(),
      });

      expect(result).toMatchObject({ requested: 30, awarded: 30, capped: false, status: 'posted' });
      const account = await accountOf(worker.id);
      expect([account.balance, account.regionId]).toEqual([30, street.id]);
      const pool = await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .findOneByOrFail({ id: accountIdOf(regionPool(street.id)) });
      expect(pool.balance).toBe(-30);
      expect((await check()).mismatches).toEqual([]);
    });

    it('cuts awards at the daily cap, then at the weekly cap, and counts a new day afresh', async () => {
      const worker = await createUser(ctx.dataSource);
      const award = () =>
        ledger.award({
          workerId: worker.id,
          regionId: street.id,
          kind: 'checkin',
          idempotencyKey: newKey(),
        });

      const tuesday = [await award(), await award(), await award(), await award()];
      ctx.setNow(new Date('2026-11-25T09:00:00+08:00'));
      const wednesday = [await award(), await award(), await award()];
      ctx.setNow(new Date('2026-11-30T09:00:00+08:00'));
      const nextMonday = await award();
      ctx.setNow(TUESDAY);

      expect(tuesday.map((r) => r.awarded)).toEqual([4, 4, 2, 0]);
      expect(tuesday.map((r) => r.capped)).toEqual([false, false, true, true]);
      expect(wednesday.map((r) => r.awarded)).toEqual([4, 4, 0]);
      expect(nextMonday.awarded).toBe(4);
      expect((await accountOf(worker.id)).balance).toBe(22);
    });

    it('answers a repeated key with the first outcome, capped ones included, and refuses a changed body', async () => {
      const worker = await createUser(ctx.dataSource);
      const key = newKey();
      const request = {
        workerId: worker.id,
        regionId: street.id,
        kind: 'report' as const,
        idempotencyKey: key,
      };

      const first = await ledger.award(request);
      const again = await ledger.award(request);
      const changed = ledger.award({ ...request, kind: 'checkin' });

      expect(again).toEqual(first);
      await expect(changed).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 409 });
      expect((await accountOf(worker.id)).balance).toBe(30);
    });

    it('records an award without a rule as 0 points', async () => {
      const worker = await createUser(ctx.dataSource);

      const result = await ledger.award({
        workerId: worker.id,
        regionId: otherDistrict.id,
        kind: 'survey',
        idempotencyKey: newKey(),
      });

      expect(result).toMatchObject({ ruleId: null, awarded: 0, capped: false, transferId: null });
    });

    it('holds a pending award out of the spendable balance until posted; a void gives the cap back', async () => {
      const worker = await createUser(ctx.dataSource);
      const pending = (key = newKey()) =>
        ledger.award({
          workerId: worker.id,
          regionId: street.id,
          kind: 'checkin',
          idempotencyKey: key,
          pending: true,
        });

      const a = await pending();
      const b = await pending();
      const held = await balanceOf(worker);
      await ledger.post(a.transferId as string);
      await ledger.void(b.transferId as string);
      const afterVoid = await pending();
      const posted = await balanceOf(worker);

      expect([held.balance, held.pending]).toEqual([0, 8]);
      expect(afterVoid.awarded).toBe(4);
      expect([posted.balance, posted.pending]).toEqual([4, 4]);
      await expect(ledger.post(b.transferId as string)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await ledger.post(a.transferId as string)).status).toBe('posted');
      expect((await check()).mismatches).toEqual([]);
    });
  });

  describe('spending, holds and reversals', () => {
    it('refuses to overdraw and changes nothing', async () => {
      const worker = await createUser(ctx.dataSource);
      await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        idempotencyKey: newKey(),
      });

      await expect(spend(worker.id, 31)).rejects.toMatchObject({
        code: 'POINTS_INSUFFICIENT',
        status: 409,
      });
      await spend(worker.id, 30);
      await expect(spend(worker.id, 1)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });

      expect((await accountOf(worker.id)).balance).toBe(0);
      expect((await check()).mismatches).toEqual([]);
    });

    it('takes a hold out of the spendable balance at once and gives it back on void', async () => {
      const worker = await createUser(ctx.dataSource);
      await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        idempotencyKey: newKey(),
      });

      const hold = await ledger.transfer({
        debit: workerAccount(worker.id),
        credit: regionPool(district.id),
        amount: 25,
        kind: 'redemption',
        idempotencyKey: newKey(),
        pending: true,
      });
      const during = await balanceOf(worker);
      await expect(spend(worker.id, 6)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
      await ledger.void(hold.transfer.id);

      expect([during.balance, during.held]).toEqual([5, 25]);
      expect((await balanceOf(worker)).balance).toBe(30);
      expect((await check()).mismatches).toEqual([]);
    });

    it('reverses a transfer once; undoing spent points is refused', async () => {
      const worker = await createUser(ctx.dataSource);
      const earned = await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        idempotencyKey: newKey(),
      });
      const spent = await spend(worker.id, 10);

      const refund = await ledger.reverse(spent.transfer.id, {
        idempotencyKey: newKey(),
        kind: 'refund',
      });
      const second = ledger.reverse(spent.transfer.id, { idempotencyKey: newKey() });
      await spend(worker.id, 25);
      const undoEarning = ledger.reverse(earned.transferId as string, { idempotencyKey: newKey() });

      expect(refund.transfer).toMatchObject({
        kind: 'refund',
        amount: 10,
        reversesTransferId: spent.transfer.id,
      });
      await expect(second).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(undoEarning).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
      expect((await accountOf(worker.id)).balance).toBe(5);
      expect((await check()).mismatches).toEqual([]);
    });
  });

  describe('expiry', () => {
    it('spends and expires the oldest points first, once per lot, refunds keeping their dates', async () => {
      const worker = await createUser(ctx.dataSource);
      await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        idempotencyKey: newKey(),
      });
      ctx.setNow(new Date('2027-03-01T10:00:00+08:00'));
      await ledger.award({
        workerId: worker.id,
        regionId: street.id,
        kind: 'report',
        idempotencyKey: newKey(),
      });
      const spent = await spend(worker.id, 20);
      await ledger.reverse(spent.transfer.id, { idempotencyKey: newKey(), kind: 'refund' });
      await spend(worker.id, 20);
      ctx.setNow(new Date('2027-12-20T10:00:00+08:00'));
      const soon = await balanceOf(worker);

      const run = await ledger.expireDue(new Date('2028-01-01T00:00:00+08:00'));
      const again = await ledger.expireDue(new Date('2028-01-01T00:00:00+08:00'));
      ctx.setNow(TUESDAY);

      expect(soon.balance).toBe(40);
      expect(soon.expiringSoon).toEqual([{ amount: 10, expiresAt: END_OF_2027 }]);
      expect(soon.nextExpiry).toEqual({ amount: 10, expiresAt: END_OF_2027 });
      // Other suites' workers earned in 2026 too: their lots lapse in the same run.
      expect(run).toMatchObject({ failures: 0 });
      expect(run.lots).toBeGreaterThanOrEqual(1);
      const expiries = await ctx.dataSource.getRepository(PointsTransferEntity).findBy({
        debitAccountId: accountIdOf(workerAccount(worker.id)),
        kind: 'expiry',
      });
      expect(expiries.map((transfer) => transfer.amount)).toEqual([10]);
      expect(again).toEqual({ lots: 0, points: 0, failures: 0 });
      expect((await accountOf(worker.id)).balance).toBe(30);
      const lots = await ctx.dataSource
        .getRepository(PointsLotEntity)
        .findBy({ accountId: accountIdOf(workerAccount(worker.id)) });
      expect(lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(30);
      expect((await check()).mismatches).toEqual([]);
    });
  });

  describe('HTTP', () => {
    let worker: TestUser;
    let workerHeaders: Record<string, string>;

    beforeAll(async () => {
      worker = await createUser(ctx.dataSource);
      workerHeaders = await authOf(ctx.app, worker);
      // One minute apart, so "newest first" has one answer.
      const at = (minute: number) => ctx.setNow(new Date(TUESDAY.getTime() + minute * 60_000));
      for (let n = 0; n < 3; n += 1) {
        at(n + 1);
        await ledger.award({
          workerId: worker.id,
          regionId: street.id,
          kind: 'report',
          ref: { type: 'report', id: `r${n}` },
          idempotencyKey: newKey(),
        });
      }
      at(4);
      await spend(worker.id, 15);
      ctx.setNow(TUESDAY);
    });

    const adjust = (body: object, headers = adminHeaders) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/points/adjustments', headers, payload: body });

    it('shows the balance with points expiring', async () => {
      const { status, body } = await getJson<PointsBalance>(
        ctx.app,
        '/api/v1/points/balance',
        workerHeaders,
      );

      expect(status).toBe(200);
      expect(body).toMatchObject({ balance: 75, pending: 0, held: 0, homeRegionId: street.id });
      expect(body.nextExpiry).toEqual({ amount: 75, expiresAt: END_OF_2027 });
      expect(body.expiringSoon).toEqual([]);
    });

    it('lists the caller’s transfers newest first, signed, in keyset pages', async () => {
      const first = await getJson<Page<PointsTransferItem>>(
        ctx.app,
        '/api/v1/points/transfers?limit=3',
        workerHeaders,
      );
      const rest = await getJson<Page<PointsTransferItem>>(
        ctx.app,
        `/api/v1/points/transfers?limit=3&cursor=${first.body.nextCursor}`,
        workerHeaders,
      );

      expect(first.status).toBe(200);
      const items = [...first.body.items, ...rest.body.items];
      expect(items.map((item) => [item.amount, item.kind])).toEqual([
        [-15, 'redemption'],
        [30, 'report'],
        [30, 'report'],
        [30, 'report'],
      ]);
      expect(first.body.items[0]).toEqual({
        id: expect.any(String),
        amount: -15,
        kind: 'redemption',
        status: 'posted',
        refType: 'test',
        refId: null,
        createdAt: expect.any(String),
      });
      expect(rest.body.nextCursor).toBeNull();
      const bad = await getJson<ErrorEnvelope>(
        ctx.app,
        '/api/v1/points/transfers?cursor=nope!',
        workerHeaders,
      );
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('shows the rules of the home region, inherited ones included, or of a named region', async () => {
      const mine = await getJson<PointsRulesResponse>(
        ctx.app,
        '/api/v1/points/rules',
        workerHeaders,
      );
      const other = await getJson<PointsRulesResponse>(
        ctx.app,
        `/api/v1/points/rules?regionId=${otherDistrict.id}`,
        workerHeaders,
      );

      expect(mine.body.regionId).toBe(street.id);
      expect(mine.body.items.map((rule) => [rule.kind, rule.points, rule.regionId])).toEqual([
        ['checkin', 4, district.id],
        ['report', 30, street.id],
      ]);
      expect(mine.body.items[0]).toMatchObject({
        dailyCap: 10,
        weeklyCap: 18,
        expiryPolicy: 'end_of_next_year',
      });
      expect(other.body).toEqual({ regionId: otherDistrict.id, items: [] });
    });

    it('lets a district admin set a rule in their region only, audited', async () => {
      const put = (body: object, headers = adminHeaders) =>
        ctx.app.inject({ method: 'PUT', url: '/api/v1/points/rules', headers, payload: body });

      const created = await put({ regionId: street.id, kind: 'survey', points: 5, dailyCap: 5 });
      const updated = await put({ regionId: street.id, kind: 'survey', points: 6 });
      const outside = await put({ regionId: otherDistrict.id, kind: 'survey', points: 5 });
      const byWorker = await put({ regionId: street.id, kind: 'survey', points: 5 }, workerHeaders);

      expect(created.statusCode).toBe(200);
      expect(updated.json<PointsRule>()).toMatchObject({
        id: created.json<PointsRule>().id,
        points: 6,
        dailyCap: null,
      });
      expect([outside.statusCode, byWorker.statusCode]).toEqual([404, 403]);
      const audits = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .countBy({ targetId: created.json<PointsRule>().id });
      expect(audits).toBe(2);
    });

    it('adjusts a worker of the admin’s region: 201, the same key 200 with the same answer, audited once', async () => {
      const body = {
        userId: worker.id,
        amount: 12,
        reason: '志愿服务补录',
        idempotencyKey: newKey('adj'),
      };

      const first = await adjust(body);
      const again = await adjust(body);
      const reused = await adjust({ ...body, amount: 13 });

      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(first.json<PointsAdjustment>()).toMatchObject({
        userId: worker.id,
        amount: 12,
        reason: '志愿服务补录',
      });
      expect([reused.statusCode, reused.json<ErrorEnvelope>().error.code]).toEqual([
        409,
        'IDEMPOTENCY_KEY_REUSED',
      ]);
      const audits = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ action: 'points.adjust', targetId: worker.id });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: admin.id, regionId: street.id });
      expect((await balanceOf(worker)).balance).toBe(87);
    });

    it('debits with a negative amount, never below zero', async () => {
      const tooMuch = await adjust({
        userId: worker.id,
        amount: -1000,
        reason: '更正',
        idempotencyKey: newKey('adj'),
      });
      const fine = await adjust({
        userId: worker.id,
        amount: -7,
        reason: '更正',
        idempotencyKey: newKey('adj'),
      });

      expect([tooMuch.statusCode, tooMuch.json<ErrorEnvelope>().error.code]).toEqual([
        409,
        'POINTS_INSUFFICIENT',
      ]);
      expect([fine.statusCode, fine.json<PointsAdjustment>().amount]).toEqual([201, -7]);
      expect((await balanceOf(worker)).balance).toBe(80);
    });

    it('hides workers outside the admin’s region and refuses workers and bad input', async () => {
      const outsider = await createUser(ctx.dataSource);
      await ledger.award({
        workerId: outsider.id,
        regionId: otherDistrict.id,
        kind: 'survey',
        idempotencyKey: newKey(),
      });
      await ledger.transfer({
        debit: regionPool(otherDistrict.id),
        credit: workerAccount(outsider.id, otherDistrict.id),
        amount: 3,
        kind: 'manual',
        idempotencyKey: newKey(),
      });
      const body = (userId: string) => ({
        userId,
        amount: 5,
        reason: '测试',
        idempotencyKey: newKey('adj'),
      });

      const outside = await adjust(body(outsider.id));
      const unknown = await adjust(body('6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f'));
      const asWorker = await adjust(body(worker.id), workerHeaders);
      const zero = await adjust({ ...body(worker.id), amount: 0 });
      const extra = await adjust({ ...body(worker.id), bonus: true });

      expect([outside.statusCode, unknown.statusCode, asWorker.statusCode]).toEqual([
        404, 404, 403,
      ]);
      expect(zero.json<ErrorEnvelope>().error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(extra.statusCode).toBe(400);
    });

    it('checks the ledger for admins only, and finds a tampered balance', async () => {
      const byWorker = await getJson<ErrorEnvelope>(
        ctx.app,
        '/api/v1/admin/ledger/check',
        workerHeaders,
      );
      const clean = await check();
      const accountId = accountIdOf(workerAccount(worker.id));
      await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .increment({ id: accountId }, 'balance', 5);
      const tampered = await check();
      await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .decrement({ id: accountId }, 'balance', 5);

      expect(byWorker.status).toBe(403);
      expect(clean).toMatchObject({ mismatches: [] });
      expect(clean.accounts).toBeGreaterThan(5);
      expect(clean.transfers).toBeGreaterThan(10);
      expect(tampered.mismatches).toEqual(
        expect.arrayContaining([
          { accountId, field: 'balance', cached: 85, computed: 80 },
          { accountId: null, field: 'books', cached: 5, computed: 0 },
        ]),
      );
      expect((await check()).mismatches).toEqual([]);
    });

    it('runs the same check from the CLI (exit 0 when clean)', () => {
      const apiDir = resolve(__dirname, '..');
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          join(__dirname, 'support', 'swc-register.js'),
          join(apiDir, 'src', 'cli', 'main.ts'),
          'ledger:check',
        ],
        {
          cwd: apiDir,
          env: { ...process.env, ...ctx.database.env, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );

      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ mismatches: [] });
    });
  });
});
