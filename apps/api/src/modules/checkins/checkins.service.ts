import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CheckinFlag,
  CheckinMethod,
  CheckinResponse,
  CheckinView,
  CreateCheckinDto,
  DEFAULT_PAGE_LIMIT,
  Page,
  PageQueryDto,
  StationStatus,
} from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { Transactions, TxManager } from '../../database/transactions';
import { isUniqueViolation } from '../../database/unique-violation';
import { Actor } from '../access/actor';
import { LedgerService } from '../ledger/ledger.service';
import { toLocalMoment } from '../stations/opening-hours';
import { StationCode, parseStationCode } from '../stations/station-code';
import { StationCodes } from '../stations/station-codes';
import { StationEntity } from '../stations/station.entity';
import { stationTimeZone } from '../stations/station.mapper';
import { isStationOpenAt } from '../stations/station-open';
import { StationsRepository } from '../stations/stations.repository';
import { haversineMeters } from '../stations/geo';
import { checkGeofence, cooldownEnd, isImpossibleTravel } from './checkin-rules';
import { CheckinPoints, Settlement } from './checkin-points';
import { CheckinEntity } from './checkin.entity';
import { toCheckinResponse, toCheckinView } from './checkin.mapper';
import { CheckinError, InvalidCodeReason } from './checkins.errors';
import { CheckinsRepository } from './checkins.repository';

/** Far more visits than anyone makes in years; bounds a pathological export. */
const MAX_EXPORTED_CHECKINS = 20_000;

export type CheckinExport = CheckinView & {
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
};

/** A visit recorded now, or the earlier one its idempotency key answers with. */
type RecordedVisit =
  | { recorded: CheckinEntity; replayedFrom?: never }
  | { replayedFrom: CheckinEntity; recorded?: never };

export interface CheckinOutcome {
  response: CheckinResponse;
  /** True when an idempotency key answered an earlier check-in. */
  replayed: boolean;
}

/**
 * A worker's visit to a station. In order: the code (signature, station, generation or time
 * step) is checked with the server's clock; a poster code also needs the phone inside the
 * geofence; then, one check-in per worker at a time (the gate), a live code's step must be new
 * to this worker, the station must be out of its cooldown, and travel from the last visit must
 * be possible — if not, the visit is recorded but flagged and earns nothing. Points follow
 * through the ledger (see CheckinPoints).
 */
@Injectable()
export class CheckinsService {
  constructor(
    private readonly checkins: CheckinsRepository,
    private readonly stations: StationsRepository,
    private readonly codes: StationCodes,
    private readonly points: CheckinPoints,
    private readonly ledger: LedgerService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectPinoLogger(CheckinsService.name) private readonly logger: PinoLogger,
  ) {}

  async checkIn(actor: Actor, body: CreateCheckinDto): Promise<CheckinOutcome> {
    const code = parseStationCode(body.code);
    const key = body.idempotencyKey
      ? `checkin:${actor.userId}:${body.idempotencyKey.toLowerCase()}`
      : null;
    if (key) {
      const first = await this.checkins.findByKey(key);
      if (first) return this.replay(first, code);
    }
    if (!code) throw this.refuse(actor, 'malformed', null);
    const station = await this.verifiedStation(actor, code);
    const distanceM = this.checkPosition(station, code.method, body);
    const visit = await this.record(actor, station, code, body, distanceM, key);
    if (visit.replayedFrom) return this.replay(visit.replayedFrom, code);
    const settlement = await this.points.settle(visit.recorded, {
      fresh: true,
      region: station.region,
    });
    return { response: await this.respond(visit.recorded, station, settlement), replayed: false };
  }

