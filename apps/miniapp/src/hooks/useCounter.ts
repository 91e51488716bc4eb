import Taro from '@tarojs/taro';
import {
  ErrorCode,
  type CounterRedemption,
  REDEMPTION_CODE_PATTERN,
  normalizeRedemptionCode,
  RedemptionStatus,
} from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { toApiError } from '../services/api-error';
import { fulfilRedemptionCode, verifyRedemptionCode } from '../services/merchant';
import { useCountdown } from './useCountdown';

/**
 * 'entering': nothing looked up yet; 'verified': a code's redemption is shown (whatever its
 * status); 'fulfilled': this counter just handed the reward over.
 */
export type CounterPhase = 'entering' | 'verifying' | 'verified' | 'fulfilling' | 'fulfilled';

export interface CounterState {
  phase: CounterPhase;
  /** What the staff typed (or the scanner read), as shown in the field. */
  input: string;
  /** The field does not hold 12 digits. */
  inputError: string | null;
  /** The server's refusal, in words for the counter. */
  error: string | null;
  redemption: CounterRedemption | null;
  /** Seconds before lookups are allowed again after too many unknown codes (429). */
  retryIn: number;
}

export interface CounterActions {
  setInput: (input: string) => void;
  /** Looks up the typed code, or the one given (a scan). */
  verify: (scanned?: string) => Promise<void>;
  /** Asks to confirm the hand-over, then fulfils; resolves true once it is done. */
  fulfil: () => Promise<boolean>;
  /** 继续核销: an empty field for the next customer. */
  next: () => void;
}

/** The 12 digits out of what was typed or scanned (spaces and dashes allowed), or null. */
export function redemptionCodeOf(text: string): string | null {
  const code = normalizeRedemptionCode(text.trim());
  return REDEMPTION_CODE_PATTERN.test(code) ? code : null;
}

/** Taro's modal paints its confirm button WeChat green unless told otherwise. */
const BRAND = '#d9381e';

/** The refusals a fulfil can meet after verify said 待使用 (someone was quicker, time ran out). */
const CLOSED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.REDEMPTION_ALREADY_FULFILLED,
  ErrorCode.REDEMPTION_EXPIRED,
  ErrorCode.REDEMPTION_CANCELLED,
]);

/**
 * The merchant counter: type or scan a code → verify (shows what it is for, the customer
 * masked) → confirm → fulfil. Every refusal is worded for the counter; a 429 counts down its
 * Retry-After and blocks lookups until then, since each try would only extend the lock-out.
 */
export function useCounter(): [CounterState, CounterActions] {
  const [phase, setPhase] = useState<CounterPhase>('entering');
  const [input, setInputValue] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [redemption, setRedemption] = useState<CounterRedemption | null>(null);
  const [retryIn, startRetryCountdown] = useCountdown();
  // The code of the redemption shown, so fulfil acts on what the staff saw, not on a later edit.
  const shownCode = useRef<string | null>(null);
  const busy = useRef(false);

  const setInput = useCallback((value: string) => {
    setInputValue(value);
    setInputError(null);
    setError(null);
  }, []);

  const verify = useCallback(
    async (scanned?: string): Promise<void> => {
      if (busy.current || retryIn > 0) return;
      const text = scanned ?? input;
      if (scanned !== undefined) setInputValue(scanned);
      const code = redemptionCodeOf(text);
      if (!code) {
        setInputError(t(scanned === undefined ? 'merchant.codeInvalid' : 'merchant.scanFailed'));
        return;
      }
      busy.current = true;
      setPhase('verifying');
      setInputError(null);
      setError(null);
      try {
        const found = await verifyRedemptionCode(code);
        shownCode.current = code;
        setRedemption(found);
        setPhase('verified');
      } catch (caught) {
        const apiError = toApiError(caught);
        if (apiError.code === ErrorCode.RATE_LIMITED && apiError.retryAfterSeconds) {
          startRetryCountdown(apiError.retryAfterSeconds);
        }
        shownCode.current = null;
        setRedemption(null);
        setError(errorMessage(apiError.code, 'counterVerify'));
        setPhase('entering');
      } finally {
        busy.current = false;
      }
    },
    [input, retryIn, startRetryCountdown],
  );

  const fulfil = useCallback(async (): Promise<boolean> => {
    const code = shownCode.current;
    if (busy.current || !code || !redemption) return false;
    if (redemption.status !== RedemptionStatus.Issued) return false;
    busy.current = true;
    try {
      const { confirm } = await Taro.showModal({
        title: t('merchant.fulfil.title'),
        content: t('merchant.fulfil.content', { title: redemption.reward.title }),
        confirmText: t('merchant.fulfil.confirm'),
        confirmColor: BRAND,
        cancelText: t('common.cancel'),
      });
      if (!confirm) return false;
      setPhase('fulfilling');
      setError(null);
      const fulfilled = await fulfilRedemptionCode(code);
      setRedemption(fulfilled);
      setPhase('fulfilled');
      return true;
    } catch (caught) {
      const apiError = toApiError(caught);
      setPhase('verified');
      // Show the code as it now is (used at another till, lapsed, cancelled by the customer):
      // the card then says why, with the time it was used, and one message is enough.
      const current = CLOSED_CODES.has(apiError.code)
        ? await verifyRedemptionCode(code).catch(() => null)
        : null;
      if (current && current.status !== RedemptionStatus.Issued) {
        setRedemption(current);
      } else {
        setError(errorMessage(apiError.code, 'counterFulfil'));
      }
      return false;
    } finally {
      busy.current = false;
    }
  }, [redemption]);

  const next = useCallback(() => {
    shownCode.current = null;
    setRedemption(null);
    setInputValue('');
    setInputError(null);
    setError(null);
    setPhase('entering');
  }, []);

  return [
    { phase, input, inputError, error, redemption, retryIn },
    { setInput, verify, fulfil, next },
  ];
}
