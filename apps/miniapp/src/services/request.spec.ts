import { API_PREFIX, ErrorCode } from '@yizhan/contracts';
import { taroFake, type FakeResponse } from '../../test/taro-fake';
import { ApiError, ClientErrorCode } from './api-error';
import {
  buildQuery,
  downloadToTempFile,
  parseRetryAfter,
  request,
  requestBytes,
  requestText,
  resolveApiUrl,
  setTokenRefresher,
  upload,
  type UploadProgress,
  type TokenRefresher,
} from './request';
import { session, type TokenPair } from './session';

const ok = (data: unknown): Promise<FakeResponse> => Promise.resolve({ statusCode: 200, data });

const unauthenticated = (): Promise<FakeResponse> =>
  Promise.resolve({
    statusCode: 401,
    data: { error: { code: ErrorCode.UNAUTHENTICATED, message: 'expired' } },
  });

/** Lets pending promise callbacks run (both requests reach their 401 before the refresh ends). */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

  it('keeps the stored tokens and throws the original 401 when the refresh gets no answer', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'live-refresh' });
    const refresher = jest.fn<ReturnType<TokenRefresher>, Parameters<TokenRefresher>>(() =>
      Promise.reject(
        new ApiError({ code: ClientErrorCode.NetworkError, status: 0, message: 'offline' }),
      ),
    );
    setTokenRefresher(refresher);
    taroFake.requestHandler = () => unauthenticated();

    const error = await caught(request('/me'));

    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(error.status).toBe(401);
    expect(session.get()).toEqual({ accessToken: 'old-access', refreshToken: 'live-refresh' });
  });

  it.each([500, 502, 503])(
    'keeps the stored tokens when the refresh answers %i',
    async (status) => {
      session.set({ accessToken: 'old-access', refreshToken: 'live-refresh' });
      setTokenRefresher(() =>
        Promise.reject(new ApiError({ code: 'SERVICE_UNAVAILABLE', status, message: 'down' })),
      );
      taroFake.requestHandler = () => unauthenticated();

      await expect(request('/me')).rejects.toMatchObject({ status: 401 });

      expect(session.get()).toEqual({ accessToken: 'old-access', refreshToken: 'live-refresh' });
    },
  );

  it('clears the session when the refresh is refused with 403', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'revoked-refresh' });
    setTokenRefresher(() =>
      Promise.reject(new ApiError({ code: ErrorCode.FORBIDDEN, status: 403, message: 'revoked' })),
    );
    taroFake.requestHandler = () => unauthenticated();

    await expect(request('/me')).rejects.toMatchObject({ status: 401 });

    expect(session.get()).toBeNull();
  });

  it('shares one refresh between concurrent 401s', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    let release: (pair: TokenPair) => void = () => undefined;
    const refresher = jest.fn<ReturnType<TokenRefresher>, Parameters<TokenRefresher>>(
      () => new Promise<TokenPair>((resolve) => (release = resolve)),
    );
    setTokenRefresher(refresher);
    taroFake.requestHandler = (option) =>
      (option.header as Record<string, string>).Authorization === 'Bearer new-access'
        ? ok({ url: option.url })
        : unauthenticated();

    const first = request('/me');
    const second = request('/stations');
    await flush();
    release({ accessToken: 'new-access', refreshToken: 'new-refresh' });

    await expect(first).resolves.toEqual({ url: `${API_PREFIX}/me` });
    await expect(second).resolves.toEqual({ url: `${API_PREFIX}/stations` });
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('retries with the pair another call already refreshed instead of presenting a dead token', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    const refresher = jest.fn<ReturnType<TokenRefresher>, Parameters<TokenRefresher>>();
    setTokenRefresher(refresher);
    taroFake.requestHandler = (option) => {
      if ((option.header as Record<string, string>).Authorization === 'Bearer new-access') {
        return ok({ id: 'me' });
      }
      // The refresh of another screen lands while this request is on the wire.
      session.set({ accessToken: 'new-access', refreshToken: 'new-refresh' });
      return unauthenticated();
    };

    await expect(request('/me')).resolves.toEqual({ id: 'me' });

    expect(refresher).not.toHaveBeenCalled();
  });

  it('does not bring back a session signed out while the refresh was under way', async () => {
    session.set({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    setTokenRefresher(() => {
      session.clear();
      return Promise.resolve({ accessToken: 'new-access', refreshToken: 'new-refresh' });
    });
    taroFake.requestHandler = () => unauthenticated();

    await expect(request('/me')).rejects.toMatchObject({ status: 401 });

    expect(session.get()).toBeNull();
  });

  it('reads Retry-After of a 429 into retryAfterSeconds', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 429,
        data: { error: { code: ErrorCode.RATE_LIMITED, message: 'slow down' } },
        header: { 'Retry-After': '42' },
      });

    const error = await caught(request('/auth/sms/send', { method: 'POST', body: {} }));

    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('falls back to details.retryAfterSeconds when the header is not readable', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 429,
        data: {
          error: {
            code: ErrorCode.RATE_LIMITED,
            message: 'locked',
            details: { retryAfterSeconds: 900 },
          },
        },
      });

    const error = await caught(request('/auth/login', { method: 'POST', body: {} }));

    expect(error.retryAfterSeconds).toBe(900);
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

