import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** What a fake server saw of one request. */
export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server on 127.0.0.1 (port chosen by the OS) that the API under test calls. */
export interface FakeServer {
  /** Base URL without a trailing slash; set by `start()`. */
  url: string;
  requests: ReceivedRequest[];
  start(): Promise<void>;
  close(): Promise<void>;
}

type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

function fakeServer(handle: Handler): FakeServer {
  let server: Server | null = null;
  const fake: FakeServer = {
    url: '',
    requests: [],
    async start() {
      server = createServer((incoming, response) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const received: ReceivedRequest = {
            method: incoming.method ?? 'GET',
            url: new URL(incoming.url ?? '/', 'http://127.0.0.1'),
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
          fake.requests.push(received);
          handle(received, response);
        });
      });
      const listening = server;
      await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
      fake.url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    },
    async close() {
      const open = server;
      if (!open) return;
      server = null;
      // Requests left hanging on purpose (timeouts) must not keep the server open.
      open.closeAllConnections();
      await new Promise<void>((resolve) => open.close(() => resolve()));
    },
  };
  return fake;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** How the fake WeChat answers one `js_code`. */
export type WechatAnswer =
  | { kind: 'session'; openId: string; sessionKey: string; unionId?: string }
  | { kind: 'error'; errcode: number; errmsg: string }
  /** Any status and body, sent verbatim (garbled, truncated, HTML error pages …). */
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** Never answers (until the server closes). */
  | { kind: 'hang' };

export interface FakeWechat extends FakeServer {
  /** Scripts the answer to a login code; unknown codes get errcode 40029 like WeChat. */
  answer(code: string, answer: WechatAnswer): void;
  /** Query strings of the `jscode2session` calls received for a code. */
  callsFor(code: string): URLSearchParams[];
}

/** WeChat's `GET /sns/jscode2session`, scripted per login code. */
export function fakeWechat(): FakeWechat {
  const answers = new Map<string, WechatAnswer>();
  const server = fakeServer((request, response) => {
    if (request.url.pathname !== '/sns/jscode2session') {
      sendJson(response, 404, { errcode: -1, errmsg: 'no such api' });
      return;
    }
    const answer = answers.get(request.url.searchParams.get('js_code') ?? '') ?? {
      kind: 'error',
      errcode: 40029,
      errmsg: 'invalid code',
    };
    switch (answer.kind) {
      case 'session':
        sendJson(response, 200, {
          openid: answer.openId,
          session_key: answer.sessionKey,
          ...(answer.unionId && { unionid: answer.unionId }),
        });
        return;
      case 'error':
        // WeChat reports refusals with HTTP 200 and an errcode.
        sendJson(response, 200, { errcode: answer.errcode, errmsg: answer.errmsg });
        return;
      case 'raw':
        response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/plain' });
        response.end(answer.body);
        return;
      case 'hang':
        return;
    }
  });
  return Object.assign(server, {
    answer(code: string, answer: WechatAnswer) {
      answers.set(code, answer);
    },
    callsFor(code: string) {
      return server.requests
        .map((request) => request.url.searchParams)
        .filter((params) => params.get('js_code') === code);
    },
  });
}

/** What the SMS gateway webhook was sent. */
export interface SmsWebhookMessage {
  phone: string;
  code: string;
  ttlSeconds: number;
  template: string;
}

export interface FakeSmsGateway extends FakeServer {
  /** The HTTP status the gateway answers with from now on (200 = delivered). */
  status: number;
  messagesTo(phone: string): SmsWebhookMessage[];
}

/** The operator's SMS gateway behind `SMS_SENDER=webhook`. */
export function fakeSmsGateway(): FakeSmsGateway {
  const gateway: FakeSmsGateway = Object.assign(
    fakeServer((_request, response) => sendJson(response, gateway.status, { ok: true })),
    {
      status: 200,
      messagesTo(phone: string): SmsWebhookMessage[] {
        return gateway.requests
          .map((request) => JSON.parse(request.body) as SmsWebhookMessage)
          .filter((message) => message.phone === phone);
      },
    },
  );
  return gateway;
}

/** Registers beforeAll/afterAll that start and stop a fake server around a suite. */
export function useFakeServer<T extends FakeServer>(fake: T): T {
  beforeAll(() => fake.start());
  afterAll(() => fake.close());
  return fake;
}

/** An address where nothing listens (a port just released by the OS). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
