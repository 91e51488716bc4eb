import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { LedgerModule } from '../ledger/ledger.module';
import { MerchantsModule } from '../merchants/merchants.module';
import { StationsModule } from '../stations/stations.module';
import { RewardEntity } from './reward.entity';
import { RewardsController } from './rewards.controller';
import { RewardsRepository } from './rewards.repository';
import { RewardsService } from './rewards.service';

/** Rewards on offer. Redemptions take their stock through RewardsRepository. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RewardEntity]),
    AuditModule,
    LedgerModule,
    MerchantsModule,
    StationsModule,
  ],
  controllers: [RewardsController],
  providers: [RewardsRepository, RewardsService],
  exports: [RewardsRepository],
})
export class RewardsModule {}
