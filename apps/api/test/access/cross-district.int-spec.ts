import { AuditEntry, MerchantSummary, Page, StaffAccount } from '@yizhan/contracts';
import { AccessPolicy } from '../../src/modules/access/access-policy';
import { MerchantEntity } from '../../src/modules/merchants/merchant.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import {
  createDistrict,
  createUser,
  District,
  sessionFor,
  uniqueUsername,
} from '../support/accounts';
import { createRegion } from '../support/factories';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

const PASSWORD = 'a-fresh-staff-password';

describe(`${AccessPolicy.name}: one district admin never reaches another district (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let liuyangCommunity: RegionEntity;
  let liuyangAdmin = '';
  let hanyangAdmin = '';

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    // Before any request: the API caches region subtrees for a while.
    liuyangCommunity = await createRegion(ctx.dataSource, {
      level: 'community',
      parent: liuyang.street,
    });
    liuyangAdmin = (await sessionFor(ctx.app, liuyang.staff.district_admin)).accessToken;
    hanyangAdmin = (await sessionFor(ctx.app, hanyang.staff.district_admin)).accessToken;
  });

  const post = <T>(path: string, token: string, body: Record<string, unknown>) =>
    api<T>(ctx.app, { method: 'POST', path, token, body });
  /** Every page of GET /staff, walking the cursor. */
  const staffPages = async (token: string, limit = 100): Promise<StaffAccount[][]> => {
    const pages: StaffAccount[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api<Page<StaffAccount>>(ctx.app, {
        path: `/staff?limit=${limit}${query}`,
        token,
      });
      expect(page.status).toBe(200);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return pages;
  };
  const staffOf = async (token: string) => (await staffPages(token)).flat();

  describe('POST /staff into hanyang', () => {
    it.each<[string, () => Record<string, string>]>([
      [
        'a handler of the hanyang district',
        () => ({ role: 'handler', regionId: hanyang.district.id }),
      ],
      ['a handler of a hanyang street', () => ({ role: 'handler', regionId: hanyang.street.id })],
      [
        'a district admin of hanyang',
        () => ({ role: 'district_admin', regionId: hanyang.district.id }),
      ],
      [
        'a district admin of the city above',
        () => ({ role: 'district_admin', regionId: liuyang.city.id }),
      ],
      [
        'the manager of a hanyang station',
        () => ({ role: 'station_manager', stationId: hanyang.station.id }),
      ],
      [
        'staff of a hanyang merchant',
        () => ({ role: 'merchant_staff', merchantId: hanyang.merchant.id }),
      ],
    ])('answers creating %s with 404, and creates nobody', async (_what, scope) => {
      const username = uniqueUsername('intruder');

      const response = await post('/staff', liuyangAdmin, {
        username,
        password: PASSWORD,
        ...scope(),
      });

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
      expect(await ctx.dataSource.getRepository(UserEntity).countBy({ username })).toBe(0);
    });
  });

  describe('POST /merchants into hanyang', () => {
    it.each<[string, () => string]>([
      ['the hanyang district', () => hanyang.district.id],
      ['a hanyang street', () => hanyang.street.id],
      ['the city above liuyang', () => liuyang.city.id],
    ])('answers a merchant in %s with 404, and creates none', async (_what, regionId) => {
      const name = `越界商户 ${uniqueUsername('m')}`;

      const response = await post('/merchants', liuyangAdmin, {
        name,
        address: '汉阳大道 1 号',
        lat: 30.55,
        lng: 114.25,
        regionId: regionId(),
      });

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
      expect(await ctx.dataSource.getRepository(MerchantEntity).countBy({ name })).toBe(0);
    });

    it('creates a merchant in its own street (the control)', async () => {
      const response = await post<MerchantSummary>('/merchants', liuyangAdmin, {
        name: '浏阳蒸菜馆',
        address: '浏阳市人民路 8 号',
        lat: 28.16,
        lng: 113.64,
        regionId: liuyang.street.id,
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ regionId: liuyang.street.id });
    });
  });

  describe('GET /staff', () => {
    it("lists liuyang's accounts and none of hanyang's", async () => {
      const usernames = (await staffOf(liuyangAdmin)).map((account) => account.username);

      for (const account of Object.values(liuyang.staff)) {
        expect(usernames).toContain(account.username);
      }
      for (const account of Object.values(hanyang.staff)) {
        expect(usernames).not.toContain(account.username);
      }
    });

    it('filters in the query: small pages of liuyang are full, not thinned out after fetching', async () => {
      // More hanyang accounts than liuyang ones, sorting in between theirs.
      for (let index = 0; index < 6; index += 1) {
        await createUser(ctx.app, {
          grants: [{ role: 'handler', region: hanyang.street }],
          username: uniqueUsername(`handler.liuyang-${index}`),
        });
      }
      const all = await staffOf(liuyangAdmin);

      const pages = await staffPages(liuyangAdmin, 1);

      expect(pages.map((page) => page.length)).toEqual(all.map(() => 1));
      expect(pages.flat().map((account) => account.id)).toEqual(all.map((account) => account.id));
      expect(all.every((account) => account.regionId !== hanyang.street.id)).toBe(true);
    });

    it("shows hanyang's admin hanyang's accounts only", async () => {
      const accounts = await staffOf(hanyangAdmin);

      const liuyangIds = new Set(Object.values(liuyang.staff).map((account) => account.id));
      expect(accounts.some((account) => liuyangIds.has(account.id))).toBe(false);
      expect(accounts.map((account) => account.id)).toEqual(
        expect.arrayContaining(Object.values(hanyang.staff).map((account) => account.id)),
      );
    });
  });

  describe('GET /audit-log', () => {
    it("shows liuyang's entries, none of hanyang's, even when hanyang's are newer", async () => {
      const own = await post<StaffAccount>('/staff', liuyangAdmin, {
        username: uniqueUsername('audited.liuyang'),
        password: PASSWORD,
        role: 'handler',
        regionId: liuyang.street.id,
      });
      const theirs: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        const created = await post<MerchantSummary>('/merchants', hanyangAdmin, {
          name: `汉阳商户 ${index}`,
          address: '汉阳',
          lat: 30.55,
          lng: 114.25,
          regionId: hanyang.street.id,
        });
        theirs.push(created.body.id);
      }

      const log = await api<Page<AuditEntry>>(ctx.app, {
        path: '/audit-log?limit=100',
        token: liuyangAdmin,
      });
      const newest = await api<Page<AuditEntry>>(ctx.app, {
        path: '/audit-log?limit=1',
        token: liuyangAdmin,
      });
      const hanyangLog = await api<Page<AuditEntry>>(ctx.app, {
        path: '/audit-log?limit=100',
        token: hanyangAdmin,
      });

      const liuyangRegions = new Set([liuyang.district.id, liuyang.street.id, liuyangCommunity.id]);
      expect(log.status).toBe(200);
      expect(log.body.items.map((entry) => entry.targetId)).toContain(own.body.id);
      expect(log.body.items.every((entry) => liuyangRegions.has(entry.regionId ?? ''))).toBe(true);
      for (const id of theirs) expect(log.text).not.toContain(id);
      // The newest entry liuyang may see comes first, though four hanyang ones are newer.
      expect(newest.body.items.map((entry) => entry.targetId)).toEqual([own.body.id]);
      expect(hanyangLog.body.items.map((entry) => entry.targetId)).toEqual(
        expect.arrayContaining(theirs),
      );
      expect(hanyangLog.text).not.toContain(own.body.id);
    });

    it('covers the whole subtree of the district, and nothing above it', async () => {
      const inCommunity = await post<MerchantSummary>('/merchants', liuyangAdmin, {
        name: '社区小店',
        address: '社区',
        lat: 28.16,
        lng: 113.64,
        regionId: liuyangCommunity.id,
      });

      const log = await api<Page<AuditEntry>>(ctx.app, {
        path: '/audit-log?action=merchant.create&limit=100',
        token: liuyangAdmin,
      });

      expect(inCommunity.status).toBe(201);
      expect(log.body.items.map((entry) => entry.targetId)).toContain(inCommunity.body.id);
    });
  });
});