describe(requestBytes.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  it('asks for an arraybuffer with the access token and resolves with the bytes', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]).buffer;
    taroFake.requestHandler = () => ok(png);

    const bytes = await requestBytes('/redemptions/r1/qr');

    expect(new Uint8Array(bytes)).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
    const sent = taroFake.requests[0];
    expect(sent?.responseType).toBe('arraybuffer');
    expect(sent?.dataType).not.toBe('json');
    expect(headersOf(0).Authorization).toBe('Bearer access-1');
  });

  it('reads the error envelope out of an error body that came back as bytes', async () => {
    const envelope = { error: { code: ErrorCode.NOT_FOUND, message: 'no such redemption' } };
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 404,
        data: Uint8Array.from(Buffer.from(JSON.stringify(envelope), 'utf8')).buffer,
      });

    const error = await caught(requestBytes('/redemptions/r1/qr'));

    expect(error.code).toBe(ErrorCode.NOT_FOUND);
    expect(error.status).toBe(404);
  });

  it('refuses a 2xx answer that is not bytes instead of passing it on', async () => {
    taroFake.requestHandler = () => ok({ not: 'an image' });

    const error = await caught(requestBytes('/redemptions/r1/qr'));

    expect(error.code).toBe(ClientErrorCode.UnknownError);
  });
});

describe(requestText.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  it('asks for text and resolves with it unparsed', async () => {
    taroFake.requestHandler = () => ok('code,points\n1234,100\n');

    await expect(requestText('/merchant/settlement')).resolves.toBe('code,points\n1234,100\n');
    expect(taroFake.requests[0]?.dataType).toBe('text');
  });

  it('reads the error envelope out of an error body that came back as text', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 403,
        data: JSON.stringify({ error: { code: ErrorCode.FORBIDDEN, message: 'not staff' } }),
      });

    const error = await caught(requestText('/merchant/settlement'));

    expect(error.code).toBe(ErrorCode.FORBIDDEN);
  });
});

