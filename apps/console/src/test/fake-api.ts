/**
 * A fake of the API behind `fetch`: tests register answers per "METHOD path" (path without
 * /api/v1 and query) and read what the page sent.
 */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | null;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Responder = Answer | ((request: SentRequest) => Answer | Promise<Answer>);

export class FakeApi {
  readonly sent: SentRequest[] = [];
  private readonly routes = new Map<string, Responder[]>();

  /** Answers the next call to this route (answers queue up; the last one repeats). */
  on(route: string, responder: Responder): this {
    const list = this.routes.get(route) ?? [];
    list.push(responder);
    this.routes.set(route, list);
    return this;
  }

  install(): void {
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://console.test');
      const method = init?.method ?? 'GET';
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const headers = new Headers(init?.headers);
      const request: SentRequest = {
        method,
        path,
        query: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        authorization: headers.get('authorization'),
      };
      this.sent.push(request);
      const list = this.routes.get(`${method} ${path}`);
      if (!list?.length) {
        return jsonResponse({
          status: 404,
          body: { error: { code: 'NOT_FOUND', message: `no fake for ${method} ${path}` } },
        });
      }
      const responder = list.length > 1 ? list.shift()! : list[0];
      return jsonResponse(typeof responder === 'function' ? await responder(request) : responder);
    }) as typeof fetch;
  }

  requests(route: string): SentRequest[] {
    return this.sent.filter((request) => `${request.method} ${request.path}` === route);
  }
}

function jsonResponse(answer: Answer): Response {
  const body = answer.body === undefined ? null : JSON.stringify(answer.body);
  return new Response(answer.status === 204 ? null : body, {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...answer.headers },
  });
}

export const apiError = (status: number, code: string, details?: unknown): Answer => ({
  status,
  body: { error: { code, message: code, details } },
});
