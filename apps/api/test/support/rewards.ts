import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LedgerCheckResult, LimitPeriod, Redemption, RewardStatus } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { accountIdOf, regionPool, workerAccount } from '../../src/modules/ledger/ledger-accounts';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { PointsAccountEntity } from '../../src/modules/ledger/points-account.entity';
import { PointsService } from '../../src/modules/ledger/points.service';
import { MerchantEntity } from '../../src/modules/merchants/merchant.entity';
import { RedemptionEntity } from '../../src/modules/redemptions/redemption.entity';
import { RewardEntity } from '../../src/modules/rewards/reward.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { UserRoleEntity } from '../../src/modules/users/user-role.entity';
import { toRoleClaim } from '../../src/modules/users/user.mapper';
import { createUser } from './accounts';
import { api, ApiResponse } from './http';
import { authOf, newKey } from './points';

let sequence = 0;

export interface RewardInput {
  /** Exactly one of merchant and station. */
  merchant?: MerchantEntity;
  station?: StationEntity;
  title?: string;
  pointsCost?: number;
  /** Default 10; null = unlimited. */
  stock?: number | null;
  perUserLimit?: number | null;
  limitPeriod?: LimitPeriod | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  codeValidHours?: number;
  status?: RewardStatus;
}

/** A reward straight in the database, as `POST /rewards` stores it. */
export async function createReward(
  dataSource: DataSource,
  input: RewardInput,
): Promise<RewardEntity> {
  const place = input.merchant ?? input.station;
  if (!place || (input.merchant && input.station)) {
    throw new Error('createReward needs exactly one of merchant and station');
  }
  const perUserLimit = input.perUserLimit ?? null;
  const reward = Object.assign(new RewardEntity(), {
    id: randomUUID(),
    regionId: place.regionId,
    merchantId: input.merchant?.id ?? null,
    stationId: input.station?.id ?? null,
    title: input.title ?? `测试奖励 ${(sequence += 1)}`,
    description: null,
    pointsCost: input.pointsCost ?? 10,
    stock: input.stock === undefined ? 10 : input.stock,
    perUserLimit,
    limitPeriod: perUserLimit ? (input.limitPeriod ?? 'total') : null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    codeValidHours: input.codeValidHours ?? 72,
    status: input.status ?? 'active',
    createdBy: null,
  });
  await dataSource.getRepository(RewardEntity).insert(reward);
  return reward;
}

/**
 * Credits a worker from a region's pool (the region becomes their home if they have none), as
 * an earning would; the points lapse at the end of next year on the server clock.
 */
export async function fund(
  app: NestFastifyApplication,
  workerId: string,
  regionId: string,
  amount: number,
): Promise<void> {
  await app.get(LedgerService).transfer({
    debit: regionPool(regionId),
    credit: workerAccount(workerId, regionId),
    amount,
    kind: 'manual',
    idempotencyKey: newKey('fund'),
  });
}

/**
 * An access token for an account, signed on the real clock with its stored roles: suites pin
 * the server clock, and a token issued on a pinned clock in the past would already be expired.
 */
export async function tokenFor(app: NestFastifyApplication, user: { id: string }): Promise<string> {
  const roles = await app
    .get(DataSource)
    .getRepository(UserRoleEntity)
    .find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  const headers = await authOf(app, { id: user.id, roles: roles.map(toRoleClaim) });
  return headers.authorization.replace(/^Bearer /, '');
}

/** A signed-in worker. */
export interface WorkerSession {
  id: string;
  token: string;
}

/** A fresh worker with `points` to spend (funded from `regionId`'s pool), signed in. */
export async function fundedWorker(
  app: NestFastifyApplication,
  regionId: string,
  points: number,
): Promise<WorkerSession> {
  const user = await createUser(app);
  if (points > 0) await fund(app, user.id, regionId, points);
  return { id: user.id, token: await tokenFor(app, user) };
}

/** The token of a fresh counter account: staff of a merchant, or a station's manager. */
export async function counterStaff(
  app: NestFastifyApplication,
  place: { merchant: MerchantEntity } | { station: StationEntity },
): Promise<string> {
  const user = await createUser(app, {
    grants: [
      'merchant' in place
        ? { role: 'merchant_staff', merchant: place.merchant }
        : { role: 'station_manager', station: place.station },
    ],
  });
  return tokenFor(app, user);
}

/** `POST /redemptions` with a fresh idempotency key unless one is given. */
export function redeem(
  app: NestFastifyApplication,
  token: string,
  rewardId: string,
  idempotencyKey = newKey('redeem'),
): Promise<ApiResponse<Redemption>> {
  return api<Redemption>(app, {
    method: 'POST',
    path: '/redemptions',
    token,
    body: { rewardId, idempotencyKey },
  });
}

/** `POST /redemptions/:id/cancel`. */
export function cancelRedemption(
  app: NestFastifyApplication,
  token: string,
  id: string,
): Promise<ApiResponse<Redemption>> {
  return api<Redemption>(app, { method: 'POST', path: `/redemptions/${id}/cancel`, token });
}

/** `POST /redemptions/verify` or `/fulfil`. */
export function atCounter<T = unknown>(
  app: NestFastifyApplication,
  action: 'verify' | 'fulfil',
  token: string,
  code: string,
): Promise<ApiResponse<T>> {
  return api<T>(app, { method: 'POST', path: `/redemptions/${action}`, token, body: { code } });
}

/** What a worker can spend (the cached balance less holds), 0 without an account. */
export async function spendableOf(dataSource: DataSource, userId: string): Promise<number> {
  const account = await dataSource
    .getRepository(PointsAccountEntity)
    .findOneBy({ id: accountIdOf(workerAccount(userId)) });
  return account ? account.balance - account.pendingDebit : 0;
}

/** Units left of a reward (null = unlimited). */
export async function stockOf(dataSource: DataSource, rewardId: string): Promise<number | null> {
  return (await dataSource.getRepository(RewardEntity).findOneByOrFail({ id: rewardId })).stock;
}

export function redemptionRow(dataSource: DataSource, id: string): Promise<RedemptionEntity> {
  return dataSource.getRepository(RedemptionEntity).findOneByOrFail({ id });
}

/** The ledger's own integrity check (every cached balance recomputed from its transfers). */
export function ledgerCheck(app: NestFastifyApplication): Promise<LedgerCheckResult> {
  return app.get(PointsService).check();
}
