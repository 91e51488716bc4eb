import { API_PREFIX, Routes, type AuthResponse, type ErrorCode } from '@yizhan/contracts';
import { ApiError } from './errors';
import { clearSession, readSession, saveSession } from './session';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and refresh send no token and must not trigger a refresh themselves. */
  anonymous?: boolean;
}

/** Called when the session is gone for good (refresh refused): the app shows the login page. */
let onSignedOut: () => void = () => undefined;
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_PREFIX}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code as ErrorCode,
        body.error.message ?? '',
        body.error.details,
      );
    }
  } catch {
    // not JSON: a proxy's error page
  }
  return new ApiError(response.status, 'UNKNOWN_ERROR', `HTTP ${response.status}`);
}

async function send(
  method: string,
  path: string,
  options: RequestOptions,
  token: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', String(error));
  }
}

/** One refresh at a time: parallel 401s share it (a refresh token works only once). */
let refreshing: Promise<string | null> | null = null;

function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const session = readSession();
    if (!session) return null;
    const response = await send(
      'POST',
      Routes.authRefresh,
      { body: { refreshToken: session.refreshToken }, anonymous: true },
      null,
    );
    if (!response.ok) {
      // Only a refused token ends the session; an outage keeps it for the next try.
      if (response.status === 401) {
        clearSession();
        onSignedOut();
        return null;
      }
      throw await toApiError(response);
    }
    const auth = (await response.json()) as AuthResponse;
    saveSession(auth);
    return auth.accessToken;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The raw response of an authenticated call, refreshing the access token once on a 401. */
export async function fetchWithSession(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const token = options.anonymous ? null : (readSession()?.accessToken ?? null);
  let response = await send(method, path, options, token);
  if (response.status === 401 && !options.anonymous && token) {
    const fresh = await refreshAccessToken();
    if (fresh) response = await send(method, path, options, fresh);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await fetchWithSession(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** Downloads an authenticated file (CSV, poster) and hands it to the browser as a download. */
export async function downloadFile(path: string, query: Query, fallbackName: string) {
  const response = await fetchWithSession('GET', path, { query });
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const fileName = named ? decodeURIComponent(named[1] ?? named[2]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
