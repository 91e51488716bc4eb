import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

/** Reading recorded visits: a station's day for its staff, statistics and their CSV export. */
@Module({
  imports: [StationsModule],
  controllers: [VisitsController],
  providers: [VisitsRepository, VisitsService],
})
export class VisitsModule {}
