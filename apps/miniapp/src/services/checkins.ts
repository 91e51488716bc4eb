import {
  CHECKIN_CODE_PREFIX,
  Routes,
  type CheckinResponse,
  type CheckinView,
  type CreateCheckinDto,
  type Page,
} from '@yizhan/contracts';
import { request } from './request';

/** What `POST /checkins` takes (the DTO class itself carries decorators the client does not ship). */
export type CheckinRequest = Pick<CreateCheckinDto, 'code' | 'lat' | 'lng' | 'accuracy'> & {
  /** A UUID; the same one for every retry of one scan. */
  idempotencyKey: string;
};

/** The longest code the API reads (CreateCheckinDto.code); anything longer is not ours. */
const MAX_CODE_LENGTH = 200;

/**
 * The station code in what the scanner read or the user typed, or null when it is no Yizhan
 * check-in code at all (another QR code, a URL, a typo): that needs no round trip to say.
 */
export function stationCodeOf(text: string): string | null {
  const code = text.trim();
  if (!code.startsWith(CHECKIN_CODE_PREFIX) || code.length > MAX_CODE_LENGTH) return null;
  return code;
}

/** `POST /checkins`: 201 with the visit, or 200 with the first answer for a key seen before. */
export function createCheckin(body: CheckinRequest): Promise<CheckinResponse> {
  return request<CheckinResponse>(Routes.checkins, { method: 'POST', body });
}

export interface ListCheckinsQuery {
  limit?: number;
  cursor?: string;
}

/** `GET /checkins`: the worker's own visits, newest first. */
export function listMyCheckins(query: ListCheckinsQuery = {}): Promise<Page<CheckinView>> {
  return request<Page<CheckinView>>(Routes.checkins, {
    query: { limit: query.limit, cursor: query.cursor },
  });
}
