import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { LedgerModule } from '../ledger/ledger.module';
import { MediaModule } from '../media/media.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { ReportCategoriesModule } from '../report-categories/report-categories.module';
import { UsersModule } from '../users/users.module';
import { ReportEventEntity } from './report-event.entity';
import { ReportPoints } from './report-points';
import { ReportViews } from './report-views';
import { ReportWorkflow } from './report-workflow';
import { ReportEntity } from './report.entity';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Workers' reports: filing, the handler's steps, the timeline, and the points that follow. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportEntity, ReportEventEntity]),
    ReportCategoriesModule,
    DepartmentsModule,
    RegionsModule,
    MediaModule,
    NotificationsModule,
    LedgerModule,
    UsersModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportViews, ReportsService, ReportWorkflow, ReportPoints],
  exports: [ReportsService, ReportsRepository],
})
export class ReportsModule {}
