import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is echoed into logs and headers, so only short, plain tokens are trusted.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify and pino-http both ask for the id of the same raw request; this keeps them equal. */
const idsByRequest = new WeakMap<IncomingMessage, string>();

/**
 * The id of one request: the caller's `x-request-id` when it is sane, else a fresh UUID.
 * Memoised per raw request so every consumer (Fastify, the HTTP logger) sees the same value.
 */
export function requestIdOf(request: IncomingMessage): string {
  const known = idsByRequest.get(request);
  if (known) return known;
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id =
    typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  idsByRequest.set(request, id);
  return id;
}
