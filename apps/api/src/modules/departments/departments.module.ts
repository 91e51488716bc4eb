import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { RegionsModule } from '../regions/regions.module';
import { DepartmentEntity } from './department.entity';
import { DepartmentsController } from './departments.controller';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentsService } from './departments.service';

/** The departments reports are dispatched to. */
@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity]), RegionsModule, AuditModule],
  controllers: [DepartmentsController],
  providers: [DepartmentsRepository, DepartmentsService],
  exports: [DepartmentsService, DepartmentsRepository],
})
export class DepartmentsModule {}
