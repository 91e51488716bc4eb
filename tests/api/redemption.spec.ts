import { call, newWorker, post, staffToken } from '../support/client';

// The few response fields this check reads (the contract's full types live in @yizhan/contracts).
interface RewardItem {
  id: string;
  title: string;
  pointsCost: number;
  available: boolean;
}
interface Redemption {
  id: string;
  code: string;
  status: string;
}
interface CounterRedemption {
  status: string;
  codeTail: string;
  worker: { phoneMasked: string | null };
}

/**
 * A rider spends points at a demo partner merchant against the system as `pnpm start` runs it:
 * credited by the district admin, redeems the demo lunch found near Caichang square, and the
 * merchant's staff fulfil the code once.
 */
describe('redemption (black box)', () => {
  it('credits, redeems near me, fulfils once and settles', async () => {
    const worker = await newWorker();
    const admin = await staffToken('district_admin@liuyang');
    const counter = await staffToken('merchant_staff@liuyang');
    const credited = await post(
      '/points/adjustments',
      {
        userId: worker.id,
        amount: 100,
        reason: '志愿服务奖励',
        idempotencyKey: `blackbox-${worker.id}`,
      },
      admin,
    );
    expect(credited.status).toBe(201);

    const nearby = await call<{ items: RewardItem[] }>(
      'GET',
      '/rewards?lat=28.16&lng=113.64&affordable=true',
      {
        token: worker.token,
      },
    );
    const lunch = nearby.body.items.find((item) => item.title.startsWith('爱心午餐'));
    expect(lunch).toMatchObject({ pointsCost: 30, available: true });

    const key = `redeem-${worker.id}`;
    const issued = await post<Redemption>(
      '/redemptions',
      { rewardId: lunch?.id, idempotencyKey: key },
      worker.token,
    );
    const retried = await post<Redemption>(
      '/redemptions',
      { rewardId: lunch?.id, idempotencyKey: key },
      worker.token,
    );
    expect([issued.status, retried.status]).toEqual([201, 200]);
    expect(retried.body).toEqual(issued.body);
    expect(issued.body.code).toMatch(/^\d{12}$/);

    const qr = await call<string>('GET', `/redemptions/${issued.body.id}/qr`, {
      token: worker.token,
    });
    expect([qr.status, qr.headers.get('content-type')]).toEqual([200, 'image/png']);

    const spaced = issued.body.code.replace(/(\d{4})(?=\d)/g, '$1 ');
    const verified = await post<CounterRedemption>(
      '/redemptions/verify',
      { code: spaced },
      counter,
    );
    expect(verified.body).toMatchObject({ status: 'issued', codeTail: issued.body.code.slice(-4) });
    expect(verified.body.worker.phoneMasked).toBe(
      `${worker.phone.slice(0, 3)}****${worker.phone.slice(-4)}`,
    );

    const fulfilled = await post<CounterRedemption>(
      '/redemptions/fulfil',
      { code: issued.body.code },
      counter,
    );
    const again = await post<{ error: { code: string } }>(
      '/redemptions/fulfil',
      { code: issued.body.code },
      counter,
    );
    expect(fulfilled.body.status).toBe('fulfilled');
    expect([again.status, again.body.error.code]).toEqual([409, 'REDEMPTION_ALREADY_FULFILLED']);

    const otherCounter = await staffToken('merchant_staff@hanyang');
    const foreign = await post<{ error: { code: string } }>(
      '/redemptions/verify',
      { code: issued.body.code },
      otherCounter,
    );
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'NOT_FOUND']);

    const balance = await call<{ balance: number }>('GET', '/points/balance', {
      token: worker.token,
    });
    expect(balance.body.balance).toBe(70);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const settlement = await call<string>('GET', `/merchant/settlement?from=${today}&to=${today}`, {
      token: counter,
    });
    expect(settlement.status).toBe(200);
    expect(settlement.text).toContain(issued.body.id);
    const check = await call<{ mismatches: unknown[] }>('GET', '/admin/ledger/check', {
      token: admin,
    });
    expect(check.body.mismatches).toEqual([]);
  });
});
