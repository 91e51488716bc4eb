import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { StationEntity } from './station.entity';
import { StationsController } from './stations.controller';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';
import { StationCodes } from './station-codes';

@Module({
  imports: [TypeOrmModule.forFeature([StationEntity]), RegionsModule],
  controllers: [StationsController],
  providers: [StationsRepository, StationsService, StationCodes],
  exports: [StationsRepository, StationCodes],
})
export class StationsModule {}
