import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MerchantsModule } from '../merchants/merchants.module';
import { StationsModule } from '../stations/stations.module';
import { UserRoleEntity } from '../users/user-role.entity';
import { UsersModule } from '../users/users.module';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserRoleEntity]),
    UsersModule,
    AuthModule,
    AuditModule,
    MerchantsModule,
    StationsModule,
  ],
  controllers: [StaffController],
  providers: [StaffRepository, StaffService],
})
export class StaffModule {}
