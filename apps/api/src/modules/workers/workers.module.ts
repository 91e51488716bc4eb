import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsAccountEntity } from '../ledger/points-account.entity';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { WorkerLookupController } from './worker-lookup.controller';
import { WorkerLookupService } from './worker-lookup.service';

/** District admins finding a worker by phone (read-only; points move through the ledger). */
@Module({
  imports: [TypeOrmModule.forFeature([PointsAccountEntity]), RegionsModule, UsersModule],
  controllers: [WorkerLookupController],
  providers: [WorkerLookupService],
})
export class WorkersModule {}
