import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LedgerModule } from '../ledger/ledger.module';
import { StationsModule } from '../stations/stations.module';
import { CheckinGateEntity } from './checkin-gate.entity';
import { CheckinPoints } from './checkin-points';
import { CheckinEntity } from './checkin.entity';
import { CheckinsController } from './checkins.controller';
import { CheckinsRepository } from './checkins.repository';
import { CheckinsService } from './checkins.service';

/** Station visits: code and location checks, the per-worker gate, and their points. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CheckinEntity, CheckinGateEntity]),
    LedgerModule,
    StationsModule,
  ],
  controllers: [CheckinsController],
  providers: [CheckinsRepository, CheckinsService, CheckinPoints],
  exports: [CheckinsService],
})
export class CheckinsModule {}
