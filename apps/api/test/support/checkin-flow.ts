import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CheckinResponse, ConsentKind } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { StationCodes } from '../../src/modules/stations/station-codes';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { ConsentEntity } from '../../src/modules/users/consent.entity';
import { api, ApiResponse } from './http';

/** Records the user's consent (check-in needs `location`). */
export async function grantConsent(
  dataSource: DataSource,
  userId: string,
  kind: ConsentKind = 'location',
): Promise<void> {
  await dataSource.getRepository(ConsentEntity).insert({
    id: randomUUID(),
    userId,
    kind,
    version: '1',
    grantedAt: new Date('2020-01-01T00:00:00Z'),
    withdrawnAt: null,
  });
}

export function posterCodeOf(app: NestFastifyApplication, station: StationEntity): string {
  return app.get(StationCodes).posterCode(station);
}

/** The live code the station's screen shows at the server's current time. */
export function liveCodeOf(app: NestFastifyApplication, station: StationEntity): string {
  return app.get(StationCodes).liveCode(station).code;
}

export interface CheckinInput {
  code: string;
  lat: number;
  lng: number;
  accuracy?: number;
  idempotencyKey?: string;
}

export function checkIn(
  app: NestFastifyApplication,
  headers: Record<string, string>,
  input: CheckinInput,
): Promise<ApiResponse<CheckinResponse>> {
  return api<CheckinResponse>(app, {
    method: 'POST',
    path: '/checkins',
    headers,
    body: { accuracy: 20, ...input },
  });
}
