import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Algorithm, hash } from '@node-rs/argon2';
import { AuthResponse, Role } from '@yizhan/contracts';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { DEV_SMS_OUTBOX } from '../../src/modules/auth/sms/log-sms-sender';
import { IssuedTokens, TokenService } from '../../src/modules/auth/token.service';
import { MerchantEntity } from '../../src/modules/merchants/merchant.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { UserRoleEntity } from '../../src/modules/users/user-role.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { toRoleClaim } from '../../src/modules/users/user.mapper';
import { createRegion, createStation } from './factories';
import { api, nextIp } from './http';

/** The password of every account the factories create. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';

let sequence = 0;
const next = () => (sequence += 1);
const runTag = randomInt(0, 46_656).toString(36).padStart(3, '0');

let passwordHash: Promise<string> | null = null;

/**
 * One argon2id hash of TEST_PASSWORD per process, with cheap parameters: verification reads
 * the parameters from the hash, so logins stay real while a suite does not pay for the
 * production cost (~50 ms) once per account.
 */
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hash(TEST_PASSWORD, {
    algorithm: Algorithm.Argon2id,
    memoryCost: 1024,
    timeCost: 1,
    parallelism: 1,
  });
  return passwordHash;
}

/** A username nobody in this database has (usernames are lowercase). */
export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}-${runTag}-${next()}`.toLowerCase();
}

/** A mainland mobile number no other test of this process uses. */
export function uniquePhone(): string {
  return `139${String((randomInt(0, 10_000) * 10_000 + next()) % 100_000_000).padStart(8, '0')}`;
}

export type StaffRole = Exclude<Role, 'worker'>;

/** One role to grant, with the object its scope names. */
export type GrantInput =
  | { role: 'worker' }
  | { role: 'district_admin' | 'handler'; region: RegionEntity }
  | { role: 'station_manager'; station: StationEntity }
  | { role: 'merchant_staff'; merchant: MerchantEntity };

export interface UserInput {
  /** Default: a worker. */
  grants?: GrantInput[];
  /** Default: a fresh username for staff (password TEST_PASSWORD), none for a worker. */
  username?: string | null;
  phone?: string | null;
  nickname?: string | null;
}

export interface TestUser {
  id: string;
  username: string | null;
  phone: string | null;
  roles: Role[];
}

function roleRow(userId: string, grant: GrantInput): UserRoleEntity {
  const scope = {
    regionId: null as string | null,
    stationId: null as string | null,
    merchantId: null as string | null,
  };
  if (grant.role === 'district_admin' || grant.role === 'handler') {
    scope.regionId = grant.region.id;
  } else if (grant.role === 'station_manager') {
    Object.assign(scope, { regionId: grant.station.regionId, stationId: grant.station.id });
  } else if (grant.role === 'merchant_staff') {
    Object.assign(scope, { regionId: grant.merchant.regionId, merchantId: grant.merchant.id });
  }
  return Object.assign(new UserRoleEntity(), {
    id: randomUUID(),
    userId,
    role: grant.role,
    ...scope,
  });
}

/**
 * An account straight in the database, as the API stores it: phone encrypted with the app's
 * key and found by its blind index, password as an argon2id hash.
 */
export async function createUser(
  app: NestFastifyApplication,
  input: UserInput = {},
): Promise<TestUser> {
  const grants = input.grants ?? [{ role: 'worker' }];
  const isStaff = grants.some((grant) => grant.role !== 'worker');
  const username =
    input.username === undefined
      ? isStaff
        ? uniqueUsername(grants[0].role)
        : null
      : input.username;
  const phone = input.phone ?? null;
  const cipher = app.get(PiiCipher);
  const user = Object.assign(new UserEntity(), {
    id: randomUUID(),
    nickname: input.nickname ?? null,
    username,
    passwordHash: username ? await testPasswordHash() : null,
    phoneCipher: phone ? cipher.encrypt(phone) : null,
    phoneIndex: phone ? cipher.index('phone', phone) : null,
  });
  // Two plain inserts, no transaction: TypeORM's SQLite driver shares one connection, where
  // factories running side by side (Promise.all) could not each BEGIN.
  const dataSource = app.get(DataSource);
  await dataSource.getRepository(UserEntity).insert(user);
  await dataSource
    .getRepository(UserRoleEntity)
    .insert(grants.map((grant) => roleRow(user.id, grant)));
  return { id: user.id, username, phone, roles: grants.map((grant) => grant.role) };
}

/**
 * A fresh session (login family) for an account, issued by the API's own token service —
 * for callers whose way in (WeChat, SMS) is not what a test is about.
 */
export async function sessionFor(
  app: NestFastifyApplication,
  user: Pick<TestUser, 'id'>,
): Promise<IssuedTokens> {
  const roles = await app
    .get(DataSource)
    .getRepository(UserRoleEntity)
    .find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  return app.get(TokenService).issue(user.id, roles.map(toRoleClaim));
}

/** `POST /auth/login` from a fresh address; fails the test unless it answers 200. */
export async function signIn(
  app: NestFastifyApplication,
  username: string,
  password = TEST_PASSWORD,
): Promise<AuthResponse> {
  const response = await api<AuthResponse>(app, {
    method: 'POST',
    path: '/auth/login',
    body: { username, password },
    ip: nextIp(),
  });
  if (response.status !== 200) {
    throw new Error(`signIn(${username}) answered ${response.status}: ${response.text}`);
  }
  return response.body;
}

export interface MerchantInput {
  region: RegionEntity;
  name?: string;
  lat?: number;
  lng?: number;
}

export async function createMerchant(
  dataSource: DataSource,
  input: MerchantInput,
): Promise<MerchantEntity> {
  const merchant = Object.assign(new MerchantEntity(), {
    id: randomUUID(),
    regionId: input.region.id,
    name: input.name ?? `测试商户 ${next()}`,
    address: '测试地址',
    lat: input.lat ?? 28.16,
    lng: input.lng ?? 113.64,
    phone: null,
  });
  await dataSource.getRepository(MerchantEntity).insert(merchant);
  return merchant;
}

/** A district with one street, a station and a merchant in that street, and its staff. */
export interface District {
  city: RegionEntity;
  district: RegionEntity;
  street: RegionEntity;
  station: StationEntity;
  merchant: MerchantEntity;
  staff: Record<StaffRole, TestUser>;
}

/** Builds a district and one account per staff role in it (admin and handler district-wide). */
export async function createDistrict(
  app: NestFastifyApplication,
  name: string,
  origin = { lat: 28.16, lng: 113.64 },
): Promise<District> {
  const dataSource = app.get(DataSource);
  const city = await createRegion(dataSource, { level: 'city', name: `${name}所在市` });
  const district = await createRegion(dataSource, { level: 'district', name, parent: city });
  const street = await createRegion(dataSource, { level: 'street', parent: district });
  const station = await createStation(dataSource, { region: street, ...origin });
  const merchant = await createMerchant(dataSource, { region: street, ...origin });
  const staffOf = (grant: GrantInput, role: StaffRole) =>
    createUser(app, { grants: [grant], username: uniqueUsername(`${role}.${name}`) });
  return {
    city,
    district,
    street,
    station,
    merchant,
    staff: {
      district_admin: await staffOf({ role: 'district_admin', region: district }, 'district_admin'),
      handler: await staffOf({ role: 'handler', region: district }, 'handler'),
      station_manager: await staffOf({ role: 'station_manager', station }, 'station_manager'),
      merchant_staff: await staffOf({ role: 'merchant_staff', merchant }, 'merchant_staff'),
    },
  };
}

/** The codes the development SMS sender wrote to `DATA_DIR/dev-sms-outbox.jsonl` for a phone. */
export function outboxCodes(dataDir: string, phone: string): string[] {
  const file = join(dataDir, DEV_SMS_OUTBOX);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { phone: string; code: string })
    .filter((message) => message.phone === phone)
    .map((message) => message.code);
}

/**
 * A worker signed in the H5 way: `POST /auth/sms/send`, the code from the development outbox,
 * `POST /auth/sms/login`. Fails the test unless both answer 200.
 */
export async function signInBySms(
  app: NestFastifyApplication,
  dataDir: string,
  phone = uniquePhone(),
): Promise<AuthResponse> {
  const sent = await api(app, { method: 'POST', path: '/auth/sms/send', body: { phone } });
  if (sent.status !== 200) throw new Error(`sms/send answered ${sent.status}: ${sent.text}`);
  const code = outboxCodes(dataDir, phone).pop();
  const login = await api<AuthResponse>(app, {
    method: 'POST',
    path: '/auth/sms/login',
    body: { phone, code },
  });
  if (login.status !== 200) throw new Error(`sms/login answered ${login.status}: ${login.text}`);
  return login.body;
}
