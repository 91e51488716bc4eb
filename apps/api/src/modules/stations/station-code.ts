import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHECKIN_CODE_PREFIX, CheckinMethod, LIVE_CODE_STEP_SECONDS } from '@yizhan/contracts';

/**
 * The text a station's QR code carries, `YZ1.<P|L>.<station>.<counter>.<mac>`:
 *
 * - `P` (poster): counter = the station's code generation. Valid until the generation is rotated,
 *   and only together with a location inside the geofence (a photo of it travels).
 * - `L` (live): counter = the 30-second time step. Shown on the station's screen; valid for its
 *   step and the one after, once per worker.
 *
 * The station id is 22 base64url characters (its 16 bytes), the counter base 36, the MAC the
 * first 16 bytes of HMAC-SHA256 under the station's key, in base64url. Short text keeps the QR
 * sparse enough to read from a phone screen or a worn poster.
 */
export interface StationCode {
  method: CheckinMethod;
  stationId: string;
  counter: number;
  mac: string;
}

const METHOD_LETTERS: Record<CheckinMethod, string> = { poster: 'P', live: 'L' };
const MAC_BYTES = 16;
const UUID_HEX = /^[0-9a-f]{32}$/;
const BASE36 = /^[0-9a-z]{1,10}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The rotating code's time step at `instant`. */
export function liveStepAt(instant: Date): number {
  return Math.floor(instant.getTime() / 1000 / LIVE_CODE_STEP_SECONDS);
}

/** When the step's code stops being shown (the next step begins). */
export function liveStepEnd(step: number): Date {
  return new Date((step + 1) * LIVE_CODE_STEP_SECONDS * 1000);
}

/** A live code is accepted in its own step and the next one (a scan at the end of a step). */
export function isLiveStepCurrent(step: number, instant: Date): boolean {
  const now = liveStepAt(instant);
  return step === now || step === now - 1;
}

/** The per-station key: each station (and each of its generations) signs with its own secret. */
export function stationKey(masterKey: Buffer, stationId: string, codeVersion: number): Buffer {
  return createHmac('sha256', masterKey).update(`station|${stationId}|${codeVersion}`).digest();
}

function macOf(key: Buffer, method: CheckinMethod, stationId: string, counter: number): string {
  return createHmac('sha256', key)
    .update(`${METHOD_LETTERS[method]}|${stationId}|${counter}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url');
}

export function signStationCode(
  key: Buffer,
  method: CheckinMethod,
  stationId: string,
  counter: number,
): string {
  return [
    CHECKIN_CODE_PREFIX,
    METHOD_LETTERS[method],
    uuidToBase64url(stationId),
    counter.toString(36),
    macOf(key, method, stationId, counter),
  ].join('.');
}

/** The parts of a code text, or null when it is not shaped like a station code at all. */
export function parseStationCode(text: string): StationCode | null {
  const parts = text.trim().split('.');
  if (parts.length !== 5) return null;
  const [prefix, letter, station, counter, mac] = parts as [string, string, string, string, string];
  if (prefix !== CHECKIN_CODE_PREFIX) return null;
  const method = letter === 'P' ? 'poster' : letter === 'L' ? 'live' : null;
  const stationId = base64urlToUuid(station);
  if (method === null || stationId === null || !BASE36.test(counter)) return null;
  // Only the canonical spelling: base64url's last character has spare bits that decode alike.
  if (!BASE64URL.test(mac) || Buffer.from(mac, 'base64url').toString('base64url') !== mac) {
    return null;
  }
  return { method, stationId, counter: parseInt(counter, 36), mac };
}

/** Whether the code's MAC is the one `key` gives (compared in constant time). */
export function hasValidMac(key: Buffer, code: StationCode): boolean {
  const expected = Buffer.from(macOf(key, code.method, code.stationId, code.counter), 'base64url');
  const given = Buffer.from(code.mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function uuidToBase64url(id: string): string {
  return Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');
}

function base64urlToUuid(text: string): string | null {
  if (text.length !== 22 || !BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return null;
  const hex = bytes.toString('hex');
  if (!UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
