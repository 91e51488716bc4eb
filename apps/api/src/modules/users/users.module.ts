import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentEntity } from './consent.entity';
import { ConsentGuard } from './consent.guard';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';
import { ProfilesService } from './profiles.service';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserRoleEntity, ConsentEntity])],
  providers: [UsersRepository, ProfilesService, ConsentGuard],
  exports: [UsersRepository, ProfilesService, ConsentGuard],
})
export class UsersModule {}
