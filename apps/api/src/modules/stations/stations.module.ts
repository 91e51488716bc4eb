import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media/media.module';
import { RegionsModule } from '../regions/regions.module';
import { StationAdminService } from './station-admin.service';
import { StationEntity } from './station.entity';
import { StationsController } from './stations.controller';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';
import { NearbyStations } from './nearby-stations';
import { StationCodes } from './station-codes';

@Module({
  imports: [TypeOrmModule.forFeature([StationEntity]), RegionsModule, AuditModule, MediaModule],
  controllers: [StationsController],
  providers: [
    StationsRepository,
    StationsService,
    NearbyStations,
    StationAdminService,
    StationCodes,
  ],
  exports: [StationsRepository, StationCodes],
})
export class StationsModule {}
