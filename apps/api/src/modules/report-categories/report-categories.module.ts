import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { RegionsModule } from '../regions/regions.module';
import { StationsModule } from '../stations/stations.module';
import { ReportCategoriesController } from './report-categories.controller';
import { ReportCategoriesRepository } from './report-categories.repository';
import { ReportCategoriesService } from './report-categories.service';
import { ReportCategoryEntity } from './report-category.entity';
import { ServiceArea } from './service-area';

/** What reports are filed under, per region, and which region a place belongs to. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportCategoryEntity]),
    RegionsModule,
    StationsModule,
    DepartmentsModule,
    AuditModule,
  ],
  controllers: [ReportCategoriesController],
  providers: [ReportCategoriesRepository, ReportCategoriesService, ServiceArea],
  exports: [ReportCategoriesService, ReportCategoriesRepository, ServiceArea],
})
export class ReportCategoriesModule {}
