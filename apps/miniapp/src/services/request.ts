/**
 * The only module that calls `Taro.request` (and `Taro.downloadFile`, for the poster, and
 * `Taro.uploadFile`, for photos). It prefixes the API base, sends the access token, a timeout and
 * an `x-request-id`, and turns every failure into a thrown ApiError.
 *
 * Base URL: `process.env.TARO_APP_API_BASE` (see .env.example).
 * - H5: leave it empty; the app then calls its own origin (`/api/v1/...`).
 * - weapp: it must be an absolute https origin listed as a "request 合法域名" of the
 *   mini-program; WeChat refuses relative URLs and unlisted domains (→ NETWORK_ERROR).
 */
import Taro from '@tarojs/taro';
import { API_PREFIX, isErrorEnvelope } from '@yizhan/contracts';
import { decodeUtf8, isArrayBuffer } from '../utils/bytes';
import { ApiError, ClientErrorCode, codeForStatus } from './api-error';
import { session, type TokenPair } from './session';

export const API_BASE: string = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
export const DEFAULT_TIMEOUT_MS = 15_000;

type ResponseBody = string | TaroGeneral.IAnyObject | ArrayBuffer;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send the access token when one is stored (default true). */
  auth?: boolean;
  timeoutMs?: number;
}

/**
 * How a 2xx body is read: JSON (every endpoint but two), text (the settlement CSV) or bytes (the
 * redemption QR PNG, which needs the auth header, so an `<Image src>` cannot fetch it itself).
 */
type ResponseKind = 'json' | 'text' | 'arraybuffer';

const ACCEPT: Record<ResponseKind, string> = {
  json: 'application/json',
  // An error still comes back as the JSON envelope.
  text: 'text/csv, text/plain, application/json',
  arraybuffer: 'image/png, application/json',
};

/**
 * Exchanges a refresh token for a new pair (`POST /auth/refresh`); services/auth.ts registers it
 * at app start. Without one a 401 is simply thrown. It must reject with the ApiError of the
 * exchange: a 401/403 ends the session, anything else keeps the stored tokens.
 */
export type TokenRefresher = (refreshToken: string) => Promise<TokenPair>;

let tokenRefresher: TokenRefresher | null = null;
let refreshInFlight: Promise<TokenPair | null> | null = null;

export function setTokenRefresher(refresher: TokenRefresher | null): void {
  tokenRefresher = refresher;
}

/** Not a secret: it only correlates a client call with the server's logs. */
export function newRequestId(): string {
  const random = Math.random().toString(16).slice(2, 10).padEnd(8, '0');
  return `mp-${Date.now().toString(36)}-${random}`;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Absolute (or same-origin) URL of an API path such as `/stations`. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return `${API_BASE}${API_PREFIX}${path}${buildQuery(query)}`;
}

/**
 * A URL the API handed out root-relative (a signed photo, `/api/v1/media/<id>/full?exp=&sig=`)
 * on the origin this client calls: same-origin on H5, the configured https origin on weapp,
 * whose `<Image>` cannot load a relative path. An absolute URL is left alone.
 */
export function resolveApiUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
  return `${API_BASE}${url.startsWith('/') ? '' : '/'}${url}`;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

/** `Retry-After` in seconds; the HTTP-date form is not something our API sends. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

function retryAfterInDetails(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const seconds = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
}

/**
 * An error answer to a text or bytes request arrives unparsed: read the envelope out of it, so
 * the caller still gets the contract's code (NOT_FOUND, not just "404").
 */
function parsedErrorBody(data: unknown): unknown {
  const text = isArrayBuffer(data)
    ? decodeUtf8(new Uint8Array(data))
    : typeof data === 'string'
      ? data
      : null;
  if (text === null) return data;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorFromResponse(
  status: number,
  body: unknown,
  headers: unknown,
  sentId: string,
): ApiError {
  const requestId = headerValue(headers, 'x-request-id') ?? sentId;
  const data = parsedErrorBody(body);
  let retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'));
  if (isErrorEnvelope(data)) {
    // The API repeats it in `details`, which survives where a header is not exposed (CORS).
    retryAfterSeconds ??= retryAfterInDetails(data.error.details);
    return new ApiError({
      code: data.error.code,
      status,
      message: data.error.message,
      details: data.error.details,
      requestId: data.error.requestId ?? requestId,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    code: codeForStatus(status),
    status,
    message: `HTTP ${status}`,
    requestId,
    retryAfterSeconds,
  });
}

function errMsgOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string' && errMsg) return errMsg;
    if (typeof message === 'string' && message) return message;
  }
  return 'request failed';
}

