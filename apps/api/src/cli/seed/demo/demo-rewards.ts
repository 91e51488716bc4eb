import { EarningKind, LimitPeriod } from '@yizhan/contracts';

/** A demo reward at a demo merchant or station (by key); its id derives from `key`. */
export interface RewardSeed {
  key: string;
  merchantKey?: string;
  stationKey?: string;
  title: string;
  description: string;
  pointsCost: number;
  /** Initial stock; null = unlimited. */
  stock: number | null;
  perUserLimit?: number;
  limitPeriod?: LimitPeriod;
  codeValidHours?: number;
}

/**
 * Rewards like those the reports describe: meals at 爱心商家, battery swaps for riders, and
 * weather gear handed out by stations. Prices fit the demo earning rules (a check-in earns 5,
 * a confirmed report 20), so a week of check-ins buys a meal.
 */
export const DEMO_REWARDS: RewardSeed[] = [
  {
    key: 'liuyang/steamed-dishes-lunch',
    merchantKey: 'liuyang/caichang-steamed-dishes',
    title: '爱心午餐一份（三菜一饭）',
    description: '凭兑换码到店领取，堂食或打包均可。每人每天限领一次。',
    pointsCost: 30,
    stock: 50,
    perUserLimit: 1,
    limitPeriod: 'day',
    codeValidHours: 24,
  },
  {
    key: 'liuyang/battery-swap',
    merchantKey: 'liuyang/chaoyang-battery-rental',
    title: '免费换电一次',
    description: '到店出示兑换码，免费更换一块满电电池（限 48V/60V 常见规格）。',
    pointsCost: 50,
    stock: 100,
    perUserLimit: 2,
    limitPeriod: 'week',
  },
  {
    key: 'liuyang/station-raincoat',
    stationKey: 'liuyang/caichang-square',
    title: '分体式雨衣一套',
    description: '驿站工作人员核销后当场领取，雨季常备。',
    pointsCost: 60,
    stock: 20,
    perUserLimit: 1,
    limitPeriod: 'total',
  },
  {
    key: 'hanyang/caring-canteen-meal',
    merchantKey: 'hanyang/wangjiawan-caring-canteen',
    title: '骑手爱心套餐',
    description: '荤素搭配一份，另送例汤。每人每天限一次。',
    pointsCost: 25,
    stock: 80,
    perUserLimit: 1,
    limitPeriod: 'day',
    codeValidHours: 24,
  },
  {
    key: 'hanyang/convenience-water',
    merchantKey: 'hanyang/jiangang-convenience',
    title: '矿泉水一箱（24 瓶）',
    description: '夏季防暑物资，凭码到店领取。',
    pointsCost: 40,
    stock: 30,
    perUserLimit: 1,
    limitPeriod: 'month',
  },
  {
    key: 'hanyang/phone-charge',
    merchantKey: 'hanyang/jiangang-convenience',
    title: '充电宝租借一次（4 小时）',
    description: '不限次数的小福利：积分少也能换。',
    pointsCost: 10,
    stock: null,
  },
];

/** Earning rules of each demo district (district-wide: its streets inherit them). */
export interface RuleSeed {
  regionCode: string;
  kind: EarningKind;
  points: number;
  dailyCap: number | null;
  weeklyCap: number | null;
}

const districtRules = (regionCode: string): RuleSeed[] => [
  { regionCode, kind: 'checkin', points: 5, dailyCap: 10, weeklyCap: 50 },
  { regionCode, kind: 'report', points: 20, dailyCap: 60, weeklyCap: null },
  { regionCode, kind: 'volunteer', points: 10, dailyCap: 80, weeklyCap: null },
  { regionCode, kind: 'survey', points: 5, dailyCap: 10, weeklyCap: null },
  { regionCode, kind: 'manual', points: 1, dailyCap: null, weeklyCap: null },
];

export const DEMO_RULES: RuleSeed[] = [...districtRules('430181'), ...districtRules('420105')];
