import Taro from '@tarojs/taro';

/** The token pair `POST /auth/*` returns. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const SESSION_STORAGE_KEY = 'yizhan.session';

function isTokenPair(value: unknown): value is TokenPair {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { accessToken?: unknown }).accessToken === 'string' &&
    typeof (value as { refreshToken?: unknown }).refreshToken === 'string'
  );
}

/**
 * The one session store: tokens live in Taro storage (survives restarts on both platforms)
 * with an in-memory copy so every request does not hit storage.
 */
class SessionStore {
  private tokens: TokenPair | null | undefined;

  get(): TokenPair | null {
    if (this.tokens === undefined) {
      let stored: unknown = null;
      try {
        stored = Taro.getStorageSync(SESSION_STORAGE_KEY);
      } catch {
        stored = null;
      }
      this.tokens = isTokenPair(stored) ? stored : null;
    }
    return this.tokens;
  }

  set(tokens: TokenPair): void {
    this.tokens = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    Taro.setStorageSync(SESSION_STORAGE_KEY, this.tokens);
  }

  clear(): void {
    this.tokens = null;
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
  }

  /** Forgets the memory copy so the next read comes from storage (tests, account switch). */
  reload(): void {
    this.tokens = undefined;
  }
}

export const session = new SessionStore();
