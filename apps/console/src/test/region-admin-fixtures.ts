import { Routes, type MeResponse, type RegionNode } from '@yizhan/contracts';
import type { FakeApi } from './fake-api';
import { ADMIN_REGION_ID } from './render';

/** A district (浏阳市) under a city, with one street; the admin runs the district. */
export const CITY_ID = '00000000-0000-4000-8000-0000000000c1';
export const STREET_ID = '00000000-0000-4000-8000-0000000000a1';
export const ADMIN_ID = '00000000-0000-4000-8000-00000000ad01';

const node = (
  id: string,
  name: string,
  level: RegionNode['level'],
  parentId: string | null,
  children: RegionNode[] = [],
): RegionNode => ({
  id,
  code: id.slice(-4),
  name,
  level,
  parentId,
  timeZone: 'Asia/Shanghai',
  children,
});

export const REGION_TREE: RegionNode[] = [
  node(CITY_ID, '长沙市', 'city', null, [
    node(ADMIN_REGION_ID, '浏阳市', 'district', CITY_ID, [
      node(STREET_ID, '淮川街道', 'street', ADMIN_REGION_ID),
    ]),
  ]),
];

export const ADMIN_ME: MeResponse = {
  id: ADMIN_ID,
  nickname: null,
  occupation: null,
  platform: null,
  phone: null,
  username: 'district_admin@liuyang',
  roles: [{ role: 'district_admin', regionId: ADMIN_REGION_ID, stationId: null, merchantId: null }],
  consents: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** The signed-in district admin and the region tree every console page asks for. */
export function fakeAdminSession(fake: FakeApi): FakeApi {
  return fake
    .on(`GET ${Routes.me}`, { status: 200, body: ADMIN_ME })
    .on(`GET ${Routes.regions}`, { status: 200, body: REGION_TREE });
}
