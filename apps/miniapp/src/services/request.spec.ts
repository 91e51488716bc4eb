import { API_PREFIX, ErrorCode } from '@yizhan/contracts';
import { taroFake, type FakeResponse } from '../../test/taro-fake';
import { ApiError, ClientErrorCode } from './api-error';
import { buildQuery, request, setTokenRefresher, type TokenRefresher } from './request';
import { session } from './session';

const ok = (data: unknown): Promise<FakeResponse> => Promise.resolve({ statusCode: 200, data });

function headersOf(index: number): Record<string, string> {
  return (taroFake.requests[index]?.header ?? {}) as Record<string, string>;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe(request.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  it('resolves with the JSON body of a 2xx answer and sends the prefix, request id and timeout', async () => {
    taroFake.requestHandler = () => ok({ items: [], nextCursor: null });

    await expect(
      request('/stations', { query: { lat: 28.16, lng: 113.64, q: undefined } }),
    ).resolves.toEqual({
      items: [],
      nextCursor: null,
    });

    const sent = taroFake.requests[0];
    expect(sent?.url).toBe(`${API_PREFIX}/stations?lat=28.16&lng=113.64`);
    expect(sent?.method).toBe('GET');
    expect(typeof sent?.timeout).toBe('number');
    expect(headersOf(0)['x-request-id']).toMatch(/^mp-/);
    expect(headersOf(0).Authorization).toBeUndefined();
  });

  it('sends the stored access token as a Bearer header', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    taroFake.requestHandler = () => ok({});

    await expect(request('/me')).resolves.toEqual({});

    expect(headersOf(0).Authorization).toBe('Bearer access-1');
  });

  it('turns an error envelope into an ApiError with code, status, details and request id', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 400,
        data: {
          error: {
            code: ErrorCode.VALIDATION_FAILED,
            message: 'lat must be a latitude',
            details: [{ field: 'lat', constraints: ['isLatitude'] }],
            requestId: 'req-42',
          },
        },
      });

    const error = await caught(request('/stations', { query: { lat: 999 } }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.status).toBe(400);
    expect(error.requestId).toBe('req-42');
    expect(error.details).toEqual([{ field: 'lat', constraints: ['isLatitude'] }]);
  });

  it('gives a non-envelope error body a code from its status and the response request id', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 502,
        data: '<html>Bad Gateway</html>',
        header: { 'X-Request-Id': 'gw-1' },
      });

    const error = await caught(request('/stations'));

    expect(error.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(error.status).toBe(502);
    expect(error.requestId).toBe('gw-1');
  });

  it('throws NETWORK_ERROR when no answer arrives (offline, timeout)', async () => {
    taroFake.requestHandler = () => Promise.reject({ errMsg: 'request:fail timeout' });

    const error = await caught(request('/stations'));

    expect(error.code).toBe(ClientErrorCode.NetworkError);
    expect(error.status).toBe(0);
    expect(error.message).toBe('request:fail timeout');
    expect(error.requestId).toMatch(/^mp-/);
  });

  it('on a 401 refreshes once with the refresh token, stores the new pair and retries', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    const refresher = jest.fn<ReturnType<TokenRefresher>, Parameters<TokenRefresher>>(() =>
      Promise.resolve({ accessToken: 'new-access', refreshToken: 'new-refresh' }),
    );
    setTokenRefresher(refresher);
    taroFake.requestHandler = (option) => {
      const auth = (option.header as Record<string, string>).Authorization;
      return auth === 'Bearer new-access'
        ? ok({ id: 'me' })
        : Promise.resolve({
            statusCode: 401,
            data: { error: { code: ErrorCode.UNAUTHENTICATED, message: 'expired' } },
          });
    };

    await expect(request('/me')).resolves.toEqual({ id: 'me' });

    expect(refresher).toHaveBeenCalledTimes(1);
    expect(refresher).toHaveBeenCalledWith('old-refresh');
    expect(taroFake.requests).toHaveLength(2);
    expect(session.get()).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh' });
  });

  it('throws the 401 and clears the session when the refresh fails, without looping', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'dead-refresh' });
    const refresher = jest.fn<ReturnType<TokenRefresher>, Parameters<TokenRefresher>>(() =>
      Promise.reject(
        new ApiError({ code: ErrorCode.UNAUTHENTICATED, status: 401, message: 'dead' }),
      ),
    );
    setTokenRefresher(refresher);
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 401,
        data: { error: { code: ErrorCode.UNAUTHENTICATED, message: 'expired' } },
      });

    const error = await caught(request('/me'));

    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(taroFake.requests).toHaveLength(1);
    expect(session.get()).toBeNull();
  });

  it('does not refresh a 401 when no refresher is registered', async () => {
    session.set({ accessToken: 'a', refreshToken: 'r' });
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 401,
        data: { error: { code: 'UNAUTHENTICATED', message: 'no' } },
      });

    await expect(request('/me')).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      status: 401,
    });
    expect(taroFake.requests).toHaveLength(1);
  });
});

describe(buildQuery.name, () => {
  it('skips empty values, joins arrays with commas and encodes', () => {
    expect(
      buildQuery({ amenities: ['battery_swap', 'water'], openNow: true, q: '', cursor: null }),
    ).toBe('?amenities=battery_swap%2Cwater&openNow=true');
    expect(buildQuery({ q: '才常 广场' })).toBe('?q=%E6%89%8D%E5%B8%B8%20%E5%B9%BF%E5%9C%BA');
    expect(buildQuery({})).toBe('');
  });
});
