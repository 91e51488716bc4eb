import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LedgerModule } from '../ledger/ledger.module';
import { MerchantsModule } from '../merchants/merchants.module';
import { RegionsModule } from '../regions/regions.module';
import { RewardsModule } from '../rewards/rewards.module';
import { StationsModule } from '../stations/stations.module';
import { UsersModule } from '../users/users.module';
import { ClaimCounterEntity } from './claim-counter.entity';
import { MerchantRedemptionsController } from './merchant-redemptions.controller';
import { RedemptionCounterService } from './redemption-counter.service';
import { RedemptionEntity } from './redemption.entity';
import { RedemptionExpiryJob } from './redemption-expiry.job';
import { RedemptionGuesses } from './redemption-guesses';
import { RedemptionRefunds } from './redemption-refunds';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsRepository } from './redemptions.repository';
import { RedemptionsService } from './redemptions.service';

/** Redeeming rewards for points, the one-time codes, and the merchant's counter. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RedemptionEntity, ClaimCounterEntity]),
    AuditModule,
    LedgerModule,
    MerchantsModule,
    RegionsModule,
    RewardsModule,
    StationsModule,
    UsersModule,
  ],
  controllers: [RedemptionsController, MerchantRedemptionsController],
  providers: [
    RedemptionsRepository,
    RedemptionsService,
    RedemptionCounterService,
    RedemptionRefunds,
    RedemptionGuesses,
    RedemptionExpiryJob,
  ],
  exports: [RedemptionsService, RedemptionExpiryJob],
})
export class RedemptionsModule {}
