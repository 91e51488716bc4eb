import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, isErrorEnvelope } from '@yizhan/contracts';
import { randomInt } from 'node:crypto';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request to the API under test, through the whole Fastify stack (`app.inject`). */
export interface ApiRequest {
  method?: HttpMethod;
  /** Path under the API prefix, e.g. `/me` or `/stations?lat=…`. */
  path: string;
  /** Access token sent as `Authorization: Bearer …`. */
  token?: string;
  /** Serialised as JSON when present. */
  body?: unknown;
  /** Sent as it is (a multipart upload), with the content type given in `headers`. */
  payload?: Buffer;
  /** The caller's address; a fresh one per request unless given (rate limits key on it). */
  ip?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  /** The raw response text, for "this string never appears" checks. */
  text: string;
  /** The response bytes (images). */
  rawPayload: Buffer;
}

// Addresses from 198.18.0.0/15 (benchmarking, never a trusted proxy), starting at a random
// point so two runs sharing one Redis do not count against each other.
let ipSequence = randomInt(0, 120_000);

/** A client address no other request of this process has used. */
export function nextIp(): string {
  ipSequence = (ipSequence + 1) % 131_072;
  return `198.${18 + (ipSequence >> 16)}.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
}

export async function api<T = unknown>(
  app: NestFastifyApplication,
  request: ApiRequest,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await app.inject({
    method: request.method ?? 'GET',
    url: `${API_PREFIX}${request.path}`,
    headers,
    payload:
      request.payload ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
    remoteAddress: request.ip ?? nextIp(),
  });
  const text = response.payload;
  // An image (a poster, a QR code) has no JSON body; its bytes are the test's to read.
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  return {
    status: response.statusCode,
    headers: response.headers,
    body: (text && isJson ? JSON.parse(text) : null) as T,
    text,
    rawPayload: response.rawPayload,
  };
}

/** The error code of an error response (undefined for a success), for compact assertions. */
export function errorCodeOf(response: ApiResponse<unknown>): string | undefined {
  return isErrorEnvelope(response.body) ? response.body.error.code : undefined;
}

/** `[status, code]` of a response: one assertion shows both when it fails. */
export function outcome(response: ApiResponse<unknown>): [number, string | undefined] {
  return [response.status, errorCodeOf(response)];
}
