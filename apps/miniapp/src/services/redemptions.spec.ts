import { ErrorCode, IDEMPOTENCY_KEY_PATTERN } from '@yizhan/contracts';
import { bodyOf, fail, ok, sentTo, serveRoutes } from '../../test/factories';
import { redemption } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import { ApiError, ClientErrorCode } from './api-error';
import {
  cancelRedemption,
  forgetUnsettledRedemptions,
  getRedemptionQrDataUrl,
  hasUnsettledRedemption,
  listRedemptions,
  redeemReward,
} from './redemptions';
import { session } from './session';

function keysSent(): string[] {
  return sentTo('POST /redemptions').map(
    (option) => (bodyOf(option) as { idempotencyKey: string }).idempotencyKey,
  );
}

const networkDown = () => Promise.reject({ errMsg: 'request:fail timeout' });

describe(redeemReward.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    forgetUnsettledRedemptions();
  });

  it('sends the reward and a key the contract accepts', async () => {
    serveRoutes({ 'POST /redemptions': () => ok(redemption('r1'), 201) });

    await expect(redeemReward('reward-1')).resolves.toMatchObject({ id: 'r1', status: 'issued' });

    const body = bodyOf(sentTo('POST /redemptions')[0]) as Record<string, string>;
    expect(body.rewardId).toBe('reward-1');
    expect(body.idempotencyKey).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(body.idempotencyKey.startsWith('redeem:')).toBe(true);
  });

  it('reuses the key after a network error, so a retry cannot spend twice', async () => {
    let calls = 0;
    serveRoutes({
      'POST /redemptions': () => {
        calls += 1;
        // The first request reached the server but its answer was lost.
        return calls === 1 ? networkDown() : ok(redemption('r1'), 200);
      },
    });

    await expect(redeemReward('reward-1')).rejects.toMatchObject({
      code: ClientErrorCode.NetworkError,
    });
    expect(hasUnsettledRedemption('reward-1')).toBe(true);
    await expect(redeemReward('reward-1')).resolves.toMatchObject({ id: 'r1' });

    const [first, second] = keysSent();
    expect(second).toBe(first);
    expect(hasUnsettledRedemption('reward-1')).toBe(false);
  });

  it('reuses the key after a server error too', async () => {
    let calls = 0;
    serveRoutes({
      'POST /redemptions': () => {
        calls += 1;
        return calls === 1 ? fail(503, ErrorCode.SERVICE_UNAVAILABLE) : ok(redemption('r1'));
      },
    });

    await expect(redeemReward('reward-1')).rejects.toBeInstanceOf(ApiError);
    await redeemReward('reward-1');

    expect(new Set(keysSent()).size).toBe(1);
  });

  it('takes a new key after a success, so the next confirmation is a new redemption', async () => {
    serveRoutes({ 'POST /redemptions': () => ok(redemption('r1'), 201) });

    await redeemReward('reward-1');
    await redeemReward('reward-1');

    const [first, second] = keysSent();
    expect(second).not.toBe(first);
  });

  it('takes a new key after a refusal, which stored nothing', async () => {
    serveRoutes({ 'POST /redemptions': () => fail(409, ErrorCode.POINTS_INSUFFICIENT) });

    await expect(redeemReward('reward-1')).rejects.toMatchObject({
      code: ErrorCode.POINTS_INSUFFICIENT,
    });
    expect(hasUnsettledRedemption('reward-1')).toBe(false);
    await expect(redeemReward('reward-1')).rejects.toBeInstanceOf(ApiError);

    const [first, second] = keysSent();
    expect(second).not.toBe(first);
  });

  it('forgets unsettled keys when the user signs out', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    serveRoutes({ 'POST /redemptions': networkDown });
    await expect(redeemReward('reward-1')).rejects.toBeInstanceOf(ApiError);

    session.clear();

    expect(hasUnsettledRedemption('reward-1')).toBe(false);
  });

  it('keeps the unsettled key of one reward away from another reward', async () => {
    serveRoutes({ 'POST /redemptions': networkDown });

    await expect(redeemReward('reward-1')).rejects.toBeInstanceOf(ApiError);
    await expect(redeemReward('reward-2')).rejects.toBeInstanceOf(ApiError);

    const [first, second] = keysSent();
    expect(second).not.toBe(first);
  });
});

describe(getRedemptionQrDataUrl.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
  });

  it('fetches the PNG with the token and turns it into a data URL', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    serveRoutes({ 'GET /redemptions/r1/qr': () => ok(png.buffer) });

    await expect(getRedemptionQrDataUrl('r1')).resolves.toBe(
      `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    );
    const header = sentTo('GET /redemptions/r1/qr')[0]?.header as Record<string, string>;
    expect(header.Authorization).toBe('Bearer access-1');
  });
});

describe(listRedemptions.name, () => {
  beforeEach(() => taroFake.reset());

  it('filters by status and pages with the cursor', async () => {
    serveRoutes({ 'GET /redemptions': () => ok({ items: [], nextCursor: null }) });

    await listRedemptions({ status: 'issued', cursor: 'c1', limit: 20 });

    const url = new URL(taroFake.requests[0]?.url ?? '', 'http://client.test');
    expect(url.searchParams.get('status')).toBe('issued');
    expect(url.searchParams.get('cursor')).toBe('c1');
  });
});

describe(cancelRedemption.name, () => {
  beforeEach(() => taroFake.reset());

  it('posts to the cancel route of that redemption', async () => {
    serveRoutes({
      'POST /redemptions/r1/cancel': () => ok(redemption('r1', { status: 'cancelled' })),
    });

    await expect(cancelRedemption('r1')).resolves.toMatchObject({ status: 'cancelled' });
  });
});