async function send<T>(
  path: string,
  options: RequestOptions,
  accessToken: string | null,
  kind: ResponseKind,
): Promise<T> {
  const method = options.method ?? 'GET';
  const requestId = newRequestId();
  const header: Record<string, string> = { 'x-request-id': requestId, Accept: ACCEPT[kind] };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  if (options.body !== undefined) header['Content-Type'] = 'application/json';

  // The body is unknown until checked: a 2xx is trusted as T, an error body is inspected.
  let response: Taro.request.SuccessCallbackResult<ResponseBody>;
  try {
    response = await Taro.request<ResponseBody>({
      url: apiUrl(path, options.query),
      method,
      header,
      data: options.body as Taro.request.Option['data'],
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // WeChat parses only 'json'; any other dataType hands the body over as it came.
      dataType: kind === 'json' ? 'json' : kind,
      responseType: kind === 'arraybuffer' ? 'arraybuffer' : 'text',
    });
  } catch (error) {
    throw new ApiError({
      code: ClientErrorCode.NetworkError,
      status: 0,
      message: errMsgOf(error),
      requestId,
    });
  }

  const { statusCode } = response;
  if (statusCode >= 200 && statusCode < 300) return response.data as T;
  throw errorFromResponse(statusCode, response.data, response.header, requestId);
}

