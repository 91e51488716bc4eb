/** Test data and answers shaped by the contract, so each test states only what it is about. */
import {
  API_PREFIX,
  type AuthResponse,
  type ConsentRecord,
  type ErrorCode,
  type MeResponse,
} from '@yizhan/contracts';
import { taroFake, type FakeResponse } from './taro-fake';

export function meResponse(extra: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'user-1',
    nickname: '小李',
    occupation: 'delivery',
    platform: '美团',
    phone: '13800138000',
    username: null,
    roles: [{ role: 'worker' }],
    consents: [],
    createdAt: '2026-11-01T08:00:00+08:00',
    ...extra,
  };
}

export function consentRecord(extra: Partial<ConsentRecord> = {}): ConsentRecord {
  return { kind: 'location', version: '2026-11', grantedAt: '2026-11-20T09:00:00+08:00', ...extra };
}

export function authResponse(
  user: MeResponse = meResponse(),
  tokens: { accessToken?: string; refreshToken?: string } = {},
): AuthResponse {
  return {
    accessToken: tokens.accessToken ?? 'access-1',
    accessTokenExpiresAt: '2026-11-24T10:15:00+08:00',
    refreshToken: tokens.refreshToken ?? 'refresh-token-0000000001',
    refreshTokenExpiresAt: '2026-12-24T10:00:00+08:00',
    user,
  };
}

export function ok(data: unknown, statusCode = 200): Promise<FakeResponse> {
  return Promise.resolve({ statusCode, data });
}

export function noContent(): Promise<FakeResponse> {
  return Promise.resolve({ statusCode: 204, data: '' });
}

export function fail(
  statusCode: number,
  code: ErrorCode | string,
  header?: Record<string, string>,
  details?: unknown,
): Promise<FakeResponse> {
  return Promise.resolve({
    statusCode,
    data: {
      error: { code, message: `test: ${code}`, ...(details === undefined ? {} : { details }) },
    },
    header,
  });
}

export type RouteHandler = (option: Taro.request.Option) => Promise<FakeResponse>;

/**
 * Answers requests by `METHOD /path` (query ignored); anything else is a 404 envelope, so a
 * call the test did not expect fails loudly instead of resolving with null.
 */
export function serveRoutes(routes: Record<string, RouteHandler>): void {
  taroFake.requestHandler = (option) => {
    const path = option.url.replace(API_PREFIX, '').split('?')[0] ?? '';
    const handler = routes[`${option.method ?? 'GET'} ${path}`];
    return handler ? handler(option) : fail(404, 'NOT_FOUND');
  };
}

/** The JSON body a request sent. */
export function bodyOf(option: Taro.request.Option | undefined): unknown {
  return option?.data;
}

/** Requests sent to `METHOD /path`. */
export function sentTo(route: string): Taro.request.Option[] {
  return taroFake.requests.filter((option) => {
    const path = option.url.replace(API_PREFIX, '').split('?')[0] ?? '';
    return `${option.method ?? 'GET'} ${path}` === route;
  });
}
