import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, system } from '../support/system';

/** Identity against the system as `pnpm start` runs it: demo accounts and the H5 SMS login. */

interface AuthBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; phone: string | null; roles: Array<{ role: string; regionId?: string }> };
}

let clientSequence = 0;

/** Each call looks like a different client behind the loopback proxy, as riders are. */
function clientHeaders(): Record<string, string> {
  clientSequence += 1;
  return {
    'content-type': 'application/json',
    'x-forwarded-for': `198.51.100.${(clientSequence % 250) + 1}`,
  };
}

async function post<T>(path: string, body: unknown, headers = clientHeaders()) {
  const response = await fetch(api(path), { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const DEMO_ROLES = ['district_admin', 'handler', 'station_manager', 'merchant_staff'];

describe('sign-in (black box)', () => {
  it.each(DEMO_ROLES.flatMap((role) => ['liuyang', 'hanyang'].map((district) => [role, district])))(
    'the demo account %s@%s signs in and holds its role',
    async (role, district) => {
      const { status, body } = await post<AuthBody>('/auth/login', {
        username: `${role}@${district}`,
        password: 'yizhan-demo',
      });

      expect(status).toBe(200);
      expect(body.user.roles.map((grant) => grant.role)).toEqual([role]);
      const me = await fetch(api('/me'), {
        headers: { authorization: `Bearer ${body.accessToken}` },
      });
      expect(me.status).toBe(200);
    },
  );

  it('refuses a wrong password with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await post<{ error: { code: string } }>('/auth/login', {
      username: 'handler@liuyang',
      password: 'not-the-password',
    });

    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it('signs a worker in on H5 with the code the development sender wrote to the outbox', async () => {
    const phone = '13900001111';
    const sent = await post<{ expiresInSeconds: number }>('/auth/sms/send', { phone });
    expect(sent.status).toBe(200);
    const outbox = readFileSync(join(system().dataDir, 'dev-sms-outbox.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { phone: string; code: string });
    const code = outbox.filter((message) => message.phone === phone).pop()?.code;
    expect(code).toMatch(/^\d{6}$/);

    const { status, body } = await post<AuthBody>('/auth/sms/login', { phone, code });

    expect(status).toBe(200);
    expect(body.user.phone).toBe(phone);
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'worker' })]);
  });

  it('answers WeChat login with 503 when the server has no WeChat credentials', async () => {
    const { status, body } = await post<{ error: { code: string } }>('/auth/wechat', {
      code: '071abcDEF',
    });

    expect(status).toBe(503);
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
