import {
  Routes,
  type AuthResponse,
  type MeResponse,
  type SmsSendResponse,
} from '@yizhan/contracts';
import { request, setTokenRefresher } from './request';
import { session, type TokenPair } from './session';

/**
 * Login, refresh and logout (`/auth/*`). Login and refresh calls are unauthenticated
 * (`auth: false`), so their 401 (a wrong code or password, a dead refresh token) is an answer,
 * never a reason to refresh.
 */

function signedIn(auth: AuthResponse): MeResponse {
  session.signIn(auth, auth.user);
  return auth.user;
}

/** `POST /auth/wechat` with the code `Taro.login()` gave (weapp). */
export async function loginWithWechat(code: string): Promise<MeResponse> {
  const auth = await request<AuthResponse>(Routes.authWechat, {
    method: 'POST',
    body: { code },
    auth: false,
  });
  return signedIn(auth);
}

/** `POST /auth/sms/send`: a 429 carries `retryAfterSeconds` on the thrown ApiError. */
export function sendSmsCode(phone: string): Promise<SmsSendResponse> {
  return request<SmsSendResponse>(Routes.authSmsSend, {
    method: 'POST',
    body: { phone },
    auth: false,
  });
}

/** `POST /auth/sms/login` (H5 workers). */
export async function loginWithSms(phone: string, code: string): Promise<MeResponse> {
  const auth = await request<AuthResponse>(Routes.authSmsLogin, {
    method: 'POST',
    body: { phone, code },
    auth: false,
  });
  return signedIn(auth);
}

/** `POST /auth/login` (staff and merchant accounts). */
export async function loginWithPassword(username: string, password: string): Promise<MeResponse> {
  const auth = await request<AuthResponse>(Routes.authLogin, {
    method: 'POST',
    body: { username, password },
    auth: false,
  });
  return signedIn(auth);
}

/**
 * `POST /auth/refresh`: the refresher request.ts calls on a 401. The answer carries the user
 * too, so the profile pages show stays current; request.ts stores the pair.
 */
export async function refreshTokens(refreshToken: string): Promise<TokenPair> {
  const auth = await request<AuthResponse>(Routes.authRefresh, {
    method: 'POST',
    body: { refreshToken },
    auth: false,
  });
  if (session.get()?.refreshToken === refreshToken) session.setUser(auth.user);
  return auth;
}

/** Called once at app start, before any page can send a request. */
export function installTokenRefresher(): void {
  setTokenRefresher(refreshTokens);
}

/**
 * `POST /auth/logout` (authenticated: the server checks the refresh token is the caller's), then
 * forgets the session. Never fails: the user asked to leave, so the device signs out whatever
 * the server answered (offline, 5xx), and a refresh token it could not revoke expires unused.
 * Should the access token have expired, request.ts refreshes first; the server revokes the
 * whole family from the token sent here all the same.
 */
export async function logout(): Promise<void> {
  const tokens = session.get();
  try {
    if (tokens) {
      await request<void>(Routes.authLogout, {
        method: 'POST',
        body: { refreshToken: tokens.refreshToken },
      });
    }
  } catch {
    // See above: signing out locally is the whole point.
  } finally {
    session.clear();
  }
}
