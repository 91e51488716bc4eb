import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@yizhan/contracts';
import { Repository } from 'typeorm';
import { SqlCondition } from '../access/sql-scope';
import { UserRoleEntity } from '../users/user-role.entity';

/** Staff and merchant accounts, read through their role grants. */
@Injectable()
export class StaffRepository {
  constructor(
    @InjectRepository(UserRoleEntity) private readonly roles: Repository<UserRoleEntity>,
  ) {}

  /** Grants with their accounts, by username, in the caller's scope (SQL-filtered). */
  page(
    scope: SqlCondition,
    role: Role | undefined,
    after: { username: string; id: string } | null,
    limit: number,
  ): Promise<UserRoleEntity[]> {
    const query = this.roles
      .createQueryBuilder('grant')
      .innerJoinAndSelect('grant.user', 'user')
      .where(scope.sql, scope.params)
      .andWhere("grant.role <> 'worker'")
      .andWhere('user.erasedAt IS NULL')
      .andWhere('user.username IS NOT NULL');
    if (role) query.andWhere('grant.role = :role', { role });
    if (after) {
      query.andWhere(
        '(user.username > :afterName OR (user.username = :afterName AND grant.id > :afterId))',
        { afterName: after.username, afterId: after.id },
      );
    }
    return query
      .orderBy('user.username', 'ASC')
      .addOrderBy('grant.id', 'ASC')
      .take(limit)
      .getMany();
  }
}
