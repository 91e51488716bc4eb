import Taro from '@tarojs/taro';
import type { MeResponse } from '@yizhan/contracts';

/** The token pair `POST /auth/*` returns. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** What pages may read: never the tokens, which stay between this store and request.ts. */
export interface SessionSnapshot {
  signedIn: boolean;
  /** The signed-in user's profile; null until `GET /me` or a login answered (or signed out). */
  user: MeResponse | null;
}

export type SessionListener = () => void;

const SESSION_STORAGE_KEY = 'yizhan.session';
const SIGNED_OUT: SessionSnapshot = Object.freeze({ signedIn: false, user: null });

function isTokenPair(value: unknown): value is TokenPair {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { accessToken?: unknown }).accessToken === 'string' &&
    typeof (value as { refreshToken?: unknown }).refreshToken === 'string'
  );
}

/**
 * The one session store: the tokens live in Taro storage (survives restarts on both platforms)
 * with an in-memory copy so every request does not hit storage; the user's profile lives in
 * memory only (it is fetched again after a restart, so a stale copy never outlives the server's).
 * Pages subscribe through `useSession`; clearing the tokens always clears the user with them.
 */
class SessionStore {
  private tokens: TokenPair | null | undefined;
  private user: MeResponse | null = null;
  private snapshot: SessionSnapshot | undefined;
  private readonly listeners = new Set<SessionListener>();

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

  /** Stores a new token pair (login, refresh); the profile stays until replaced or cleared. */
  set(tokens: TokenPair): void {
    const wasSignedIn = this.get() !== null;
    this.tokens = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    Taro.setStorageSync(SESSION_STORAGE_KEY, this.tokens);
    // A refresh swaps tokens without changing what pages see: no re-render for it.
    if (!wasSignedIn) this.changed();
  }

  /** Login: the tokens and the profile the answer carries, in one change. */
  signIn(tokens: TokenPair, user: MeResponse): void {
    this.tokens = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    Taro.setStorageSync(SESSION_STORAGE_KEY, this.tokens);
    this.user = user;
    this.changed();
  }

  /** A fresher profile (`GET /me`, `PATCH /me`, a consent change); ignored once signed out. */
  setUser(user: MeResponse): void {
    if (this.get() === null) return;
    this.user = user;
    this.changed();
  }

  getUser(): MeResponse | null {
    return this.get() === null ? null : this.user;
  }

  clear(): void {
    const hadSomething = this.get() !== null || this.user !== null;
    this.tokens = null;
    this.user = null;
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
    if (hadSomething) this.changed();
  }

  /** Forgets the memory copy so the next read comes from storage (tests, account switch). */
  reload(): void {
    this.tokens = undefined;
    this.user = null;
    this.changed();
  }

  /** Stable between changes, as `useSyncExternalStore` requires. */
  getSnapshot = (): SessionSnapshot => {
    if (this.snapshot === undefined) {
      const signedIn = this.get() !== null;
      this.snapshot = signedIn ? { signedIn, user: this.user } : SIGNED_OUT;
    }
    return this.snapshot;
  };

  subscribe = (listener: SessionListener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private changed(): void {
    this.snapshot = undefined;
    for (const listener of [...this.listeners]) listener();
  }
}

export const session = new SessionStore();
