import { Injectable } from '@nestjs/common';
import {
  CounterRedemption,
  DEFAULT_PAGE_LIMIT,
  ListMerchantRedemptionsQueryDto,
  Page,
  SettlementQueryDto,
} from '@yizhan/contracts';
import { stringify } from 'csv-stringify/sync';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { CsvFile } from '../../common/http/csv-download';
import { isCalendarDate } from '../../common/local-dates';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { Transactions } from '../../database/transactions';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { accessibleWhere } from '../access/sql-scope';
import { AuditService } from '../audit/audit.service';
import { startOfLocalDay } from '../ledger/points-periods';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { DEFAULT_TIME_ZONE } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { toLocalMoment } from '../stations/opening-hours';
import { StationsRepository } from '../stations/stations.repository';
import { ProfilesService } from '../users/profiles.service';
import { effectiveStatus, toCounterRedemption } from './redemption.mapper';
import { RedemptionEntity } from './redemption.entity';
import { RedemptionGuesses } from './redemption-guesses';
import { MAX_SETTLEMENT_ROWS, RedemptionsRepository } from './redemptions.repository';
import { RedemptionError } from './redemptions.errors';

/** Longest period one settlement export covers. */
const MAX_SETTLEMENT_DAYS = 92;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where codes are redeemed: one merchant or one station, with its region's clock. */
interface Counter {
  place: { merchantId: string } | { stationId: string };
  name: string;
  regionId: string;
  timeZone: string;
}

/**
 * The counter's side: merchant staff (or a station's manager) verify and fulfil codes of their
 * own merchant (station) only — anyone else's code is "not found" and counts as a guess — list
 * their redemptions, and export a period's fulfilled codes for settlement.
 */
@Injectable()
export class RedemptionCounterService {
  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly merchants: MerchantsRepository,
    private readonly stations: StationsRepository,
    private readonly regions: RegionsRepository,
    private readonly profiles: ProfilesService,
    private readonly guesses: RedemptionGuesses,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async verify(actor: Actor, code: string): Promise<CounterRedemption> {
    const redemption = await this.findForCounter(actor, code);
    return this.toView(redemption);
  }

  /** Fulfils an issued, unexpired code once; the second try is refused with 409. */
  async fulfil(actor: Actor, code: string, meta: RequestMeta): Promise<CounterRedemption> {
    const redemption = await this.findForCounter(actor, code);
    const now = this.clock.now();
    const fulfilled = await this.transactions.run(async (manager) => {
      if (!(await this.redemptions.markFulfilled(manager, redemption.id, actor.userId, now))) {
        return false;
      }
      await this.audit.record(
        actor,
        meta,
        {
          action: 'redemption.fulfil',
          targetType: 'redemption',
          targetId: redemption.id,
          regionId: redemption.regionId,
          after: { rewardId: redemption.rewardId, pointsCost: redemption.pointsCost },
        },
        manager,
      );
      return true;
    });
    if (fulfilled) {
      // Our own conditional write just set these; no need to read the row again.
      return this.toView(
        Object.assign(redemption, {
          status: 'fulfilled',
          fulfilledAt: now,
          fulfilledBy: actor.userId,
        }),
      );
    }
    // Someone else closed it first: say how, from the row as it is now.
    const current = await this.redemptions.findByCode(code);
    const status = current ? effectiveStatus(current, now) : 'expired';
    throw RedemptionError.closed(status === 'issued' ? 'expired' : status);
  }

