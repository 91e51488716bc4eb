import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, system } from './system';

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

let clientSequence = 0;

/** Each call looks like a different client behind the loopback proxy, as riders are. */
export function clientHeaders(token?: string): Record<string, string> {
  clientSequence += 1;
  return {
    'content-type': 'application/json',
    'x-forwarded-for': `198.51.100.${(clientSequence % 250) + 1}`,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** One call to the running API as a client makes it; JSON bodies parsed, others left as text. */
export async function call<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Reply<T>> {
  const response = await fetch(api(path), {
    method,
    headers: clientHeaders(options.token),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: (json && text ? JSON.parse(text) : text) as T,
    text,
  };
}

/** A binary response (an image) with its status and headers. */
export async function download(
  path: string,
  token?: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(api(path), { headers: clientHeaders(token) });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

export const post = <T>(path: string, body: unknown, token?: string) =>
  call<T>('POST', path, { body, token });

/** The newest code the development SMS sender wrote for `phone`. */
export function lastSmsCode(phone: string): string | undefined {
  return readFileSync(join(system().dataDir, 'dev-sms-outbox.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { phone: string; code: string })
    .filter((message) => message.phone === phone)
    .pop()?.code;
}

/** A demo staff account's access token (`<role>@<district>`, password yizhan-demo). */
export async function staffToken(username: string): Promise<string> {
  const reply = await post<{ accessToken: string }>('/auth/login', {
    username,
    password: 'yizhan-demo',
  });
  if (reply.status !== 200) throw new Error(`${username} could not sign in: ${reply.text}`);
  return reply.body.accessToken;
}

/** A worker signed in on H5 by SMS: a fresh phone number each call. */
export async function newWorker(): Promise<{ id: string; phone: string; token: string }> {
  const phone = `139${String(Date.now() % 1e8).padStart(8, '0')}`;
  const sent = await post('/auth/sms/send', { phone });
  if (sent.status !== 200) throw new Error(`SMS send answered ${sent.status}: ${sent.text}`);
  const login = await post<{ accessToken: string; user: { id: string } }>('/auth/sms/login', {
    phone,
    code: lastSmsCode(phone),
  });
  if (login.status !== 200) throw new Error(`SMS login answered ${login.status}: ${login.text}`);
  return { id: login.body.user.id, phone, token: login.body.accessToken };
}
