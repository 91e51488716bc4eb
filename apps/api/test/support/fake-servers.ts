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

/** How the fake answers one `subscribe/send` call, or one token request. */
export type WechatApiAnswer = Exclude<WechatAnswer, { kind: 'session' }>;

/** A subscribe message the fake received, with the access token it came with. */
export interface ReceivedSubscribeMessage {
  accessToken: string;
  body: {
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogram_state: string;
    lang: string;
  };
}

export interface FakeWechat extends FakeServer {
  /** Scripts the answer to a login code; unknown codes get errcode 40029 like WeChat. */
  answer(code: string, answer: WechatAnswer): void;
  /** Query strings of the `jscode2session` calls received for a code. */
  callsFor(code: string): URLSearchParams[];
  /**
   * The app credentials `GET /cgi-bin/token` accepts (others get 40013/40125 like WeChat);
   * null accepts any.
   */
  credentials: { appId: string; secret: string } | null;
  /** Query strings of the `GET /cgi-bin/token` calls received. */
  tokenRequests(): URLSearchParams[];
  /** Answers for the next token requests, in order; when none is queued a token is issued. */
  queueTokenAnswers(...answers: WechatApiAnswer[]): void;
  /** Answers for the next `subscribe/send` calls, in order; when none: `{errcode: 0}`. */
  queueSendAnswers(...answers: WechatApiAnswer[]): void;
  /** Every subscribe message received (sent or refused), in order. */
  subscribeMessages(): ReceivedSubscribeMessage[];
  /** Makes every token issued so far invalid (as WeChat does after a while or a reset). */
  expireTokens(): void;
}

/**
 * WeChat's `GET /sns/jscode2session` scripted per login code, plus the server-side calls of
 * subscribe messages: `GET /cgi-bin/token` (tokens `fake-token-1`, `-2` …, valid until
 * `expireTokens()`) and `POST /cgi-bin/message/subscribe/send` (40001 for a token it did not
 * issue or expired, otherwise the queued answers, then success).
 */
export function fakeWechat(): FakeWechat {
  const answers = new Map<string, WechatAnswer>();
  const tokenAnswers: WechatApiAnswer[] = [];
  const sendAnswers: WechatApiAnswer[] = [];
  const validTokens = new Set<string>();
  let issued = 0;
  const scripted = (response: ServerResponse, answer: WechatApiAnswer): void => {
    switch (answer.kind) {
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
  };
  const server = fakeServer((request, response) => {
    switch (`${request.method} ${request.url.pathname}`) {
      case 'GET /sns/jscode2session':
        break;
      case 'GET /cgi-bin/token': {
        const queued = tokenAnswers.shift();
        if (queued) return scripted(response, queued);
        const params = request.url.searchParams;
        const expected = fake.credentials;
        if (params.get('grant_type') !== 'client_credential') {
          return sendJson(response, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
        }
        if (expected && params.get('appid') !== expected.appId) {
          return sendJson(response, 200, { errcode: 40013, errmsg: 'invalid appid' });
        }
        if (expected && params.get('secret') !== expected.secret) {
          return sendJson(response, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
        }
        issued += 1;
        const token = `fake-token-${issued}`;
        validTokens.add(token);
        return sendJson(response, 200, { access_token: token, expires_in: 7200 });
      }
      case 'POST /cgi-bin/message/subscribe/send': {
        if (!validTokens.has(request.url.searchParams.get('access_token') ?? '')) {
          return sendJson(response, 200, { errcode: 40001, errmsg: 'invalid credential' });
        }
        const queued = sendAnswers.shift();
        if (queued) return scripted(response, queued);
        return sendJson(response, 200, { errcode: 0, errmsg: 'ok', msgid: issued * 1000 });
      }
      default:
        return sendJson(response, 404, { errcode: -1, errmsg: 'no such api' });
    }
    const answer = answers.get(request.url.searchParams.get('js_code') ?? '') ?? {
      kind: 'error',
      errcode: 40029,
      errmsg: 'invalid code',
    };
    if (answer.kind === 'session') {
      sendJson(response, 200, {
        openid: answer.openId,
        session_key: answer.sessionKey,
        ...(answer.unionId && { unionid: answer.unionId }),
      });
      return;
    }
    scripted(response, answer);
  });
  const requestsTo = (method: string, pathname: string) =>
    server.requests.filter(
      (request) => request.method === method && request.url.pathname === pathname,
    );
  const fake: FakeWechat = Object.assign(server, {
    credentials: null,
    answer(code: string, answer: WechatAnswer) {
      answers.set(code, answer);
    },
    callsFor(code: string) {
      return requestsTo('GET', '/sns/jscode2session')
        .map((request) => request.url.searchParams)
        .filter((params) => params.get('js_code') === code);
    },
    tokenRequests() {
      return requestsTo('GET', '/cgi-bin/token').map((request) => request.url.searchParams);
    },
    queueTokenAnswers(...queued: WechatApiAnswer[]) {
      tokenAnswers.push(...queued);
    },
    queueSendAnswers(...queued: WechatApiAnswer[]) {
      sendAnswers.push(...queued);
    },
    subscribeMessages() {
      return requestsTo('POST', '/cgi-bin/message/subscribe/send').map((request) => ({
        accessToken: request.url.searchParams.get('access_token') ?? '',
        body: JSON.parse(request.body) as ReceivedSubscribeMessage['body'],
      }));
    },
    expireTokens() {
      validTokens.clear();
    },
  });
  return fake;
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
