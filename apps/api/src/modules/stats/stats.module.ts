import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** The district console's statistics, CSV exports and station coverage (read-only). */
@Module({
  imports: [RegionsModule, UsersModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService],
})
export class StatsModule {}
