import { AuditEntry, MerchantSummary, Page, Routes } from '@yizhan/contracts';
import { MerchantsService } from '../../src/modules/merchants/merchants.service';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { createDistrict, District } from '../support/accounts';
import { createRegion } from '../support/factories';
import { api, outcome } from '../support/http';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

describe(`${MerchantsService.name}: changing a merchant (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let admin: string;
  /** Created before any request: the API caches each district's subtree for 30 s. */
  let otherStreet: RegionEntity;

  const patch = (id: string, body: unknown, token = admin) =>
    api<MerchantSummary>(ctx.app, { method: 'PATCH', path: Routes.merchant(id), token, body });
  const updatesOf = async (id: string) =>
    (
      await api<Page<AuditEntry>>(ctx.app, {
        path: `${Routes.auditLog}?action=merchant.update`,
        token: admin,
      })
    ).body.items.filter((entry) => entry.targetId === id);

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang');
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    otherStreet = await createRegion(ctx.dataSource, { level: 'street', parent: liuyang.district });
    admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
  });

  it('changes only the fields sent, trimmed, audited with before and after', async () => {
    const { merchant } = liuyang;
    const changed = await patch(merchant.id, {
      name: '  老街米粉（新店） ',
      phone: '0731-8363 1234',
      lat: 28.1612347,
      lng: 113.6401234,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: merchant.id,
      name: '老街米粉（新店）',
      address: merchant.address,
      phone: '0731-8363 1234',
      lat: 28.161235,
      lng: 113.640123,
      regionId: merchant.regionId,
    });
    const listed = await api<Page<MerchantSummary>>(ctx.app, {
      path: `${Routes.merchants}?regionId=${liuyang.district.id}`,
      token: admin,
    });
    expect(listed.body.items.find((item) => item.id === merchant.id)).toEqual(changed.body);
    const [entry] = await updatesOf(merchant.id);
    expect(entry.before).toEqual({
      name: merchant.name,
      phone: merchant.phone,
      lat: merchant.lat,
      lng: merchant.lng,
    });
    expect(entry.after).toEqual({
      name: '老街米粉（新店）',
      phone: '0731-8363 1234',
      lat: 28.161235,
      lng: 113.640123,
    });
  });

  it('writes nothing for what is already stored, and clears the phone with null', async () => {
    const { merchant } = liuyang;
    const current = (await patch(merchant.id, {})).body;
    const entries = (await updatesOf(merchant.id)).length;
    expect((await patch(merchant.id, { name: current.name, lat: current.lat })).body).toEqual(
      current,
    );
    expect(await updatesOf(merchant.id)).toHaveLength(entries);
    const cleared = await patch(merchant.id, { phone: null });
    expect(cleared.body.phone).toBeNull();
    expect(await updatesOf(merchant.id)).toHaveLength(entries + 1);
  });

  it('moves a merchant to another street of the district, never out of it', async () => {
    const { merchant } = liuyang;
    const moved = await patch(merchant.id, { regionId: otherStreet.id });
    expect(moved.status).toBe(200);
    expect(moved.body.regionId).toBe(otherStreet.id);
    expect(outcome(await patch(merchant.id, { regionId: hanyang.street.id }))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect((await patch(merchant.id, {})).body.regionId).toBe(otherStreet.id);
  });

  it("answers another district's merchant as one that does not exist, and changes nothing", async () => {
    const theirs = hanyang.merchant;
    expect(outcome(await patch(theirs.id, { name: '被改名' }))).toEqual([404, 'NOT_FOUND']);
    expect(outcome(await patch('00000000-0000-4000-8000-000000000000', { name: 'x' }))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    const hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
    expect((await patch(theirs.id, {}, hanyangAdmin)).body.name).toBe(theirs.name);
  });

  it('refuses blank or malformed fields and unknown ones, changing nothing', async () => {
    const { merchant } = liuyang;
    const before = (await patch(merchant.id, {})).body;
    for (const body of [
      { name: '   ' },
      { address: '' },
      { lat: 91 },
      { lng: 'east' },
      { phone: 'call me' },
      { regionId: 'not-a-uuid' },
      { id: '00000000-0000-4000-8000-000000000000' },
    ]) {
      expect(outcome(await patch(merchant.id, body))).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await patch(merchant.id, {})).body).toEqual(before);
  });

  it('is for district admins: merchant staff and handlers are refused', async () => {
    for (const staff of [liuyang.staff.merchant_staff, liuyang.staff.handler]) {
      const token = await tokenFor(ctx.app, staff);
      expect(outcome(await patch(liuyang.merchant.id, { name: '我改的' }, token))).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }
    expect(
      outcome(await api(ctx.app, { method: 'PATCH', path: Routes.merchant(liuyang.merchant.id) })),
    ).toEqual([401, 'UNAUTHENTICATED']);
  });
});
