import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { CapCounterEntity } from './cap-counter.entity';
import { EarningRuleEntity } from './earning-rule.entity';
import { EarningRulesRepository } from './earning-rules.repository';
import { LedgerAdminController } from './ledger-admin.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { PointsAccountEntity } from './points-account.entity';
import { PointsAwardEntity } from './points-award.entity';
import { PointsController } from './points.controller';
import { PointsExpiryJob } from './points-expiry.job';
import { PointsLotDrawEntity } from './points-lot-draw.entity';
import { PointsLotEntity } from './points-lot.entity';
import { PointsService } from './points.service';
import { PointsTransferEntity } from './points-transfer.entity';

/**
 * The points ledger. Other features (check-ins, reports, volunteering, redemptions) import
 * this module and move points only through LedgerService.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PointsAccountEntity,
      PointsTransferEntity,
      PointsLotEntity,
      PointsLotDrawEntity,
      EarningRuleEntity,
      PointsAwardEntity,
      CapCounterEntity,
    ]),
    AuditModule,
    RegionsModule,
    UsersModule,
  ],
  controllers: [PointsController, LedgerAdminController],
  providers: [
    LedgerRepository,
    EarningRulesRepository,
    LedgerService,
    PointsService,
    PointsExpiryJob,
  ],
  exports: [LedgerService, PointsService],
})
export class LedgerModule {}
