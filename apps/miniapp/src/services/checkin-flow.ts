import { CheckinFlag, ConsentKind, ErrorCode, type CheckinResponse } from '@yizhan/contracts';
import { errorMessage, type MessageParams, type TextKey } from '../i18n';
import { formatDateTime } from '../utils/datetime';
import { formatDistance } from '../utils/format';
import { ApiError, toApiError } from './api-error';
import { createCheckin, stationCodeOf } from './checkins';
import { consentState, decideConsent, grantedOnServer, PRIVACY_VERSION } from './consent';
import { newUuid } from './idempotency';
import { LocationUnavailableError, locatePrecisely } from './location';
import { grantConsent } from './me';
import { session } from './session';

/**
 * One check-in from scan to answer:
 *
 *   idle → (not a station code | signed out → failed, said on the scan tab)
 *        → asking-consent (the location sheet) → locating → submitting → succeeded | failed
 *
 * A scan gets one idempotency key; every retry of that scan (after a lost answer, after moving
 * closer or into the open) sends the same code with the same key, so the server records the
 * visit at most once and answers a replay with the first result.
 */
export type CheckinPhase =
  'idle' | 'asking-consent' | 'locating' | 'submitting' | 'succeeded' | 'failed';

export type CheckinFailureReason =
  | 'not-station-code'
  | 'signed-out'
  | 'consent-refused'
  | 'location-unavailable'
  | 'code-invalid'
  | 'too-far'
  | 'inaccurate'
  | 'cooldown'
  | 'consent-required'
  | 'unknown-outcome'
  | 'other';

/** What the result page offers next. */
export type CheckinNextAction = 'rescan' | 'retry' | 'grant-consent' | 'sign-in' | 'history';

export interface CheckinFailure {
  reason: CheckinFailureReason;
  titleKey: TextKey;
  messageKey: TextKey;
  params: MessageParams;
  action: CheckinNextAction;
  actionKey: TextKey;
  /** The contract's code when the server refused. */
  code?: string;
}

/** The scanned code and the key every try of it is sent with. */
export interface CheckinAttempt {
  code: string;
  idempotencyKey: string;
}

export interface CheckinState {
  phase: CheckinPhase;
  /** Set once a scan got past the checks of the scan tab (its outcome is the result page's). */
  attempt: CheckinAttempt | null;
  result: CheckinResponse | null;
  failure: CheckinFailure | null;
}

const IDLE: CheckinState = { phase: 'idle', attempt: null, result: null, failure: null };

