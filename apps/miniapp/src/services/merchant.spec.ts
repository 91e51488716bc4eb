import { ErrorCode } from '@yizhan/contracts';
import { bodyOf, fail, ok, sentTo, serveRoutes } from '../../test/factories';
import { counterRedemption } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import {
  fulfilRedemptionCode,
  getSettlementCsv,
  listCounterRedemptions,
  verifyRedemptionCode,
} from './merchant';

describe('merchant counter service', () => {
  beforeEach(() => taroFake.reset());

  it('verifies and fulfils by code', async () => {
    serveRoutes({
      'POST /redemptions/verify': () => ok(counterRedemption('r1')),
      'POST /redemptions/fulfil': () => ok(counterRedemption('r1', { status: 'fulfilled' })),
    });

    await expect(verifyRedemptionCode('123456789012')).resolves.toMatchObject({ id: 'r1' });
    await expect(fulfilRedemptionCode('123456789012')).resolves.toMatchObject({
      status: 'fulfilled',
    });
    expect(bodyOf(sentTo('POST /redemptions/verify')[0])).toEqual({ code: '123456789012' });
    expect(bodyOf(sentTo('POST /redemptions/fulfil')[0])).toEqual({ code: '123456789012' });
  });

  it('throws the contract code of a refused fulfilment', async () => {
    serveRoutes({
      'POST /redemptions/fulfil': () => fail(409, ErrorCode.REDEMPTION_ALREADY_FULFILLED),
    });

    await expect(fulfilRedemptionCode('123456789012')).rejects.toMatchObject({
      code: ErrorCode.REDEMPTION_ALREADY_FULFILLED,
      status: 409,
    });
  });

  it('lists by local dates', async () => {
    serveRoutes({ 'GET /merchant/redemptions': () => ok({ items: [], nextCursor: null }) });

    await listCounterRedemptions({ from: '2026-11-24', to: '2026-11-25', limit: 20 });

    const url = new URL(taroFake.requests[0]?.url ?? '', 'http://client.test');
    expect(url.searchParams.get('from')).toBe('2026-11-24');
    expect(url.searchParams.get('to')).toBe('2026-11-25');
    expect(url.searchParams.has('status')).toBe(false);
  });

  it('reads the settlement as text', async () => {
    serveRoutes({ 'GET /merchant/settlement': () => ok('code_tail,points\n9012,50\n') });

    await expect(getSettlementCsv('2026-11-01', '2026-11-30')).resolves.toBe(
      'code_tail,points\n9012,50\n',
    );
  });
});
