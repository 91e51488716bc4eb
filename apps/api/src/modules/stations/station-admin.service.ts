import { Injectable } from '@nestjs/common';
import {
  CodeRotationResponse,
  CreateStationDto,
  LiveCodeResponse,
  StationDetail,
  StationStatus,
  UpdateStationDto,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { isUuid } from '../../common/uuid';
import { Transactions } from '../../database/transactions';
import { AccessPolicy, Action } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { MediaAttachments } from '../media/media-attachments';
import { StationCodes } from './station-codes';
import {
  assertValidStationInput,
  changedFields,
  newStationFields,
  normalizeStationInput,
  StationFields,
  stationFieldsOf,
  toStationColumns,
} from './station-input';
import { renderStationPoster } from './station-poster';
import { StationEntity } from './station.entity';
import { StationError } from './stations.errors';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';

/** The QR code a station's screen shows: big enough for a phone a metre away. */
const LIVE_QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, width: 480 } as const;

/**
 * What staff do with stations: district admins create and edit the stations of their region and
 * retire printed posters by rotating a station's code generation; a station's manager switches
 * its status and amenities. Both show the station's codes (live on a screen, or the poster).
 * Every write and its audit entry share one transaction.
 */
@Injectable()
export class StationAdminService {
  constructor(
    private readonly stations: StationsRepository,
    private readonly views: StationsService,
    private readonly codes: StationCodes,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly media: MediaAttachments,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateStationDto, meta: RequestMeta): Promise<StationDetail> {
    const regionId = dto.regionId.toLowerCase();
    // A region outside the admin's district looks like one that does not exist.
    if (!(await this.policy.can(actor, 'create', 'Station', { id: '', regionId }))) {
      throw new NotFoundError('Region not found');
    }
    const fields = newStationFields(dto);
    assertValidStationInput(fields);
    const station = Object.assign(new StationEntity(), {
      id: randomUUID(),
      regionId,
      codeVersion: 1,
      ...toStationColumns(fields),
    });
    await this.transactions.run(async (manager) => {
      await this.stations.insert(station, manager);
      await this.audit.record(
        actor,
        meta,
        {
          action: 'station.create',
          targetType: 'station',
          targetId: station.id,
          regionId: station.regionId,
          after: fields,
        },
        manager,
      );
    });
    return this.views.get(station.id);
  }

  /**
   * Changes the sent fields. A field the caller's role may not change (a manager's name or
   * location, say) refuses the whole request with 403 naming the fields; a station the caller
   * may not change at all is 404. Sending what is already stored writes nothing. Photos
   * (`photoMediaIds`) change with the fields, in the same transaction and audit entry.
   */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateStationDto,
    meta: RequestMeta,
  ): Promise<StationDetail> {
    const station = await this.findFor(actor, 'update', id);
    const sent = Object.keys(dto)
      .filter((field) => dto[field as keyof UpdateStationDto] !== undefined)
      .sort();
    const allowed = await Promise.all(
      sent.map((field) => this.policy.can(actor, 'update', 'Station', station, field)),
    );
    const forbidden = sent.filter((_, index) => !allowed[index]);
    if (forbidden.length > 0) throw StationError.fieldsForbidden(forbidden);

    const input = normalizeStationInput(dto);
    assertValidStationInput(input);
    const current = stationFieldsOf(station);
    const changes = changedFields(current, input);
    const photoIds = dto.photoMediaIds;
    if (Object.keys(changes).length > 0 || photoIds !== undefined) {
      const before: Record<string, unknown> = Object.fromEntries(
        Object.keys(changes).map((field) => [field, current[field as keyof StationFields]]),
      );
      const after: Record<string, unknown> = { ...changes };
      await this.transactions.run(async (manager) => {
        if (photoIds !== undefined) {
          // New photos must be the caller's own uploads; dropped ones are deleted.
          const photos = await this.media.replace(
            manager,
            { type: 'station', id: station.id },
            photoIds,
            actor.userId,
            this.clock.now(),
          );
          if (photos.before.join() !== photos.after.join()) {
            before.photoMediaIds = photos.before;
            after.photoMediaIds = photos.after;
          }
        }
        if (Object.keys(changes).length > 0) {
          await this.stations.update(station.id, toStationColumns(changes), manager);
        }
        // Sending what is already stored writes nothing, not even an audit entry.
        if (Object.keys(after).length === 0) return;
        await this.audit.record(
          actor,
          meta,
          {
            action: 'station.update',
            targetType: 'station',
            targetId: station.id,
            regionId: station.regionId,
            before,
            after,
          },
          manager,
        );
      });
    }
    return this.views.get(station.id);
  }

  /** Retires every printed poster of the station: its next generation signs new ones. */
  async rotateCode(actor: Actor, id: string, meta: RequestMeta): Promise<CodeRotationResponse> {
    // `manage` is the district admins' rule; a manager of the station may not rotate.
    const station = await this.findFor(actor, 'manage', id);
    const codeVersion = await this.transactions.run(async (manager) => {
      const next = await this.stations.nextCodeVersion(station.id, manager);
      if (next === null) throw StationError.notFound();
      await this.audit.record(
        actor,
        meta,
        {
          action: 'station.code_rotation',
          targetType: 'station',
          targetId: station.id,
          regionId: station.regionId,
          before: { codeVersion: next - 1 },
          after: { codeVersion: next },
        },
        manager,
      );
      return next;
    });
    return { stationId: station.id, codeVersion };
  }

  /** The rotating code for the station's screen, with its QR image and when to ask again. */
  async liveCode(actor: Actor, id: string): Promise<LiveCodeResponse> {
    const station = await this.findFor(actor, 'update', id);
    // A temporarily closed station keeps its screen; a closed one has nobody to check in.
    if (station.status === StationStatus.Closed) throw StationError.closedHasNoLiveCode();
    const issued = this.codes.liveCode(station);
    if (!issued.expiresAt) throw new Error('A live code always has an expiry');
    const secondsLeft = Math.ceil((issued.expiresAt.getTime() - this.clock.now().getTime()) / 1000);
    return {
      stationId: station.id,
      code: issued.code,
      qrDataUrl: await QRCode.toDataURL(issued.code, LIVE_QR_OPTIONS),
      expiresAt: issued.expiresAt.toISOString(),
      refreshInSeconds: Math.max(1, secondsLeft),
    };
  }

  /** The printable poster (PNG) carrying the station's current poster code. */
  async poster(actor: Actor, id: string): Promise<{ stationId: string; png: Buffer }> {
    const station = await this.findFor(actor, 'update', id);
    const png = await renderStationPoster({
      brand: station.brand,
      name: station.name,
      address: station.address,
      code: this.codes.posterCode(station),
      codeVersion: station.codeVersion,
    });
    return { stationId: station.id, png };
  }

  /**
   * The station, if the caller may `action` it; else 404 like an absent one. `update` is what
   * both the region's admins and the station's manager hold: they run the station and show
   * its codes.
   */
  private async findFor(actor: Actor, action: Action, id: string): Promise<StationEntity> {
    const station = isUuid(id) ? await this.stations.findById(id.toLowerCase()) : null;
    if (!station || !(await this.policy.can(actor, action, 'Station', station))) {
      throw StationError.notFound();
    }
    return station;
  }
}
