import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { ErrorCode, type LiveCodeResponse } from '@yizhan/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/api-error';
import { getLiveCode } from '../services/stations';
import { useCountdown } from './useCountdown';

/** Never ask more often than this, whatever the answer says (a clock at a step boundary). */
export const MIN_REFRESH_MS = 1_000;
/** After a failed refresh (no network, a 5xx), the next try. */
export const RETRY_MS = 5_000;

export interface LiveCodeState {
  phase: 'loading' | 'ready' | 'error';
  /** The code on screen; kept through a failed refresh while it is still accepted. */
  code: LiveCodeResponse | null;
  error: ApiError | null;
  /** A refresh failed and is being retried; the code shown is the last one that came. */
  retrying: boolean;
}

const LOADING: LiveCodeState = { phase: 'loading', code: null, error: null, retrying: false };

/** When to ask for the next code: the server's `refreshInSeconds`, never under a second. */
export function refreshDelayMs(code: LiveCodeResponse): number {
  const seconds = Number.isFinite(code.refreshInSeconds) ? code.refreshInSeconds : 0;
  return Math.max(MIN_REFRESH_MS, Math.round(seconds * 1000));
}

/**
 * How long a shown code still works after it was received: until the next one is due plus one
 * step more (the server accepts a live code in its step and the next), measured from receipt
 * so a phone whose clock is off still counts right.
 */
function acceptedUntil(code: LiveCodeResponse, receivedAt: number): number {
  return receivedAt + refreshDelayMs(code) * 2;
}

/** Refusals that asking again will not change: the station is closed, or not the caller's. */
function permanent(error: ApiError): boolean {
  return (
    error.code === ErrorCode.CONFLICT ||
    error.code === ErrorCode.FORBIDDEN ||
    error.code === ErrorCode.NOT_FOUND ||
    error.code === ErrorCode.UNAUTHENTICATED
  );
}

/**
 * Fetches and refreshes a station's rotating code while `start`ed: the next code is asked for
 * when the server says (`refreshInSeconds`); a failed refresh keeps the shown code while it is
 * still accepted and tries again every RETRY_MS; a closed station or a lost right stops it.
 * `stop` cancels the timer and drops any answer under way.
 */
export class LiveCodeRefresher {
  private state: LiveCodeState = LOADING;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private receivedAt = 0;
  private active = false;

  constructor(
    private readonly fetchCode: () => Promise<LiveCodeResponse>,
    private readonly onChange: (state: LiveCodeState) => void,
    private readonly now: () => number = Date.now,
  ) {}

  getState(): LiveCodeState {
    return this.state;
  }

  start(): void {
    this.active = true;
    void this.load();
  }

  stop(): void {
    this.active = false;
    this.generation += 1;
    this.clearTimer();
  }

  /** The 重试 button: ask now (showing the loading state instead of the error). */
  retry(): void {
    if (!this.active) return;
    if (this.state.phase === 'error') this.set(LOADING);
    void this.load();
  }

  private set(next: LiveCodeState): void {
    this.state = next;
    this.onChange(next);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    const ticket = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.active && ticket === this.generation) void this.load();
    }, ms);
  }

  private async load(): Promise<void> {
    const ticket = ++this.generation;
    this.clearTimer();
    try {
      const code = await this.fetchCode();
      if (ticket !== this.generation) return;
      this.receivedAt = this.now();
      this.set({ phase: 'ready', code, error: null, retrying: false });
      this.schedule(refreshDelayMs(code));
    } catch (caught) {
      if (ticket !== this.generation) return;
      const error = toApiError(caught);
      const shown = this.state.code;
      if (permanent(error)) {
        this.set({ phase: 'error', code: null, error, retrying: false });
        return;
      }
      if (shown && this.now() < acceptedUntil(shown, this.receivedAt)) {
        this.set({ phase: 'ready', code: shown, error, retrying: true });
      } else {
        this.set({ phase: 'error', code: null, error, retrying: true });
      }
      this.schedule(RETRY_MS);
    }
  }
}

export interface LiveCodeView extends LiveCodeState {
  /** Whole seconds until the code on screen is replaced. */
  secondsLeft: number;
}

function keepScreenOn(on: boolean): void {
  // A screen at the station's door must not dim while workers scan it; H5 has no such call.
  if (process.env.TARO_ENV === 'h5') return;
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined);
}

/**
 * The live code page: refreshes while the page is shown (and keeps the screen on), stops when
 * it is hidden or closed, and counts down to the next code.
 */
export function useLiveCode(stationId: string): [LiveCodeView, () => void] {
  const [state, setState] = useState<LiveCodeState>(LOADING);
  const [secondsLeft, startCountdown] = useCountdown();
  const refresher = useRef<LiveCodeRefresher | null>(null);
  if (refresher.current === null) {
    refresher.current = new LiveCodeRefresher(() => getLiveCode(stationId), setState);
  }

  useDidShow(() => {
    keepScreenOn(true);
    refresher.current?.start();
  });

  useDidHide(() => {
    refresher.current?.stop();
    keepScreenOn(false);
  });

  useEffect(
    () => () => {
      refresher.current?.stop();
      keepScreenOn(false);
    },
    [],
  );

  const code = state.code;
  useEffect(() => {
    if (code && !state.retrying) startCountdown(refreshDelayMs(code) / 1000);
  }, [code, state.retrying, startCountdown]);

  const retry = useCallback(() => refresher.current?.retry(), []);

  return [{ ...state, secondsLeft }, retry];
}
