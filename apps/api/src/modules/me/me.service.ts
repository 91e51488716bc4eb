import { Injectable } from '@nestjs/common';
import {
  ConsentKind,
  ConsentRecord,
  GrantConsentDto,
  MAX_PAGE_LIMIT,
  MeExport,
  MeResponse,
  UpdateMeDto,
} from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { collectPages } from '../../common/pagination/cursor';
import { Transactions } from '../../database/transactions';
import { RequestMeta } from '../access/access.decorators';
import { AccessError } from '../access/access.errors';
import { Actor } from '../access/actor';
import { SessionRevocations } from '../access/session-revocations';
import { AuditService } from '../audit/audit.service';
import { PointsService } from '../ledger/points.service';
import { RedemptionsService } from '../redemptions/redemptions.service';
import { CheckinsService } from '../checkins/checkins.service';
import { ReportsService } from '../reports/reports.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { WechatIdentitiesRepository } from '../auth/wechat/wechat-identities.repository';
import { ProfilesService } from '../users/profiles.service';
import { toConsentRecord } from '../users/user.mapper';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

const EXPORTED_AUDIT_ENTRIES = 1000;

/** The caller's own account: profile, consents, export and erasure (PIPL arts. 44–47). */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly wechatIdentities: WechatIdentitiesRepository,
    private readonly audit: AuditService,
    private readonly profiles: ProfilesService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocations,
    private readonly points: PointsService,
    private readonly redemptions: RedemptionsService,
    private readonly checkins: CheckinsService,
    private readonly reports: ReportsService,
    private readonly notifications: NotificationsService,
  ) {}

  async get(actor: Actor): Promise<MeResponse> {
    return this.profiles.ownerView(await this.liveUser(actor));
  }

  async update(actor: Actor, changes: UpdateMeDto): Promise<MeResponse> {
    const user = await this.liveUser(actor);
    await this.users.update(user.id, {
      ...(changes.nickname !== undefined && { nickname: changes.nickname.trim() }),
      ...(changes.occupation !== undefined && { occupation: changes.occupation }),
      ...(changes.platform !== undefined && { platform: changes.platform.trim() || null }),
    });
    return this.get(actor);
  }

  async grantConsent(actor: Actor, dto: GrantConsentDto): Promise<ConsentRecord> {
    await this.liveUser(actor);
    const consent = await this.users.grantConsent(
      actor.userId,
      dto.kind,
      dto.version,
      this.clock.now(),
    );
    return toConsentRecord(consent);
  }

  async withdrawConsent(actor: Actor, kind: ConsentKind): Promise<void> {
    if (!(await this.users.withdrawConsent(actor.userId, kind, this.clock.now()))) {
      throw new NotFoundError('No active consent of that kind');
    }
  }

  async export(actor: Actor): Promise<MeExport> {
    const user = await this.liveUser(actor);
    const [
      profile,
      consents,
      sessions,
      wechat,
      actions,
      balance,
      history,
      redemptions,
      checkins,
      reports,
    ] = await Promise.all([
      this.profiles.ownerView(user),
      this.users.allConsents(user.id),
      this.refreshTokens.ofUser(user.id),
      this.wechatIdentities.findByUser(user.id),
      this.audit.recentByActor(user.id, EXPORTED_AUDIT_ENTRIES),
      this.points.balance(actor),
      collectPages((cursor) => this.points.transfers(actor, { limit: MAX_PAGE_LIMIT, cursor })),
      collectPages((cursor) => this.redemptions.listOwn(actor, { limit: MAX_PAGE_LIMIT, cursor })),
      this.checkins.exportOwn(user.id),
      this.reports.exportOwn(user.id),
    ]);
    // Notices, WeChat messages and subscription credits, as their own sections.
    const notices = await this.notifications.exportOwn(user.id);
    return {
      exportedAt: this.clock.now().toISOString(),
      profile,
      consents: consents.map((consent) => ({
        ...toConsentRecord(consent),
        withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      })),
      sessions: sessions.map((token) => ({
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.usedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt.toISOString(),
        revoked: token.revokedAt !== null,
      })),
      wechat: wechat ? { openId: wechat.openId, unionId: wechat.unionId } : null,
      staffActions: actions,
      points: { ...balance, history },
      redemptions,
      checkins,
      reports,
      ...notices,
    };
  }

  /**
   * Erases personal data and ends every session. The account row stays, emptied, so ledger
   * entries (added by the points feature) keep an anonymous owner.
   */
  async erase(actor: Actor, meta: RequestMeta): Promise<void> {
    const user = await this.liveUser(actor);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await this.users.erase(user.id, now, manager);
      await this.wechatIdentities.deleteByUser(user.id, manager);
      await this.refreshTokens.revokeAllOfUser(user.id, now, manager);
      await this.checkins.forgetLocations(user.id, manager);
      await this.reports.forgetReporter(user.id, manager);
      await this.notifications.eraseOwn(user.id, manager);
      if (actor.primaryRole !== 'worker') {
        const regionId = actor.roles.find((role) => role.regionId)?.regionId ?? null;
        await this.audit.record(
          actor,
          meta,
          { action: 'account.erase', targetType: 'user', targetId: user.id, regionId },
          manager,
        );
      }
    });
    // The account's other sessions follow within the revocation check's few seconds.
    this.revocations.markRevoked(actor.sessionId);
  }

  /** An erased account's still-unexpired access token no longer reaches its (empty) profile. */
  private async liveUser(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw AccessError.unauthenticated('This account no longer exists');
    return user;
  }
}
