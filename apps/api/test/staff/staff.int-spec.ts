import { AuditEntry, AuthResponse, Page, StaffAccount } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { StaffController } from '../../src/modules/staff/staff.controller';
import { UserEntity } from '../../src/modules/users/user.entity';
import {
  createDistrict,
  createUser,
  District,
  sessionFor,
  StaffRole,
  uniqueUsername,
} from '../support/accounts';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

const NEW_PASSWORD = 'a-fresh-staff-password';

describe(`${StaffController.name} (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang');
  });

  /** A district admin of liuyang of their own (POST /staff is rate-limited per account). */
  async function adminToken(): Promise<string> {
    const admin = await createUser(ctx.app, {
      grants: [{ role: 'district_admin', region: liuyang.district }],
    });
    return (await sessionFor(ctx.app, admin)).accessToken;
  }
  const createStaff = (token: string, body: Record<string, unknown>) =>
    api<StaffAccount>(ctx.app, { method: 'POST', path: '/staff', token, body });

  /** The one scope field each role takes, as API.md describes POST /staff. */
  const scopes: Array<[StaffRole, () => Record<string, string>, () => Partial<StaffAccount>]> = [
    [
      'district_admin',
      () => ({ regionId: liuyang.district.id }),
      () => ({ regionId: liuyang.district.id, stationId: null, merchantId: null }),
    ],
    [
      'handler',
      () => ({ regionId: liuyang.street.id }),
      () => ({ regionId: liuyang.street.id, stationId: null, merchantId: null }),
    ],
    [
      'station_manager',
      () => ({ stationId: liuyang.station.id }),
      () => ({
        regionId: liuyang.station.regionId,
        stationId: liuyang.station.id,
        merchantId: null,
      }),
    ],
    [
      'merchant_staff',
      () => ({ merchantId: liuyang.merchant.id }),
      () => ({
        regionId: liuyang.merchant.regionId,
        stationId: null,
        merchantId: liuyang.merchant.id,
      }),
    ],
  ];

  it.each(scopes)(
    'creates a %s account that can sign in, and audits it without the password',
    async (role, scope, expectedScope) => {
      const token = await adminToken();
      const username = uniqueUsername('new');

      const created = await createStaff(token, {
        username,
        password: NEW_PASSWORD,
        role,
        nickname: '新同事',
        ...scope(),
      });

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        username,
        nickname: '新同事',
        role,
        ...expectedScope(),
        createdAt: expect.any(String),
      });
      const login = await api<AuthResponse>(ctx.app, {
        method: 'POST',
        path: '/auth/login',
        body: { username, password: NEW_PASSWORD },
      });
      expect(login.status).toBe(200);
      expect(login.body.user.roles).toEqual([{ role, ...expectedScope() }]);

      const audit = await api<Page<AuditEntry>>(ctx.app, {
        path: `/audit-log?action=staff.create&targetId=${created.body.id}`,
        token: await adminToken(),
      });
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'staff.create',
          targetType: 'user',
          targetId: created.body.id,
          regionId: expectedScope().regionId,
          actorRole: 'district_admin',
          after: expect.objectContaining({ username, role }),
        }),
      ]);
      const stored = await ctx.dataSource
        .getRepository(UserEntity)
        .findOneByOrFail({ id: created.body.id });
      for (const secret of [NEW_PASSWORD, stored.passwordHash ?? 'no hash', '$argon2']) {
        expect(audit.text).not.toContain(secret);
        expect(created.text).not.toContain(secret);
      }
      expect(audit.text).not.toMatch(/password/i);
    },
  );

  it.each<[string, () => Record<string, unknown>, string]>([
    ['station_manager without stationId', () => ({ role: 'station_manager' }), 'stationId'],
    ['merchant_staff without merchantId', () => ({ role: 'merchant_staff' }), 'merchantId'],
    ['handler without regionId', () => ({ role: 'handler' }), 'regionId'],
    ['district_admin without regionId', () => ({ role: 'district_admin' }), 'regionId'],
    [
      'handler with a stationId as well',
      () => ({ role: 'handler', regionId: liuyang.district.id, stationId: liuyang.station.id }),
      'stationId',
    ],
    [
      'station_manager with a regionId as well',
      () => ({
        role: 'station_manager',
        stationId: liuyang.station.id,
        regionId: liuyang.street.id,
      }),
      'regionId',
    ],
    [
      'merchant_staff given a stationId instead',
      () => ({ role: 'merchant_staff', stationId: liuyang.station.id }),
      'stationId',
    ],
    ['the worker role', () => ({ role: 'worker', regionId: liuyang.district.id }), 'role'],
    ['an unknown role', () => ({ role: 'root', regionId: liuyang.district.id }), 'role'],
    [
      'an unknown field',
      () => ({ role: 'handler', regionId: liuyang.district.id, roles: ['district_admin'] }),
      'roles',
    ],
    ['a regionId that is no UUID', () => ({ role: 'handler', regionId: 'liuyang' }), 'regionId'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_what, body, field) => {
    const username = uniqueUsername('invalid');

    const response = await createStaff(await adminToken(), {
      username,
      password: NEW_PASSWORD,
      ...body(),
    });

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    expect(response.body).toMatchObject({
      error: { details: expect.arrayContaining([expect.objectContaining({ field })]) },
    });
    expect(await ctx.dataSource.getRepository(UserEntity).countBy({ username })).toBe(0);
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an upper-case username', { username: 'Zhang.San' }, 'username'],
    ['a username with spaces', { username: 'zhang san' }, 'username'],
  ])('refuses %s with 400', async (_what, override, field) => {
    const response = await createStaff(await adminToken(), {
      username: uniqueUsername('x'),
      password: NEW_PASSWORD,
      role: 'handler',
      regionId: liuyang.district.id,
      ...override,
    });

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    expect(response.body).toMatchObject({
      error: { details: expect.arrayContaining([expect.objectContaining({ field })]) },
    });
  });

  it('answers a username already in use with 409 USERNAME_TAKEN', async () => {
    const token = await adminToken();
    const username = uniqueUsername('dup');
    const body = {
      username,
      password: NEW_PASSWORD,
      role: 'handler',
      regionId: liuyang.district.id,
    };
    expect((await createStaff(token, body)).status).toBe(201);

    const again = await createStaff(token, body);
    const asOtherRole = await createStaff(token, {
      ...body,
      role: 'station_manager',
      regionId: undefined,
      stationId: liuyang.station.id,
    });

    expect(outcome(again)).toEqual([409, 'USERNAME_TAKEN']);
    expect(outcome(asOtherRole)).toEqual([409, 'USERNAME_TAKEN']);
    expect(await ctx.dataSource.getRepository(UserEntity).countBy({ username })).toBe(1);
  });

  it('answers 409 USERNAME_TAKEN for a username of an existing account elsewhere', async () => {
    const existing = liuyang.staff.merchant_staff.username ?? '';

    const response = await createStaff(await adminToken(), {
      username: existing,
      password: NEW_PASSWORD,
      role: 'handler',
      regionId: liuyang.district.id,
    });

    expect(outcome(response)).toEqual([409, 'USERNAME_TAKEN']);
  });

  it('answers a scope that does not exist with 404', async () => {
    const token = await adminToken();
    const base = { username: uniqueUsername('ghost'), password: NEW_PASSWORD };

    const responses = await Promise.all([
      createStaff(token, { ...base, role: 'handler', regionId: randomUUID() }),
      createStaff(token, { ...base, role: 'station_manager', stationId: randomUUID() }),
      createStaff(token, { ...base, role: 'merchant_staff', merchantId: randomUUID() }),
    ]);

    expect(responses.map(outcome)).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
    ]);
  });

  it('lists the accounts of the region by username, page by page', async () => {
    const token = await adminToken();
    const pages: StaffAccount[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = await api<Page<StaffAccount>>(ctx.app, { path: `/staff${query}`, token });
      expect(page.status).toBe(200);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);

    const usernames = pages.flat().map((account) => account.username);
    expect(pages.slice(0, -1).every((items) => items.length === 2)).toBe(true);
    expect(usernames).toEqual([...usernames].sort());
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toEqual(
      expect.arrayContaining(Object.values(liuyang.staff).map((account) => account.username ?? '')),
    );
  });
});
