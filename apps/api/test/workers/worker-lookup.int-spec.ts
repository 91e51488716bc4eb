import { maskPhone, Routes, WorkerLookupResponse } from '@yizhan/contracts';
import { WorkerLookupService } from '../../src/modules/workers/worker-lookup.service';
import { createDistrict, createUser, District, uniquePhone } from '../support/accounts';
import { api, outcome } from '../support/http';
import { newKey } from '../support/points';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

describe(`${WorkerLookupService.name} (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let liuyangAdmin: string;
  let hanyangAdmin: string;

  const lookUp = (phone: string, token = liuyangAdmin) =>
    api<WorkerLookupResponse>(ctx.app, {
      path: `${Routes.workerLookup}?phone=${encodeURIComponent(phone)}`,
      token,
    });

  async function credit(adminToken: string, userId: string, amount: number) {
    const response = await api(ctx.app, {
      method: 'POST',
      path: Routes.pointsAdjustments,
      token: adminToken,
      body: { userId, amount, reason: '志愿服务', idempotencyKey: newKey('adj') },
    });
    expect(response.status).toBe(201);
  }

  async function workerWithPhone(nickname: string | null = null) {
    const phone = uniquePhone();
    const user = await createUser(ctx.app, { phone, nickname: nickname ?? undefined });
    return { ...user, phone };
  }

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang');
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    liuyangAdmin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
  });

  it('finds a worker of the district by the full phone number, the number masked', async () => {
    const worker = await workerWithPhone('刘师傅');
    await credit(liuyangAdmin, worker.id, 120);
    const found = await lookUp(worker.phone);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      id: worker.id,
      nickname: '刘师傅',
      phone: maskPhone(worker.phone),
      homeRegionId: liuyang.district.id,
      homeRegionName: liuyang.district.name,
      balance: 120,
    });
    expect(found.text).not.toContain(worker.phone);
  });

  it('finds a worker who has never earned, whom the admin may credit first', async () => {
    const worker = await workerWithPhone();
    const found = await lookUp(worker.phone);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      id: worker.id,
      nickname: null,
      homeRegionId: null,
      homeRegionName: null,
      balance: 0,
    });
  });

  it("answers another district's worker exactly as an unknown number", async () => {
    const theirs = await workerWithPhone('汉阳骑手');
    await credit(hanyangAdmin, theirs.id, 30);
    const foreign = await lookUp(theirs.phone);
    const unknown = await lookUp(uniquePhone());
    expect(outcome(foreign)).toEqual([404, 'NOT_FOUND']);
    expect(outcome(unknown)).toEqual([404, 'NOT_FOUND']);
    const withoutRequestId = (body: unknown) => {
      const { error } = body as { error: { requestId?: string } };
      return { ...error, requestId: undefined };
    };
    expect(withoutRequestId(foreign.body)).toEqual(withoutRequestId(unknown.body));
    // Their own admin finds them.
    expect((await lookUp(theirs.phone, hanyangAdmin)).body.id).toBe(theirs.id);
  });

  it('does not find staff accounts or erased workers by phone', async () => {
    const phone = uniquePhone();
    await createUser(ctx.app, {
      phone,
      grants: [{ role: 'handler', region: liuyang.district }],
    });
    expect(outcome(await lookUp(phone))).toEqual([404, 'NOT_FOUND']);

    const leaving = await workerWithPhone('要注销的骑手');
    await credit(liuyangAdmin, leaving.id, 10);
    const erased = await api(ctx.app, {
      method: 'DELETE',
      path: Routes.me,
      token: await tokenFor(ctx.app, leaving),
    });
    expect(erased.status).toBeLessThan(300);
    expect(outcome(await lookUp(leaving.phone))).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a number that is not a mainland mobile number, or none', async () => {
    for (const phone of ['1380013800', '23800138000', '138-0013-8000', "13800138000' OR 1=1"]) {
      expect(outcome(await lookUp(phone))).toEqual([400, 'VALIDATION_FAILED']);
    }
    const none = await api(ctx.app, { path: Routes.workerLookup, token: liuyangAdmin });
    expect(outcome(none)).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('is for district admins only', async () => {
    const worker = await workerWithPhone();
    for (const staff of [liuyang.staff.handler, liuyang.staff.station_manager]) {
      expect(outcome(await lookUp(worker.phone, await tokenFor(ctx.app, staff)))).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }
    expect(outcome(await lookUp(worker.phone, await tokenFor(ctx.app, worker)))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const anonymous = await api(ctx.app, {
      path: `${Routes.workerLookup}?phone=${worker.phone}`,
    });
    expect(outcome(anonymous)).toEqual([401, 'UNAUTHENTICATED']);
  });
});