/** Only the server's word that the refresh token is dead (or revoked) ends the session. */
function refreshTokenRejected(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/**
 * One refresh at a time: concurrent 401s wait for the same exchange. Resolves null when no new
 * pair came back; the caller then throws its original 401.
 */
function refreshOnce(refreshToken: string, refresher: TokenRefresher): Promise<TokenPair | null> {
  refreshInFlight ??= refresher(refreshToken)
    .then((pair) => {
      // Signed out while the exchange was under way: do not bring the session back.
      if (session.get()?.refreshToken !== refreshToken) return null;
      session.set(pair);
      return pair;
    })
    .catch((error: unknown) => {
      // A network error or a 5xx says nothing about the token: signing the user out on a weak
      // signal would lose a session that the next try (or the next screen) could still refresh.
      if (refreshTokenRejected(error)) session.clear();
      return null;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

/**
 * Runs `attempt` with the stored access token. On a 401 with a stored refresh token and a
 * registered refresher, refreshes once and runs it once more with the new token.
 */
async function withAuth<T>(
  useAuth: boolean,
  attempt: (accessToken: string | null) => Promise<T>,
): Promise<T> {
  const tokens = useAuth ? session.get() : null;
  try {
    return await attempt(tokens?.accessToken ?? null);
  } catch (error) {
    const refresher = tokenRefresher;
    if (!(error instanceof ApiError) || error.status !== 401 || !tokens || !refresher) throw error;
    // Another call refreshed while this one was under way: presenting the now-dead refresh token
    // would make the server revoke the whole family, so retry with the pair already stored.
    const current = session.get();
    if (current && current.accessToken !== tokens.accessToken) {
      return attempt(current.accessToken);
    }
    if (!current) throw error;
    const fresh = await refreshOnce(tokens.refreshToken, refresher);
    if (!fresh) throw error;
    return attempt(fresh.accessToken);
  }
}

function sendWithRefresh<T>(path: string, options: RequestOptions, kind: ResponseKind): Promise<T> {
  return withAuth(options.auth ?? true, (accessToken) => send<T>(path, options, accessToken, kind));
}

/**
 * Calls `API_PREFIX + path` and resolves with the JSON body of a 2xx answer.
 * Throws ApiError otherwise. On a 401 with a stored refresh token and a registered refresher,
 * refreshes once and retries once.
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return sendWithRefresh<T>(path, options, 'json');
}

function unexpectedBody(expected: string): ApiError {
  return new ApiError({
    code: ClientErrorCode.UnknownError,
    status: 200,
    message: `expected ${expected} in the answer`,
  });
}

/** As `request`, for an answer that is bytes (an image). */
export async function requestBytes(
  path: string,
  options: RequestOptions = {},
): Promise<ArrayBuffer> {
  const data = await sendWithRefresh<unknown>(path, options, 'arraybuffer');
  if (!isArrayBuffer(data)) throw unexpectedBody('bytes');
  return data;
}

/** As `request`, for an answer that is text (a CSV file). */
export async function requestText(path: string, options: RequestOptions = {}): Promise<string> {
  const data = await sendWithRefresh<unknown>(path, options, 'text');
  if (typeof data !== 'string') throw unexpectedBody('text');
  return data;
}

/** The contract's error envelope out of a file `downloadFile` wrote for an error answer. */
function readErrorFile(tempFilePath: string): unknown {
  try {
    return Taro.getFileSystemManager().readFileSync(tempFilePath, 'utf8');
  } catch {
    return undefined;
  }
}

async function download(
  path: string,
  options: Pick<RequestOptions, 'query' | 'timeoutMs'>,
  accessToken: string | null,
): Promise<string> {
  const requestId = newRequestId();
  const header: Record<string, string> = {
    'x-request-id': requestId,
    Accept: ACCEPT.arraybuffer,
  };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({
      url: apiUrl(path, options.query),
      header,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (error) {
    throw new ApiError({
      code: ClientErrorCode.NetworkError,
      status: 0,
      message: errMsgOf(error),
      requestId,
    });
  }
  const { statusCode, tempFilePath } = response;
  if (statusCode >= 200 && statusCode < 300) return tempFilePath;
  throw errorFromResponse(statusCode, readErrorFile(tempFilePath), response.header, requestId);
}

/**
 * weapp: a file the API guards with the token (the station poster) saved by WeChat to a
 * temporary path, which `saveImageToPhotosAlbum` and `previewImage` take. An image that big would
 * be wasteful to pass through `request` as bytes and back to a file. H5 uses `requestBytes`.
 */
export function downloadToTempFile(
  path: string,
  options: Pick<RequestOptions, 'query' | 'timeoutMs'> = {},
): Promise<string> {
  return withAuth(true, (accessToken) => download(path, options, accessToken));
}

/** How far an upload has gone, as the platform reports it. */
export interface UploadProgress {
  /** 0–100. */
  percent: number;
  sentBytes: number;
  totalBytes: number;
}

export interface UploadOptions {
  /** A local file: WeChat's temp or user-data path, or on H5 the `blob:` URL its chooser made. */
  filePath: string;
  /** The multipart field (the contract's `file`). */
  name?: string;
  timeoutMs?: number;
  onProgress?: (progress: UploadProgress) => void;
}

/** Photos are larger than JSON: a slow 3G upload of a compressed photo needs longer. */
export const UPLOAD_TIMEOUT_MS = 60_000;

function parseJsonText(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

async function sendFile<T>(
  path: string,
  options: UploadOptions,
  accessToken: string | null,
): Promise<T> {
  const requestId = newRequestId();
  const header: Record<string, string> = { 'x-request-id': requestId, Accept: ACCEPT.json };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  const timeout = options.timeoutMs ?? UPLOAD_TIMEOUT_MS;
  let response: { statusCode: number; data: unknown; header?: unknown };
  try {
    const task = Taro.uploadFile({
      url: apiUrl(path),
      filePath: options.filePath,
      name: options.name ?? 'file',
      header,
      timeout,
    });
    const { onProgress } = options;
    if (onProgress) {
      task.progress((event) => {
        const percent = Math.max(0, Math.min(100, Math.round(Number(event.progress) || 0)));
        onProgress({
          percent,
          sentBytes: event.totalBytesSent,
          totalBytes: event.totalBytesExpectedToSend,
        });
      });
    }
    // Taro's H5 upload never settles when it cannot read the file (a `blob:` URL of an earlier
    // page load): the timer makes that an answer too.
    response = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        task.abort();
        reject({ errMsg: 'uploadFile:fail timeout' });
      }, timeout + 5_000);
      task.then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  } catch (error) {
    throw new ApiError({
      code: ClientErrorCode.NetworkError,
      status: 0,
      message: errMsgOf(error),
      requestId,
    });
  }
  const { statusCode } = response;
  // uploadFile hands the body over as text on both platforms.
  const body = parseJsonText(response.data);
  if (statusCode >= 200 && statusCode < 300) {
    if (typeof body !== 'object' || body === null) throw unexpectedBody('JSON');
    return body as T;
  }
  throw errorFromResponse(statusCode, body, response.header, requestId);
}

/**
 * Sends a local file as `multipart/form-data` (`POST /media`) and resolves with the JSON body of
 * the 2xx answer, reporting progress as it goes. Same token handling and errors as `request`.
 */
export function upload<T>(path: string, options: UploadOptions): Promise<T> {
  return withAuth(true, (accessToken) => sendFile<T>(path, options, accessToken));
}
