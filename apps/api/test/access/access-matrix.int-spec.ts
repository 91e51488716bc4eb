import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { AccessTokenGuard } from '../../src/modules/access/access-token.guard';
import {
  createDistrict,
  createUser,
  District,
  GrantInput,
  sessionFor,
  TEST_PASSWORD,
  TestUser,
  uniquePhone,
  uniqueUsername,
} from '../support/accounts';
import { api, ApiRequest, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

type Caller = 'anonymous' | Role;
const CALLERS: readonly Caller[] = [
  'anonymous',
  'worker',
  'station_manager',
  'handler',
  'merchant_staff',
  'district_admin',
];

/** Who calls one row of the matrix: a fresh session of a liuyang account of that role. */
interface CallerSession {
  caller: Caller;
  accessToken?: string;
  refreshToken: string;
}

interface Endpoint {
  route: string;
  expected: Record<Caller, number>;
  /** DELETE /me ends the account: such rows get an account of their own. */
  freshAccount?: boolean;
  /** Builds the request (arranging what it needs first) for one caller. */
  request(session: CallerSession, world: World): Promise<ApiRequest> | ApiRequest;
}

interface World {
  app: NestFastifyApplication;
  liuyang: District;
  hanyang: District;
  /** An account any caller may sign in as with POST /auth/login. */
  loginAccount: TestUser;
}

const everyone = (status: number): Record<Caller, number> => ({
  anonymous: status,
  worker: status,
  station_manager: status,
  handler: status,
  merchant_staff: status,
  district_admin: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number) => ({
  ...everyone(403),
  anonymous: 401,
  district_admin: status,
});

/** What the district's admins and the station's own manager may call about it. */
const stationStaff = (status: number) => ({
  ...adminOnly(status),
  station_manager: status,
});
const newStationBody = (regionId: string) => ({
  regionId,
  name: `矩阵驿站 ${randomUUID().slice(0, 8)}`,
  brand: '测试',
  address: '测试路 2 号',
  lat: 28.16,
  lng: 113.64,
});

const newStaffBody = (regionId: string) => ({
  username: uniqueUsername('matrix'),
  password: 'a-fresh-staff-password',
  role: 'handler',
  regionId,
});
const newMerchantBody = (regionId: string) => ({
  name: `矩阵商户 ${randomUUID().slice(0, 8)}`,
  address: '测试路 1 号',
  lat: 28.16,
  lng: 113.64,
  regionId,
});

/** Every endpoint that exists now, and what each caller gets from it. */
const ENDPOINTS: Endpoint[] = [
  { route: 'GET /regions', expected: everyone(200), request: () => ({ path: '/regions' }) },
  { route: 'GET /stations', expected: everyone(200), request: () => ({ path: '/stations' }) },
  {
    route: 'GET /stations/:id',
    expected: everyone(200),
    request: (_session, world) => ({ path: `/stations/${world.liuyang.station.id}` }),
  },
  {
    route: 'GET /stations/:id (absent)',
    expected: everyone(404),
    request: () => ({ path: `/stations/${randomUUID()}` }),
  },
  {
    route: 'POST /stations (own district)',
    expected: adminOnly(201),
    request: (_session, world) => ({
      method: 'POST',
      path: '/stations',
      body: newStationBody(world.liuyang.street.id),
    }),
  },
  {
    route: 'POST /stations (other district)',
    expected: adminOnly(404),
    request: (_session, world) => ({
      method: 'POST',
      path: '/stations',
      body: newStationBody(world.hanyang.street.id),
    }),
  },
  {
    // Sends what is stored, so the world's station stays as it is.
    route: 'PATCH /stations/:id (status)',
    expected: stationStaff(200),
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/stations/${world.liuyang.station.id}`,
      body: { status: world.liuyang.station.status },
    }),
  },
  {
    route: 'PATCH /stations/:id (name)',
    expected: { ...stationStaff(200), station_manager: 403 },
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/stations/${world.liuyang.station.id}`,
      body: { name: world.liuyang.station.name },
    }),
  },
  {
    route: 'PATCH /stations/:id (other district)',
    expected: stationStaff(404),
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/stations/${world.hanyang.station.id}`,
      body: { status: 'open' },
    }),
  },
  {
    route: 'POST /stations/:id/code-rotation',
    expected: adminOnly(200),
    request: (_session, world) => ({
      method: 'POST',
      path: `/stations/${world.liuyang.station.id}/code-rotation`,
    }),
  },
  {
    route: 'POST /stations/:id/code-rotation (other district)',
    expected: adminOnly(404),
    request: (_session, world) => ({
      method: 'POST',
      path: `/stations/${world.hanyang.station.id}/code-rotation`,
    }),
  },
  {
    route: 'GET /stations/:id/live-code',
    expected: stationStaff(200),
    request: (_session, world) => ({ path: `/stations/${world.liuyang.station.id}/live-code` }),
  },
  {
    route: 'GET /stations/:id/live-code (other district)',
    expected: stationStaff(404),
    request: (_session, world) => ({ path: `/stations/${world.hanyang.station.id}/live-code` }),
  },
  {
    route: 'GET /stations/:id/poster',
    expected: stationStaff(200),
    request: (_session, world) => ({ path: `/stations/${world.liuyang.station.id}/poster` }),
  },
  {
    route: 'GET /stations/:id/poster (other district)',
    expected: stationStaff(404),
    request: (_session, world) => ({ path: `/stations/${world.hanyang.station.id}/poster` }),
  },
  {
    route: 'POST /auth/login',
    expected: everyone(200),
    request: (_session, world) => ({
      method: 'POST',
      path: '/auth/login',
      body: { username: world.loginAccount.username, password: TEST_PASSWORD },
    }),
  },
  {
    route: 'POST /auth/sms/send',
    expected: everyone(200),
    request: () => ({ method: 'POST', path: '/auth/sms/send', body: { phone: uniquePhone() } }),
  },
  {
    route: 'POST /auth/sms/login (wrong code)',
    expected: everyone(401),
    request: () => ({
      method: 'POST',
      path: '/auth/sms/login',
      body: { phone: uniquePhone(), code: '000000' },
    }),
  },
  {
    // Public, so never 401/403 for the caller; this app has no WeChat credentials.
    route: 'POST /auth/wechat (not configured)',
    expected: everyone(503),
    request: () => ({ method: 'POST', path: '/auth/wechat', body: { code: 'wx-login-code' } }),
  },
  {
    route: 'POST /auth/refresh',
    expected: signedIn(200),
    request: (session) => ({
      method: 'POST',
      path: '/auth/refresh',
      body: { refreshToken: session.refreshToken },
    }),
  },
  {
    route: 'POST /auth/logout',
    expected: signedIn(204),
    request: (session) => ({
      method: 'POST',
      path: '/auth/logout',
      body: { refreshToken: session.refreshToken },
    }),
  },
  { route: 'GET /me', expected: signedIn(200), request: () => ({ path: '/me' }) },
  {
    route: 'PATCH /me',
    expected: signedIn(200),
    request: () => ({ method: 'PATCH', path: '/me', body: { nickname: '矩阵' } }),
  },
  { route: 'GET /me/export', expected: signedIn(200), request: () => ({ path: '/me/export' }) },
  {
    route: 'POST /me/consents',
    expected: signedIn(201),
    request: () => ({
      method: 'POST',
      path: '/me/consents',
      body: { kind: 'location', version: '2026-11' },
    }),
  },
  {
    route: 'DELETE /me/consents/:kind',
    expected: signedIn(204),
    request: async (session, world) => {
      if (session.accessToken) {
        const granted = await api(world.app, {
          method: 'POST',
          path: '/me/consents',
          token: session.accessToken,
          body: { kind: 'photos', version: '2026-11' },
        });
        expect(granted.status).toBe(201);
      }
      return { method: 'DELETE', path: '/me/consents/photos' };
    },
  },
  {
    route: 'DELETE /me',
    expected: signedIn(204),
    freshAccount: true,
    request: () => ({ method: 'DELETE', path: '/me' }),
  },
  { route: 'GET /staff', expected: adminOnly(200), request: () => ({ path: '/staff' }) },
  {
    route: 'POST /staff (own district)',
    expected: adminOnly(201),
    request: (_session, world) => ({
      method: 'POST',
      path: '/staff',
      body: newStaffBody(world.liuyang.street.id),
    }),
  },
  {
    route: 'POST /staff (other district)',
    expected: adminOnly(404),
    request: (_session, world) => ({
      method: 'POST',
      path: '/staff',
      body: newStaffBody(world.hanyang.district.id),
    }),
  },
  { route: 'GET /merchants', expected: signedIn(200), request: () => ({ path: '/merchants' }) },
  {
    route: 'POST /merchants (own district)',
    expected: adminOnly(201),
    request: (_session, world) => ({
      method: 'POST',
      path: '/merchants',
      body: newMerchantBody(world.liuyang.street.id),
    }),
  },
  {
    route: 'POST /merchants (other district)',
    expected: adminOnly(404),
    request: (_session, world) => ({
      method: 'POST',
      path: '/merchants',
      body: newMerchantBody(world.hanyang.street.id),
    }),
  },
  {
    // Sends nothing to change, so the world's merchant stays as it is.
    route: 'PATCH /merchants/:id (own district)',
    expected: adminOnly(200),
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/merchants/${world.liuyang.merchant.id}`,
      body: {},
    }),
  },
  {
    route: 'PATCH /merchants/:id (other district)',
    expected: adminOnly(404),
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/merchants/${world.hanyang.merchant.id}`,
      body: {},
    }),
  },
  {
    // An unknown number: district admins are told it is not found, everyone else is refused.
    route: 'GET /admin/workers?phone=',
    expected: adminOnly(404),
    request: () => ({ path: '/admin/workers?phone=13900000000' }),
  },
  { route: 'GET /audit-log', expected: adminOnly(200), request: () => ({ path: '/audit-log' }) },
  {
    // Sends the photos it has (none), so the world's station stays as it is.
    route: 'PATCH /stations/:id (photos)',
    expected: { ...stationStaff(200), station_manager: 403 },
    request: (_session, world) => ({
      method: 'PATCH',
      path: `/stations/${world.liuyang.station.id}`,
      body: { photoMediaIds: [] },
    }),
  },
  {
    // Photos are read by signed URL only: a token, any role's, is no way in.
    route: 'GET /media/:id/full (unsigned)',
    expected: everyone(404),
    request: () => ({ path: `/media/${randomUUID()}/full` }),
  },
];

const ERROR_CODE_OF: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  503: 'SERVICE_UNAVAILABLE',
};

const MATRIX = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => [endpoint.route, caller, endpoint.expected[caller]] as const),
);

describe(`Access matrix: every role against every endpoint (${AccessTokenGuard.name} and friends)`, () => {
  const ctx = useTestApp();
  let world: World;
  const grants = (): Record<Role, GrantInput> => ({
    worker: { role: 'worker' },
    station_manager: { role: 'station_manager', station: world.liuyang.station },
    handler: { role: 'handler', region: world.liuyang.district },
    merchant_staff: { role: 'merchant_staff', merchant: world.liuyang.merchant },
    district_admin: { role: 'district_admin', region: world.liuyang.district },
  });
  const accounts = new Map<Role, TestUser>();

  beforeAll(async () => {
    const liuyang = await createDistrict(ctx.app, 'liuyang');
    const hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    const loginAccount = await createUser(ctx.app, {
      grants: [{ role: 'handler', region: liuyang.district }],
    });
    world = { app: ctx.app, liuyang, hanyang, loginAccount };
    accounts.set('worker', await createUser(ctx.app));
    for (const role of [
      'station_manager',
      'handler',
      'merchant_staff',
      'district_admin',
    ] as const) {
      accounts.set(role, liuyang.staff[role]);
    }
  });

  async function sessionOf(caller: Caller, fresh: boolean): Promise<CallerSession> {
    if (caller === 'anonymous') return { caller, refreshToken: 'not-a-refresh-token-of-anyone' };
    const account = fresh
      ? await createUser(ctx.app, { grants: [grants()[caller]] })
      : accounts.get(caller);
    if (!account) throw new Error(`no account for ${caller}`);
    const tokens = await sessionFor(ctx.app, account);
    return { caller, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  it.each(MATRIX)('%s as %s → %i', async (route, caller, expected) => {
    const endpoint = ENDPOINTS.find((candidate) => candidate.route === route);
    if (!endpoint) throw new Error(`no endpoint ${route}`);
    const session = await sessionOf(caller, endpoint.freshAccount === true);

    const request = await endpoint.request(session, world);
    const response = await api(ctx.app, { ...request, token: session.accessToken });

    expect(outcome(response)).toEqual([expected, ERROR_CODE_OF[expected]]);
  });
});
