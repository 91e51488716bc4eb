import { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

/** helmet's defaults, with a CSP the docs UI (Swagger) works under. */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // The docs UI styles itself inline and shows data: images.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
    },
  },
};

/** What helmet sets on a response, by lower-case header name. */
export type SecurityHeaders = Readonly<Record<string, string>>;

/**
 * helmet's headers for the API's policy, computed once: with static options (no CSP nonce) they
 * are the same on every response, so each response gets a copy of these instead of running
 * helmet's eleven middlewares, each validating and setting its header on the raw response
 * (helmet was ~4 % of an empty request's CPU; @fastify/helmet, before, also rebuilt them).
 */
export function securityHeaders(): SecurityHeaders {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    // X-Powered-By: never set by Fastify in the first place.
    removeHeader: () => undefined,
  };
  let completed = false;
  helmet(SECURITY_HEADER_OPTIONS)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => {
      completed = true;
    },
  );
  // helmet runs synchronously; a version that did not would leave responses without headers.
  if (!completed) throw new Error('helmet did not complete synchronously');
  return Object.freeze(headers);
}