  async listOwn(actor: Actor, query: PageQueryDto): Promise<Page<CheckinView>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await this.checkins.pageOwn(actor.userId, after, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toCheckinView(row, row.station?.name ?? ''),
      (row) => [row.createdAt.toISOString(), row.id],
    );
  }

  /** The worker's visits for their data export, with the locations their phone reported. */
  async exportOwn(userId: string): Promise<CheckinExport[]> {
    const rows = await this.checkins.allOfUser(userId, MAX_EXPORTED_CHECKINS);
    return rows.map((row) => ({
      ...toCheckinView(row, row.station?.name ?? ''),
      lat: row.lat,
      lng: row.lng,
      accuracyM: row.accuracyM,
    }));
  }

  /** Erasure keeps the visits (statistics) but forgets where the worker stood. */
  forgetLocations(userId: string, manager: TxManager): Promise<void> {
    return this.checkins.forgetLocations(userId, manager);
  }

  /** The station the code names, when the code is genuine and current for it. */
  private async verifiedStation(actor: Actor, code: StationCode): Promise<StationEntity> {
    const station = await this.stations.findById(code.stationId);
    if (!station) throw this.refuse(actor, 'unknown_station', code.stationId);
    const verdict = this.codes.verify(code, station);
    if (verdict !== 'valid') {
      throw this.refuse(actor, verdict === 'expired' ? 'expired' : 'bad_signature', station.id);
    }
    if (station.status === StationStatus.Closed) {
      throw this.refuse(actor, 'station_closed', station.id);
    }
    return station;
  }

  /** Refused codes are logged: a burst of forgeries from one account is worth a look. */
  private refuse(actor: Actor, reason: InvalidCodeReason, stationId: string | null): CheckinError {
    this.logger.warn({ userId: actor.userId, reason, stationId }, 'Check-in code refused');
    return CheckinError.invalidCode(reason);
  }

  /**
   * A poster code proves nothing about where the phone is, so the fix must lie inside the
   * geofence; a live code is proof of presence by itself (its distance is kept for review).
   */
  private checkPosition(
    station: StationEntity,
    method: CheckinMethod,
    fix: Pick<CreateCheckinDto, 'lat' | 'lng' | 'accuracy'>,
  ): number {
    if (method === CheckinMethod.Live) return Math.round(haversineMeters(station, fix));
    const verdict = checkGeofence(station, fix);
    if (verdict.ok) return verdict.distanceM;
    if (verdict.reason === 'inaccurate') throw CheckinError.inaccurate(verdict.accuracyM);
    throw CheckinError.tooFar(verdict.distanceM, verdict.allowedM);
  }

  /** Records the visit behind the worker's gate; a lost idempotency race answers the winner. */
  private async record(
    actor: Actor,
    station: StationEntity,
    code: StationCode,
    fix: CreateCheckinDto,
    distanceM: number,
    key: string | null,
  ): Promise<RecordedVisit> {
    const userId = actor.userId;
    const liveStep = code.method === CheckinMethod.Live ? code.counter : null;
    try {
      const result = await this.transactions.runWithRetry<RecordedVisit>(async (manager) => {
        await this.checkins.passGate(manager, userId);
        // A retry that waited at the gate behind its own first attempt meets that attempt's
        // visit (the same live step, the station's cooldown): it answers that attempt.
        const refuse = async (refusal: CheckinError): Promise<RecordedVisit> => {
          const first = key ? await this.checkins.findByKey(key, manager) : null;
          if (first) return { replayedFrom: first };
          throw refusal;
        };
        const now = this.clock.now();
        if (
          liveStep !== null &&
          (await this.checkins.usedLiveStep(manager, userId, station.id, liveStep))
        ) {
          return refuse(CheckinError.invalidCode('replayed'));
        }
        const wait = cooldownEnd(
          await this.checkins.lastAtStation(manager, userId, station.id),
          now,
        );
        if (wait) return refuse(CheckinError.cooldown(wait));
        const previous = await this.checkins.lastVisit(manager, userId, now);
        const impossible = isImpossibleTravel(previous, { at: now, position: station });
        const visit = Object.assign(new CheckinEntity(), {
          id: randomUUID(),
          userId,
          stationId: station.id,
          regionId: station.regionId,
          createdAt: now,
          localDate: toLocalMoment(now, stationTimeZone(station)).date,
          method: code.method,
          liveStep,
          lat: fix.lat,
          lng: fix.lng,
          accuracyM: Math.round(fix.accuracy),
          distanceM,
          flag: impossible ? CheckinFlag.ImpossibleTravel : null,
          pointsAwarded: impossible ? 0 : null,
          pointsCapped: false,
          idempotencyKey: key,
        } satisfies CheckinEntity);
        await this.checkins.insert(manager, visit);
        return { recorded: visit };
      });
      if (result.recorded?.flag) {
        this.logger.warn(
          { userId, stationId: station.id, checkinId: result.recorded.id },
          'Impossible travel flagged',
        );
      }
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = key ? await this.checkins.findByKey(key) : null;
      if (winner) return { replayedFrom: winner };
      // Two requests with the same live step raced past the check: the second one lost.
      throw CheckinError.invalidCode('replayed');
    }
  }

  /** The first outcome of an idempotency key (the code sent again must name the same station). */
  private async replay(first: CheckinEntity, code: StationCode | null): Promise<CheckinOutcome> {
    if (code && code.stationId !== first.stationId) throw CheckinError.keyReused();
    const station = await this.stations.findById(first.stationId);
    if (!station) throw new Error(`Station ${first.stationId} of check-in ${first.id} vanished`);
    const settlement = await this.points.settle(first);
    return { response: await this.respond(first, station, settlement), replayed: true };
  }

  private async respond(
    visit: CheckinEntity,
    station: StationEntity,
    settlement: Settlement,
  ): Promise<CheckinResponse> {
    return toCheckinResponse(visit, station, {
      points: settlement.points,
      capped: settlement.capped,
      balance: settlement.balance ?? (await this.ledger.spendable(visit.userId)),
      openNow: isStationOpenAt(station, this.clock.now()),
    });
  }
}
