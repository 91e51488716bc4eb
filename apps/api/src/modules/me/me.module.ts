import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { RedemptionsModule } from '../redemptions/redemptions.module';
import { CheckinsModule } from '../checkins/checkins.module';
import { ReportsModule } from '../reports/reports.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

@Module({
  imports: [
    UsersModule,
    AuthModule,
    AuditModule,
    LedgerModule,
    RedemptionsModule,
    CheckinsModule,
    ReportsModule,
    NotificationsModule,
  ],
  controllers: [MeController],
  providers: [MeService],
})
export class MeModule {}
