import { Role } from '@yizhan/contracts';

export const DEFAULT_DEMO_PASSWORD = 'yizhan-demo';

/** A demo district and where its staff accounts are scoped (API.md "Demo accounts"). */
export interface DemoDistrict {
  /** The `<district>` of `<role>@<district>`. */
  slug: string;
  regionCode: string;
  /** The station the demo station manager runs. */
  stationKey: string;
  /** The merchant whose codes the demo merchant staff fulfil. */
  merchantKey: string;
}

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    slug: 'liuyang',
    regionCode: '430181',
    stationKey: 'liuyang/caichang-square',
    merchantKey: 'liuyang/caichang-steamed-dishes',
  },
  {
    slug: 'hanyang',
    regionCode: '420105',
    stationKey: 'hanyang/fangcao-community',
    merchantKey: 'hanyang/wangjiawan-caring-canteen',
  },
];

/** One account per staff role and district. */
export const DEMO_STAFF_ROLES: Role[] = [
  'district_admin',
  'handler',
  'station_manager',
  'merchant_staff',
];

export const DEMO_NICKNAMES: Record<string, string> = {
  district_admin: '区级管理员',
  handler: '路长',
  station_manager: '站长',
  merchant_staff: '商户店员',
};
