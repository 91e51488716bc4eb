import { lastSmsCode, post } from '../support/client';
import { api } from '../support/system';

/** Identity against the system as `pnpm start` runs it: demo accounts and the H5 SMS login. */

interface AuthBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; phone: string | null; roles: Array<{ role: string; regionId?: string }> };
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
    const code = lastSmsCode(phone);
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
