import { Routes, type MeResponse, type RegionNode } from '@yizhan/contracts';
import type { FakeApi } from './fake-api';
import { ADMIN_REGION_ID } from './render';

/** Ids of the fake district's two streets (children of ADMIN_REGION_ID). */
export const STREET_ID = '00000000-0000-4000-8000-000000000002';
export const OTHER_STREET_ID = '00000000-0000-4000-8000-000000000003';

export const ADMIN_ME: MeResponse = {
  id: '00000000-0000-4000-8000-0000000000aa',
  nickname: '区级管理员',
  occupation: null,
  platform: null,
  phone: null,
  username: 'district_admin@liuyang',
  roles: [{ role: 'district_admin', regionId: ADMIN_REGION_ID } as MeResponse['roles'][number]],
  consents: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const region = (id: string, name: string, parentId: string | null, children: RegionNode[] = []) =>
  ({
    id,
    code: id.slice(-6),
    name,
    level: parentId ? 'street' : 'district',
    parentId,
    timeZone: 'Asia/Shanghai',
    children,
  }) as RegionNode;

export const REGION_TREE: RegionNode[] = [
  region(ADMIN_REGION_ID, '浏阳市', null, [
    region(STREET_ID, '淮川街道', ADMIN_REGION_ID),
    region(OTHER_STREET_ID, '集里街道', ADMIN_REGION_ID),
  ]),
];

/** A signed-in district admin of 浏阳市 (two streets below it). */
export function fakeAdminSession(fake: FakeApi): void {
  fake.on(`GET ${Routes.me}`, { status: 200, body: ADMIN_ME });
  fake.on(`GET ${Routes.regions}`, { status: 200, body: REGION_TREE });
}