describe(parseRetryAfter.name, () => {
  it('reads whole seconds and ignores anything else', () => {
    expect(parseRetryAfter('60')).toBe(60);
    expect(parseRetryAfter(' 5 ')).toBe(5);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
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

describe(downloadToTempFile.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  it('lets WeChat download with the token and resolves with the temporary file', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    taroFake.downloadHandler = () =>
      Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' });

    await expect(downloadToTempFile('/stations/s-1/poster')).resolves.toBe(
      'wxfile://tmp/poster.png',
    );

    const sent = taroFake.downloads[0];
    expect(sent?.url).toBe(`${API_PREFIX}/stations/s-1/poster`);
    expect((sent?.header as Record<string, string>).Authorization).toBe('Bearer access-1');
  });

  it("reads the contract's code out of an error answer's file", async () => {
    taroFake.files.set(
      'wxfile://tmp/error',
      JSON.stringify({ error: { code: ErrorCode.FORBIDDEN, message: 'not yours' } }),
    );
    taroFake.downloadHandler = () =>
      Promise.resolve({ statusCode: 403, tempFilePath: 'wxfile://tmp/error' });

    const error = await caught(downloadToTempFile('/stations/s-1/poster'));

    expect(error.code).toBe(ErrorCode.FORBIDDEN);
    expect(error.status).toBe(403);
  });

  it('refreshes an expired token once and downloads again', async () => {
    session.set({ accessToken: 'old', refreshToken: 'refresh-1' });
    const refresher: TokenRefresher = () =>
      Promise.resolve({ accessToken: 'new', refreshToken: 'refresh-2' });
    setTokenRefresher(refresher);
    taroFake.downloadHandler = (option) =>
      Promise.resolve(
        (option.header as Record<string, string>).Authorization === 'Bearer new'
          ? { statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' }
          : { statusCode: 401, tempFilePath: 'wxfile://tmp/401' },
      );

    await expect(downloadToTempFile('/stations/s-1/poster')).resolves.toBe(
      'wxfile://tmp/poster.png',
    );
    expect(taroFake.downloads).toHaveLength(2);
  });

  it('turns a failed download into a network error', async () => {
    const error = await caught(downloadToTempFile('/stations/s-1/poster'));

    expect(error.code).toBe(ClientErrorCode.NetworkError);
  });
});

describe(upload.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  const media = { id: 'm-1', url: '/api/v1/media/m-1/full?exp=1&sig=a', thumbUrl: '/t' };

  it('sends the file as the multipart field `file` with the token and reports progress', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    taroFake.uploadHandler = async (_option, progress) => {
      progress(40);
      progress(100);
      return { statusCode: 201, data: JSON.stringify(media) };
    };
    const seen: UploadProgress[] = [];

    await expect(
      upload('/media', { filePath: 'wxfile://tmp/a.jpg', onProgress: (p) => seen.push(p) }),
    ).resolves.toEqual(media);

    const sent = taroFake.uploads[0];
    expect(sent?.url).toBe(`${API_PREFIX}/media`);
    expect(sent?.name).toBe('file');
    expect(sent?.filePath).toBe('wxfile://tmp/a.jpg');
    expect((sent?.header as Record<string, string>).Authorization).toBe('Bearer access-1');
    expect((sent?.header as Record<string, string>)['x-request-id']).toMatch(/^mp-/);
    expect(seen.map((p) => p.percent)).toEqual([40, 100]);
  });

  it.each([
    [413, ErrorCode.PAYLOAD_TOO_LARGE],
    [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE],
    [403, ErrorCode.CONSENT_REQUIRED],
  ])('turns a %i envelope (sent as text) into an ApiError %s', async (status, code) => {
    taroFake.uploadHandler = () =>
      Promise.resolve({
        statusCode: status,
        data: JSON.stringify({ error: { code, message: 'no' } }),
      });

    const error = await caught(upload('/media', { filePath: 'a.jpg' }));

    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it('throws NETWORK_ERROR when the upload gets no answer', async () => {
    taroFake.uploadHandler = () => Promise.reject({ errMsg: 'uploadFile:fail timeout' });

    const error = await caught(upload('/media', { filePath: 'a.jpg' }));

    expect(error.code).toBe(ClientErrorCode.NetworkError);
    expect(error.status).toBe(0);
  });

  it('refreshes an expired token once and uploads again', async () => {
    session.set({ accessToken: 'old', refreshToken: 'refresh-1' });
    setTokenRefresher(() => Promise.resolve({ accessToken: 'new', refreshToken: 'refresh-2' }));
    taroFake.uploadHandler = (option) =>
      Promise.resolve(
        (option.header as Record<string, string>).Authorization === 'Bearer new'
          ? { statusCode: 201, data: JSON.stringify(media) }
          : {
              statusCode: 401,
              data: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'x' } }),
            },
      );

    await expect(upload('/media', { filePath: 'a.jpg' })).resolves.toEqual(media);
    expect(taroFake.uploads).toHaveLength(2);
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    taroFake.uploadHandler = () => Promise.resolve({ statusCode: 201, data: '<html>' });

    const error = await caught(upload('/media', { filePath: 'a.jpg' }));

    expect(error.code).toBe(ClientErrorCode.UnknownError);
  });
});

describe(resolveApiUrl.name, () => {
  it('puts a root-relative signed path on the API origin and leaves absolute URLs alone', () => {
    // The test build has no API base: H5 calls its own origin.
    expect(resolveApiUrl('/api/v1/media/m-1/thumb?exp=1&sig=x')).toBe(
      '/api/v1/media/m-1/thumb?exp=1&sig=x',
    );
    expect(resolveApiUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
    expect(resolveApiUrl('blob:http://localhost/123')).toBe('blob:http://localhost/123');
  });

  it('puts it on the configured https origin in a weapp build', () => {
    const saved = process.env.TARO_APP_API_BASE;
    process.env.TARO_APP_API_BASE = 'https://api.yizhan.example/';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('./request') as typeof import('./request');
        expect(isolated.resolveApiUrl('/api/v1/media/m-1/full?exp=1&sig=x')).toBe(
          'https://api.yizhan.example/api/v1/media/m-1/full?exp=1&sig=x',
        );
      });
    } finally {
      process.env.TARO_APP_API_BASE = saved;
    }
  });
});
