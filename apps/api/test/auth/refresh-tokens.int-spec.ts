import { AuthResponse } from '@yizhan/contracts';
import { TokenService } from '../../src/modules/auth/token.service';
import { createUser, signIn, TestUser } from '../support/accounts';
import { createRegion } from '../support/factories';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

describe(`${TokenService.name}: refresh rotation over HTTP (integration)`, () => {
  const ctx = useTestApp();

  const refresh = (refreshToken: string) =>
    api<AuthResponse>(ctx.app, { method: 'POST', path: '/auth/refresh', body: { refreshToken } });
  const me = (accessToken: string) => api(ctx.app, { path: '/me', token: accessToken });
  /** A staff account of its own, so no test sees another's sessions. */
  const newAccount = async (): Promise<TestUser & { username: string }> => {
    const region = await createRegion(ctx.dataSource, { level: 'district' });
    const user = await createUser(ctx.app, { grants: [{ role: 'handler', region }] });
    return { ...user, username: user.username ?? '' };
  };

  it('answers a refresh with a new pair, and the old refresh token is dead', async () => {
    const account = await newAccount();
    const login = await signIn(ctx.app, account.username);

    const rotated = await refresh(login.refreshToken);
    const meWithRotated = await me(rotated.body.accessToken);
    const again = await refresh(login.refreshToken);

    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(login.refreshToken);
    expect(rotated.body.accessToken).toEqual(expect.any(String));
    expect(rotated.body.user).toMatchObject({ id: account.id, username: account.username });
    expect(meWithRotated.status).toBe(200);
    expect(outcome(again)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('revokes the whole family when a dead token comes back, and only that family', async () => {
    const account = await newAccount();
    const phone = await signIn(ctx.app, account.username);
    const laptop = await signIn(ctx.app, account.username);
    const second = await refresh(phone.refreshToken);
    const third = await refresh(second.body.refreshToken);
    expect([second.status, third.status]).toEqual([200, 200]);

    const replay = await refresh(phone.refreshToken);
    const newest = await refresh(third.body.refreshToken);
    const otherFamily = await refresh(laptop.refreshToken);

    expect(outcome(replay)).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(newest)).toEqual([401, 'UNAUTHENTICATED']);
    expect(otherFamily.status).toBe(200);
  });

  it("leaves another account's families alone", async () => {
    const [victim, bystander] = [await newAccount(), await newAccount()];
    const victimLogin = await signIn(ctx.app, victim.username);
    const bystanderLogin = await signIn(ctx.app, bystander.username);
    await refresh(victimLogin.refreshToken);

    expect((await refresh(victimLogin.refreshToken)).status).toBe(401);
    expect((await refresh(bystanderLogin.refreshToken)).status).toBe(200);
  });

  it('ends the session on logout: its refresh tokens stop working, other sessions do not', async () => {
    const account = await newAccount();
    const session = await signIn(ctx.app, account.username);
    const other = await signIn(ctx.app, account.username);
    const rotated = await refresh(session.refreshToken);

    const logout = await api(ctx.app, {
      method: 'POST',
      path: '/auth/logout',
      token: rotated.body.accessToken,
      body: { refreshToken: rotated.body.refreshToken },
    });

    expect(logout.status).toBe(204);
    expect(outcome(await refresh(rotated.body.refreshToken))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await refresh(other.refreshToken)).status).toBe(200);
    // Its access tokens die with it, not ten minutes later; the other session's live on.
    expect(outcome(await me(rotated.body.accessToken))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await me(session.accessToken))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('refuses the access tokens of a family revoked for a replayed refresh token', async () => {
    const account = await newAccount();
    const session = await signIn(ctx.app, account.username);
    const rotated = await refresh(session.refreshToken);
    expect((await me(rotated.body.accessToken)).status).toBe(200);

    await refresh(session.refreshToken); // the replay

    expect(outcome(await me(rotated.body.accessToken))).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("cannot end someone else's session by sending their refresh token", async () => {
    const [owner, intruder] = [await newAccount(), await newAccount()];
    const ownerSession = await signIn(ctx.app, owner.username);
    const intruderSession = await signIn(ctx.app, intruder.username);

    const logout = await api(ctx.app, {
      method: 'POST',
      path: '/auth/logout',
      token: intruderSession.accessToken,
      body: { refreshToken: ownerSession.refreshToken },
    });

    expect(logout.status).toBe(204);
    expect((await refresh(ownerSession.refreshToken)).status).toBe(200);
  });

  it('lets at most one of several concurrent refreshes with one token succeed, and kills the family', async () => {
    const account = await newAccount();
    // Races interleave differently each time: several rounds make a lost revocation show.
    for (let round = 0; round < 12; round += 1) {
      const session = await signIn(ctx.app, account.username);

      const results = await Promise.all(
        Array.from({ length: 6 }, () => refresh(session.refreshToken)),
      );

      const winners = results.filter((result) => result.status === 200);
      expect(winners.length).toBeLessThanOrEqual(1);
      expect(results.filter((result) => result.status === 401)).toHaveLength(
        results.length - winners.length,
      );
      // The losers presented a used token — a replay — so the family is gone, winner included.
      for (const winner of winners) {
        expect(outcome(await refresh(winner.body.refreshToken))).toEqual([401, 'UNAUTHENTICATED']);
      }
    }
  });

  it('refuses an expired refresh token', async () => {
    const account = await newAccount();
    const session = await signIn(ctx.app, account.username);
    ctx.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect(outcome(await refresh(session.refreshToken))).toEqual([401, 'UNAUTHENTICATED']);
    } finally {
      ctx.restoreNow();
    }
  });

  it.each([
    ['an unknown token', { refreshToken: 'x'.repeat(43) }, 401, 'UNAUTHENTICATED'],
    ['a too short token', { refreshToken: 'short' }, 400, 'VALIDATION_FAILED'],
    ['no token', {}, 400, 'VALIDATION_FAILED'],
  ])('answers %s with %i', async (_what, body, status, code) => {
    const response = await api(ctx.app, { method: 'POST', path: '/auth/refresh', body });

    expect(outcome(response)).toEqual([status, code]);
  });
});
