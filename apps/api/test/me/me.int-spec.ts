import { ConsentRecord, MeExport, MeResponse } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { MeController } from '../../src/modules/me/me.controller';
import { ConsentEntity } from '../../src/modules/users/consent.entity';
import { UserRoleEntity } from '../../src/modules/users/user-role.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import {
  createDistrict,
  createUser,
  sessionFor,
  signIn,
  signInBySms,
  TEST_PASSWORD,
  TestUser,
  uniquePhone,
} from '../support/accounts';
import { createRegion } from '../support/factories';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

describe(`${MeController.name} (integration)`, () => {
  const ctx = useTestApp();

  /** A worker with a phone and a nickname, and a fresh session of theirs. */
  async function newWorker(): Promise<TestUser & { accessToken: string; refreshToken: string }> {
    const user = await createUser(ctx.app, { phone: uniquePhone(), nickname: '老王' });
    return { ...user, ...(await sessionFor(ctx.app, user)) };
  }
  const getMe = (token: string) => api<MeResponse>(ctx.app, { path: '/me', token });
  const patchMe = (token: string, body: unknown) =>
    api<MeResponse>(ctx.app, { method: 'PATCH', path: '/me', token, body });
  const grant = (token: string, kind: string, version = '2026-11') =>
    api<ConsentRecord>(ctx.app, {
      method: 'POST',
      path: '/me/consents',
      token,
      body: { kind, version },
    });
  const withdraw = (token: string, kind: string) =>
    api(ctx.app, { method: 'DELETE', path: `/me/consents/${kind}`, token });
  const refresh = (refreshToken: string) =>
    api(ctx.app, { method: 'POST', path: '/auth/refresh', body: { refreshToken } });

  describe('PATCH /me', () => {
    it('changes nickname, occupation and platform', async () => {
      const worker = await newWorker();

      const response = await patchMe(worker.accessToken, {
        nickname: '  小李  ',
        occupation: 'delivery',
        platform: '美团',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        nickname: '小李',
        occupation: 'delivery',
        platform: '美团',
        phone: worker.phone,
      });
      expect((await getMe(worker.accessToken)).body.nickname).toBe('小李');
    });

    it.each<[string, (regionId: string) => Record<string, unknown>, string]>([
      ['role', () => ({ role: 'district_admin' }), 'role'],
      ['roles', (regionId) => ({ roles: [{ role: 'district_admin', regionId }] }), 'roles'],
      ['id', () => ({ id: randomUUID() }), 'id'],
      ['phone', () => ({ phone: '13800138000' }), 'phone'],
      ['username', () => ({ username: 'admin' }), 'username'],
      ['passwordHash', () => ({ passwordHash: 'x' }), 'passwordHash'],
      ['erasedAt', () => ({ erasedAt: null }), 'erasedAt'],
      ['a role next to an allowed field', () => ({ nickname: '新名字', role: 'handler' }), 'role'],
    ])('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_what, body, field) => {
      const worker = await newWorker();
      const region = await createRegion(ctx.dataSource, { level: 'district' });
      const rowBefore = await ctx.dataSource.getRepository(UserEntity).findOneByOrFail({
        id: worker.id,
      });
      const meBefore = await getMe(worker.accessToken);

      const response = await patchMe(worker.accessToken, body(region.id));

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body).toMatchObject({
        error: { details: expect.arrayContaining([expect.objectContaining({ field })]) },
      });
      expect((await getMe(worker.accessToken)).body).toEqual(meBefore.body);
      expect(
        await ctx.dataSource.getRepository(UserEntity).findOneByOrFail({ id: worker.id }),
      ).toEqual(rowBefore);
      const roles = await ctx.dataSource.getRepository(UserRoleEntity).findBy({
        userId: worker.id,
      });
      expect(roles.map((role) => role.role)).toEqual(['worker']);
    });

    it('refuses a nickname with markup', async () => {
      const worker = await newWorker();

      const response = await patchMe(worker.accessToken, { nickname: '<script>' });

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('consents', () => {
    it('records a consent, shows it on GET /me, and withdraws it', async () => {
      const worker = await newWorker();

      const granted = await grant(worker.accessToken, 'location');
      const withConsent = await getMe(worker.accessToken);
      const withdrawn = await withdraw(worker.accessToken, 'location');
      const without = await getMe(worker.accessToken);

      expect(granted.status).toBe(201);
      expect(granted.body).toEqual({
        kind: 'location',
        version: '2026-11',
        grantedAt: expect.any(String),
      });
      expect(withConsent.body.consents).toEqual([granted.body]);
      expect(withdrawn.status).toBe(204);
      expect(without.body.consents).toEqual([]);
    });

    it('keeps one active consent per kind: a new version supersedes the old', async () => {
      const worker = await newWorker();
      await grant(worker.accessToken, 'photos', '2026-01');
      await grant(worker.accessToken, 'photos', '2026-11');
      await grant(worker.accessToken, 'location');

      const { body } = await getMe(worker.accessToken);

      expect(body.consents.map(({ kind, version }) => [kind, version]).sort()).toEqual([
        ['location', '2026-11'],
        ['photos', '2026-11'],
      ]);
    });

    it.each([
      ['one never granted', 'photos'],
      ['an unknown kind', 'microphone'],
    ])('answers withdrawing %s with 404', async (_what, kind) => {
      const worker = await newWorker();
      await grant(worker.accessToken, 'location');

      expect(outcome(await withdraw(worker.accessToken, kind))).toEqual([404, 'NOT_FOUND']);
    });

    it('answers withdrawing twice with 404 the second time', async () => {
      const worker = await newWorker();
      await grant(worker.accessToken, 'location');

      expect((await withdraw(worker.accessToken, 'location')).status).toBe(204);
      expect(outcome(await withdraw(worker.accessToken, 'location'))).toEqual([404, 'NOT_FOUND']);
    });

    it.each([
      ['an unknown kind', { kind: 'microphone', version: '1' }],
      ['no version', { kind: 'location' }],
      ['a version with spaces', { kind: 'location', version: 'v 1' }],
      ['an unknown field', { kind: 'location', version: '1', userId: randomUUID() }],
    ])('refuses a grant with %s with 400', async (_what, body) => {
      const worker = await newWorker();

      const response = await api(ctx.app, {
        method: 'POST',
        path: '/me/consents',
        token: worker.accessToken,
        body,
      });

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('records consents of many workers at once', async () => {
      const workers: Array<{ accessToken: string }> = [];
      for (let index = 0; index < 12; index += 1) workers.push(await newWorker());

      const results = await Promise.all(
        workers.map((worker) => grant(worker.accessToken, 'location')),
      );

      expect(results.map((result) => result.status)).toEqual(workers.map(() => 201));
    });
  });

  describe('GET /me/export', () => {
    it('contains the profile, every consent (withdrawn ones too) and the sessions', async () => {
      const worker = await newWorker();
      const second = await sessionFor(ctx.app, worker);
      await grant(worker.accessToken, 'location');
      await grant(worker.accessToken, 'photos');
      await withdraw(worker.accessToken, 'photos');
      await refresh(second.refreshToken);

      const response = await api<MeExport>(ctx.app, {
        path: '/me/export',
        token: worker.accessToken,
      });

      expect(response.status).toBe(200);
      expect(response.body.profile).toMatchObject({
        id: worker.id,
        phone: worker.phone,
        nickname: '老王',
      });
      expect(response.body.consents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'location', withdrawnAt: null }),
          expect.objectContaining({ kind: 'photos', withdrawnAt: expect.any(String) }),
        ]),
      );
      // Two logins, one of them refreshed once: three refresh tokens, one used.
      expect(response.body.sessions).toHaveLength(3);
      expect(response.body.sessions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ lastUsedAt: expect.any(String), revoked: false }),
        ]),
      );
      expect(response.text).not.toMatch(/token_?hash|refreshToken/i);
    });

    it('contains the points balance, the whole points history and the redemptions', async () => {
      const worker = await newWorker();
      const district = await createDistrict(ctx.app, '导出区');
      const admin = await sessionFor(ctx.app, district.staff.district_admin);
      const credit = await api(ctx.app, {
        method: 'POST',
        path: '/points/adjustments',
        token: admin.accessToken,
        body: {
          userId: worker.id,
          amount: 50,
          reason: '志愿服务',
          idempotencyKey: 'export-credit-1',
        },
      });
      const reward = await api<{ id: string }>(ctx.app, {
        method: 'POST',
        path: '/rewards',
        token: admin.accessToken,
        body: { title: '爱心午餐', pointsCost: 20, merchantId: district.merchant.id },
      });
      const redeemed = await api<{ code: string }>(ctx.app, {
        method: 'POST',
        path: '/redemptions',
        token: worker.accessToken,
        body: { rewardId: reward.body.id, idempotencyKey: 'export-redeem-1' },
      });
      expect([credit.status, reward.status, redeemed.status]).toEqual([201, 201, 201]);

      const response = await api<MeExport>(ctx.app, {
        path: '/me/export',
        token: worker.accessToken,
      });

      expect(response.body.points).toMatchObject({
        balance: 30,
        history: [
          expect.objectContaining({ amount: -20, kind: 'redemption' }),
          expect.objectContaining({ amount: 50, kind: 'manual' }),
        ],
      });
      expect(response.body.redemptions).toEqual([
        expect.objectContaining({ code: redeemed.body.code, status: 'issued', pointsCost: 20 }),
      ]);
    });
  });

  describe('DELETE /me', () => {
    it('erases the account: sessions end, the token stops working, the row stays anonymous', async () => {
      const worker = await newWorker();
      await grant(worker.accessToken, 'location');

      const erased = await api(ctx.app, {
        method: 'DELETE',
        path: '/me',
        token: worker.accessToken,
      });

      expect(erased.status).toBe(204);
      expect(outcome(await refresh(worker.refreshToken))).toEqual([401, 'UNAUTHENTICATED']);
      expect(outcome(await getMe(worker.accessToken))).toEqual([401, 'UNAUTHENTICATED']);
      expect(
        outcome(await api(ctx.app, { path: '/me/export', token: worker.accessToken })),
      ).toEqual([401, 'UNAUTHENTICATED']);
      const row = await ctx.dataSource.getRepository(UserEntity).findOneByOrFail({
        id: worker.id,
      });
      expect(row).toMatchObject({
        nickname: null,
        occupation: null,
        platform: null,
        phoneCipher: null,
        phoneIndex: null,
        username: null,
        passwordHash: null,
        erasedAt: expect.any(Date),
      });
      expect(await ctx.dataSource.getRepository(ConsentEntity).countBy({ userId: worker.id })).toBe(
        0,
      );
      expect(
        await ctx.dataSource.getRepository(UserRoleEntity).countBy({ userId: worker.id }),
      ).toBe(0);
    });

    it('frees the phone: signing in with it again makes a new, empty account', async () => {
      const phone = uniquePhone();
      const first = await signInBySms(ctx.app, ctx.database.dataDir, phone);
      await api(ctx.app, { method: 'DELETE', path: '/me', token: first.accessToken });
      ctx.setNow(new Date(Date.now() + 61_000)); // the next code for this phone may be sent
      try {
        const second = await signInBySms(ctx.app, ctx.database.dataDir, phone);

        expect(second.user.id).not.toBe(first.user.id);
        expect(second.user).toMatchObject({ phone, nickname: null, consents: [] });
      } finally {
        ctx.restoreNow();
      }
    });

    it('erases a staff account: its username no longer signs in, and the erasure is audited', async () => {
      const region = await createRegion(ctx.dataSource, { level: 'district' });
      const handler = await createUser(ctx.app, {
        grants: [{ role: 'handler', region }],
        nickname: '处置员',
      });
      const session = await signIn(ctx.app, handler.username ?? '');

      const erased = await api(ctx.app, {
        method: 'DELETE',
        path: '/me',
        token: session.accessToken,
      });
      const login = await api(ctx.app, {
        method: 'POST',
        path: '/auth/login',
        body: { username: handler.username, password: TEST_PASSWORD },
      });

      expect(erased.status).toBe(204);
      expect(outcome(login)).toEqual([401, 'UNAUTHENTICATED']);
      // The erased admin's unexpired access token reaches no staff route either.
      const staffList = await api(ctx.app, { path: '/staff', token: session.accessToken });
      expect(outcome(staffList)).toEqual([401, 'UNAUTHENTICATED']);
      const entry = await ctx.dataSource.getRepository(AuditEntryEntity).findOneBy({
        action: 'account.erase',
        targetId: handler.id,
      });
      expect(entry).toMatchObject({ actorId: handler.id, regionId: region.id });
    });

    it('erases many accounts at once', async () => {
      const workers: Array<{ accessToken: string }> = [];
      for (let index = 0; index < 8; index += 1) workers.push(await newWorker());

      const results = await Promise.all(
        workers.map((worker) =>
          api(ctx.app, { method: 'DELETE', path: '/me', token: worker.accessToken }),
        ),
      );

      expect(results.map((result) => result.status)).toEqual(workers.map(() => 204));
    });
  });
});
