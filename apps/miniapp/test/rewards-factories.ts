/** Points, rewards and redemptions shaped by the contract, for the client's tests. */
import type {
  CounterRedemption,
  Page,
  PointsBalance,
  PointsTransferItem,
  Redemption,
  RewardSummary,
} from '@yizhan/contracts';

export function pointsBalance(extra: Partial<PointsBalance> = {}): PointsBalance {
  return {
    balance: 120,
    pending: 0,
    held: 0,
    expiringSoon: [],
    nextExpiry: null,
    homeRegionId: 'region-liuyang',
    ...extra,
  };
}

export function transfer(id: string, extra: Partial<PointsTransferItem> = {}): PointsTransferItem {
  return {
    id,
    amount: 5,
    kind: 'checkin',
    status: 'posted',
    refType: 'checkin',
    refId: `ref-${id}`,
    createdAt: '2026-11-24T09:05:00+08:00',
    ...extra,
  };
}

export function reward(id: string, extra: Partial<RewardSummary> = {}): RewardSummary {
  return {
    id,
    title: `矿泉水 ${id}`,
    description: '550ml 矿泉水一瓶',
    pointsCost: 50,
    stock: 10,
    merchant: {
      id: 'merchant-1',
      name: '淮川便利店',
      address: '浏阳市淮川街道北正中路 1 号',
      lat: 28.16,
      lng: 113.64,
      phone: '0731-83000000',
    },
    station: null,
    regionId: 'region-liuyang',
    perUserLimit: null,
    limitPeriod: null,
    validFrom: null,
    validTo: null,
    codeValidHours: 72,
    status: 'active',
    available: true,
    createdAt: '2026-11-01T08:00:00+08:00',
    ...extra,
  };
}

export function redemption(id: string, extra: Partial<Redemption> = {}): Redemption {
  return {
    id,
    code: '123456789012',
    status: 'issued',
    pointsCost: 50,
    reward: { id: 'reward-1', title: '矿泉水' },
    merchant: {
      id: 'merchant-1',
      name: '淮川便利店',
      address: '浏阳市淮川街道北正中路 1 号',
      phone: null,
    },
    station: null,
    expiresAt: '2026-11-27T10:00:00+08:00',
    createdAt: '2026-11-24T10:00:00+08:00',
    fulfilledAt: null,
    cancelledAt: null,
    ...extra,
  };
}

export function counterRedemption(
  id: string,
  extra: Partial<CounterRedemption> = {},
): CounterRedemption {
  return {
    id,
    codeTail: '9012',
    status: 'issued',
    pointsCost: 50,
    reward: { id: 'reward-1', title: '矿泉水' },
    merchantId: 'merchant-1',
    stationId: null,
    worker: { nickname: '小李', phoneMasked: '138****8000' },
    expiresAt: '2026-11-27T10:00:00+08:00',
    createdAt: '2026-11-24T10:00:00+08:00',
    fulfilledAt: null,
    ...extra,
  };
}

export function pageOf<T>(items: T[], nextCursor: string | null = null): Page<T> {
  return { items, nextCursor };
}