  async list(
    actor: Actor,
    query: ListMerchantRedemptionsQueryDto,
  ): Promise<Page<CounterRedemption>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const ability = await this.policy.abilityFor(actor);
    const scope = accessibleWhere(ability, 'read', 'Redemption', {
      regionId: 'redemption.regionId',
      merchantId: 'redemption.merchantId',
      stationId: 'redemption.stationId',
    });
    const counter = await this.counterOf(actor, query, false);
    const timeZone = counter?.timeZone ?? DEFAULT_TIME_ZONE;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await this.redemptions.pageCounter(
      {
        scope,
        merchantId: query.merchantId,
        stationId: query.stationId,
        status: query.status,
        from: query.from ? localDayStart(query.from, timeZone, 'from') : undefined,
        to: query.to ? localDayEnd(query.to, timeZone, 'to') : undefined,
      },
      after,
      limit + 1,
    );
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (row) =>
        toCounterRedemption(row, now, this.profiles.maskedPhone(row.user ?? { phoneCipher: null })),
      (row) => [row.createdAt.toISOString(), row.id],
    );
  }

  /** The fulfilled codes of `[from, to]` (local dates, both inclusive) as CSV. */
  async settlement(actor: Actor, query: SettlementQueryDto): Promise<CsvFile> {
    const counter = await this.counterOf(actor, query, true);
    if (!counter) throw new Error('counterOf(required) returned no counter');
    const from = localDayStart(query.from, counter.timeZone, 'from');
    const to = localDayEnd(query.to, counter.timeZone, 'to');
    if (to <= from) {
      throw ValidationFailedError.forField('to', 'isNotBeforeFrom', 'to must not be before from');
    }
    // `to` is already the exclusive end (the start of the day after the last one).
    if (to.getTime() - from.getTime() > MAX_SETTLEMENT_DAYS * DAY_MS) {
      throw ValidationFailedError.forField(
        'to',
        'maxPeriod',
        `A settlement covers at most ${MAX_SETTLEMENT_DAYS} days`,
      );
    }
    const rows = await this.redemptions.fulfilledBetween(counter.place, from, to);
    if (rows.length > MAX_SETTLEMENT_ROWS) {
      throw ValidationFailedError.forField(
        'to',
        'maxRows',
        'Too many codes: export a shorter period',
      );
    }
    const local = (instant: Date) => {
      const { date, minuteOfDay } = toLocalMoment(instant, counter.timeZone);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date} ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
    };
    const total = rows.reduce((sum, row) => sum + row.pointsCost, 0);
    const csv = stringify(
      [
        ['redemption_id', 'fulfilled_at', 'issued_at', 'code_tail', 'reward', 'points'],
        ...rows.map((row) => [
          row.id,
          local(row.fulfilledAt ?? row.createdAt),
          local(row.createdAt),
          row.code.slice(-4),
          row.reward?.title ?? '',
          row.pointsCost,
        ]),
        ['TOTAL', '', '', '', `${rows.length} codes`, total],
      ],
      // A title such as "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
      { escape_formulas: true },
    );
    const slug = 'merchantId' in counter.place ? counter.place.merchantId : counter.place.stationId;
    return { filename: `settlement-${slug.slice(0, 8)}-${query.from}-${query.to}.csv`, csv };
  }

  /**
   * Looks a code up for this counter. A code that does not exist and a code of another merchant
   * answer the same 404 and both count against the caller's guesses.
   */
  private async findForCounter(actor: Actor, code: string): Promise<RedemptionEntity> {
    await this.guesses.assertMayLookUp(actor.userId);
    const redemption = await this.redemptions.findByCode(code);
    if (!redemption || !(await this.policy.can(actor, 'update', 'Redemption', redemption))) {
      await this.guesses.recordMiss(actor.userId);
      throw new NotFoundError('No such code at this counter');
    }
    return redemption;
  }

  private toView(redemption: RedemptionEntity): CounterRedemption {
    return toCounterRedemption(
      redemption,
      this.clock.now(),
      this.profiles.maskedPhone(redemption.user ?? { phoneCipher: null }),
    );
  }

  /**
   * The merchant or station a list or export is about: the one named (which the caller must be
   * able to read, else 404), or the caller's own counter. With `required`, a caller with no
   * counter of their own must name one.
   */
  private async counterOf(
    actor: Actor,
    query: { merchantId?: string; stationId?: string },
    required: boolean,
  ): Promise<Counter | null> {
    const merchantId =
      query.merchantId ??
      (query.stationId ? undefined : actor.grantsOf('merchant_staff')[0]?.merchantId);
    const stationId =
      query.stationId ?? (merchantId ? undefined : actor.grantsOf('station_manager')[0]?.stationId);
    const place = merchantId
      ? await this.merchants.findById(merchantId)
      : stationId
        ? await this.stations.findById(stationId)
        : null;
    if (!place) {
      if (merchantId || stationId) throw new NotFoundError('Merchant or station not found');
      if (!required) return null;
      throw ValidationFailedError.forField(
        'merchantId',
        'isRequired',
        'Name the merchant (merchantId) or station (stationId) to settle',
      );
    }
    const subject = {
      regionId: place.regionId,
      merchantId: merchantId ? place.id : null,
      stationId: merchantId ? null : place.id,
    };
    if (!(await this.policy.can(actor, 'read', 'Redemption', subject))) {
      throw new NotFoundError('Merchant or station not found');
    }
    const region = await this.regions.findById(place.regionId);
    return {
      place: merchantId ? { merchantId: place.id } : { stationId: place.id },
      name: place.name,
      regionId: place.regionId,
      timeZone: region?.timeZone ?? DEFAULT_TIME_ZONE,
    };
  }
}

/** The instant local `date` starts; 400 for a date that does not exist (2026-02-30). */
function localDayStart(date: string, timeZone: string, field: string): Date {
  if (!isCalendarDate(date)) {
    throw ValidationFailedError.forField(field, 'isDate', `${field} must be a real date`);
  }
  return startOfLocalDay(date, timeZone);
}

/** The instant the local day after `date` starts: the exclusive end of an inclusive range. */
function localDayEnd(date: string, timeZone: string, field: string): Date {
  localDayStart(date, timeZone, field);
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfLocalDay(next.toISOString().slice(0, 10), timeZone);
}