function numberIn(details: unknown, field: string): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = (details as Record<string, unknown>)[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringIn(details: unknown, field: string): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = (details as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

type FailureText = Omit<CheckinFailure, 'reason' | 'code' | 'params'>;

const TEXTS: Record<CheckinFailureReason, FailureText> = {
  'not-station-code': {
    titleKey: 'checkin.fail.title',
    messageKey: 'checkin.fail.notStationCode',
    action: 'rescan',
    actionKey: 'checkin.action.rescan',
  },
  'signed-out': {
    titleKey: 'checkin.fail.signIn.title',
    messageKey: 'checkin.fail.signedOut',
    action: 'sign-in',
    actionKey: 'checkin.action.signIn',
  },
  'consent-refused': {
    titleKey: 'checkin.fail.consent.title',
    messageKey: 'checkin.fail.consentRefused',
    action: 'grant-consent',
    actionKey: 'checkin.action.grantConsent',
  },
  'location-unavailable': {
    titleKey: 'checkin.fail.location.title',
    messageKey: 'checkin.fail.location',
    action: 'retry',
    actionKey: 'checkin.action.retry',
  },
  'code-invalid': {
    titleKey: 'checkin.fail.codeInvalid.title',
    messageKey: 'checkin.fail.codeInvalid',
    action: 'rescan',
    actionKey: 'checkin.action.rescan',
  },
  'too-far': {
    titleKey: 'checkin.fail.tooFar.title',
    messageKey: 'checkin.fail.tooFar',
    action: 'retry',
    actionKey: 'checkin.action.nearby',
  },
  inaccurate: {
    titleKey: 'checkin.fail.inaccurate.title',
    messageKey: 'checkin.fail.inaccurate',
    action: 'retry',
    actionKey: 'checkin.action.openSky',
  },
  cooldown: {
    titleKey: 'checkin.fail.cooldown.title',
    messageKey: 'checkin.fail.cooldown',
    action: 'history',
    actionKey: 'checkin.action.history',
  },
  'consent-required': {
    titleKey: 'checkin.fail.consent.title',
    messageKey: 'checkin.fail.consent',
    action: 'grant-consent',
    actionKey: 'checkin.action.grantConsent',
  },
  'unknown-outcome': {
    titleKey: 'checkin.fail.unknown.title',
    messageKey: 'checkin.fail.unknown',
    action: 'retry',
    actionKey: 'checkin.action.retry',
  },
  other: {
    titleKey: 'checkin.fail.title',
    messageKey: 'checkin.fail.other',
    action: 'rescan',
    actionKey: 'checkin.action.rescan',
  },
};

export function failureFor(
  reason: CheckinFailureReason,
  params: MessageParams = {},
  overrides: Partial<FailureText> & { code?: string } = {},
): CheckinFailure {
  return { reason, ...TEXTS[reason], params, ...overrides };
}

/** No answer, or the server failed: the visit may have been recorded, so the key is kept. */
function outcomeUnknown(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

/** A refusal (or a lost answer) of `POST /checkins`, in words and with the next step. */
export function checkinFailureOf(caught: unknown): CheckinFailure {
  if (caught instanceof LocationUnavailableError) return failureFor('location-unavailable');
  const error = toApiError(caught);
  const { code, details } = error;
  switch (code) {
    case ErrorCode.CHECKIN_CODE_INVALID: {
      // The server names a reason an honest rider can act on (see docs/check-ins.md).
      const reason = stringIn(details, 'reason');
      if (reason === 'replayed') {
        return failureFor('code-invalid', {}, { code, messageKey: 'checkin.fail.codeReplayed' });
      }
      if (reason === 'station_closed') {
        return failureFor('code-invalid', {}, { code, messageKey: 'checkin.fail.stationClosed' });
      }
      return failureFor('code-invalid', {}, { code });
    }
    case ErrorCode.CHECKIN_TOO_FAR: {
      const distanceM = numberIn(details, 'distanceM');
      const allowedM = numberIn(details, 'allowedM');
      if (distanceM === undefined || allowedM === undefined) {
        return failureFor('too-far', {}, { code, messageKey: 'checkin.fail.tooFarPlain' });
      }
      const params = { distance: formatDistance(distanceM), allowed: formatDistance(allowedM) };
      return failureFor('too-far', params, { code });
    }
    case ErrorCode.CHECKIN_LOCATION_INACCURATE: {
      const accuracyM = numberIn(details, 'accuracyM');
      const maxAccuracyM = numberIn(details, 'maxAccuracyM');
      if (accuracyM === undefined || maxAccuracyM === undefined) {
        return failureFor('inaccurate', {}, { code, messageKey: 'checkin.fail.inaccuratePlain' });
      }
      const params = { accuracy: Math.round(accuracyM), max: Math.round(maxAccuracyM) };
      return failureFor('inaccurate', params, { code });
    }
    case ErrorCode.CHECKIN_COOLDOWN: {
      const nextAllowedAt = stringIn(details, 'nextAllowedAt');
      const time = nextAllowedAt ? formatDateTime(nextAllowedAt) : '';
      if (time === '') {
        return failureFor('cooldown', {}, { code, messageKey: 'checkin.fail.cooldownPlain' });
      }
      return failureFor('cooldown', { time }, { code });
    }
    case ErrorCode.CONSENT_REQUIRED:
      return failureFor('consent-required', {}, { code });
    case ErrorCode.UNAUTHENTICATED:
      return failureFor('signed-out', {}, { code });
    default:
      break;
  }
  if (outcomeUnknown(error)) {
    return failureFor('unknown-outcome', { reason: errorMessage(code) }, { code });
  }
  if (code === ErrorCode.RATE_LIMITED) {
    return failureFor(
      'other',
      { reason: errorMessage(code) },
      { code, action: 'retry', actionKey: 'checkin.action.retry' },
    );
  }
  return failureFor('other', { reason: errorMessage(code) }, { code });
}

/** Whether a visit earned nothing because the server flagged it (the result page says why). */
export function flaggedVisit(result: CheckinResponse): boolean {
  return result.checkIn.flags.includes(CheckinFlag.ImpossibleTravel);
}

/** The check-in in progress, shared by the scan tab and the result page (see the phases above). */
export class CheckinFlow {
  private state: CheckinState = IDLE;
  private readonly listeners = new Set<() => void>();
  /** The code waiting for the consent sheet's answer. */
  private pendingCode: string | null = null;
  private busy = false;

  getState = (): CheckinState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(next: CheckinState): CheckinState {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
    return next;
  }

  private fail(attempt: CheckinAttempt | null, failure: CheckinFailure): CheckinState {
    return this.set({ phase: 'failed', attempt, result: null, failure });
  }

  /** Starts a check-in with what the scanner read or the user typed. */
  async submit(text: string): Promise<CheckinState> {
    if (this.busy) return this.state;
    const code = stationCodeOf(text);
    if (code === null) return this.fail(null, failureFor('not-station-code'));
    if (session.get() === null) return this.fail(null, failureFor('signed-out'));
    // Locating needs the user's agreement (PIPL); asking again after a refusal is fair here,
    // because the user has just asked for the one thing that cannot work without it.
    if (consentState(ConsentKind.Location) !== 'granted') {
      this.pendingCode = code;
      return this.set({ ...IDLE, phase: 'asking-consent' });
    }
    return this.run({ code, idempotencyKey: newUuid() });
  }

  /**
   * The consent sheet's answer: for a scan waiting for it, or for the attempt whose submission
   * the server refused with CONSENT_REQUIRED. The decision is recorded (on the server too,
   * before the check-in is sent) as the stations tab records it.
   */
  async answerConsent(granted: boolean): Promise<CheckinState> {
    if (this.busy) return this.state;
    const code = this.pendingCode;
    const attempt = code === null ? this.state.attempt : null;
    this.pendingCode = null;
    // A failed server call is no reason to stop: the device holds the decision, and a refusal
    // of the check-in for a missing consent records it once more (see send).
    await decideConsent(ConsentKind.Location, granted).catch(() => undefined);
    if (!granted) return this.fail(attempt, failureFor('consent-refused'));
    if (code !== null) return this.run({ code, idempotencyKey: newUuid() });
    if (attempt !== null) return this.run(attempt);
    return this.set(IDLE);
  }

  /** Tries the same scan again (same code, same key) after moving, or after a lost answer. */
  async retry(): Promise<CheckinState> {
    const attempt = this.state.attempt;
    if (this.busy || attempt === null) return this.state;
    return this.run(attempt);
  }

  reset(): void {
    if (this.busy) return;
    this.pendingCode = null;
    this.set(IDLE);
  }

  private async run(attempt: CheckinAttempt): Promise<CheckinState> {
    this.busy = true;
    try {
      this.set({ phase: 'locating', attempt, result: null, failure: null });
      const fix = await locatePrecisely();
      this.set({ phase: 'submitting', attempt, result: null, failure: null });
      const result = await this.send({ ...attempt, ...fix });
      return this.set({ phase: 'succeeded', attempt, result, failure: null });
    } catch (caught) {
      return this.fail(attempt, checkinFailureOf(caught));
    } finally {
      this.busy = false;
    }
  }

  private async send(body: Parameters<typeof createCheckin>[0]): Promise<CheckinResponse> {
    const user = session.getUser();
    if (user && !grantedOnServer(user, ConsentKind.Location)) {
      // Agreed on this device while signed out, and not reconciled yet.
      await grantConsent(ConsentKind.Location, PRIVACY_VERSION).catch(() => undefined);
    }
    try {
      return await createCheckin(body);
    } catch (caught) {
      const agreed = consentState(ConsentKind.Location) === 'granted';
      if (!(caught instanceof ApiError) || caught.code !== ErrorCode.CONSENT_REQUIRED || !agreed) {
        throw caught;
      }
      // The server lacks the agreement this device holds: record it, then send once more.
      await grantConsent(ConsentKind.Location, PRIVACY_VERSION).catch(() => {
        throw caught;
      });
      return createCheckin(body);
    }
  }
}

export const checkinFlow = new CheckinFlow();

// Another account on this phone must not see (or retry) the last one's check-in.
session.subscribe(() => {
  if (session.get() === null) checkinFlow.reset();
});
