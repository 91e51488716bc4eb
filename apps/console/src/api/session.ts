import type { AuthResponse } from '@yizhan/contracts';

/**
 * The signed-in admin's tokens. Kept in localStorage so a reload or a second tab stays signed
 * in; the access token lives 10 minutes and the refresh token rotates on every use.
 */
const STORAGE_KEY = 'yizhan.console.session';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return parsed.accessToken && parsed.refreshToken
      ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(auth: Pick<AuthResponse, 'accessToken' | 'refreshToken'>): void {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ accessToken: auth.accessToken, refreshToken: auth.refreshToken }),
  );
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}
