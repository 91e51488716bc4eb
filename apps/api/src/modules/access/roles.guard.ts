import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@yizhan/contracts';
import { Actor } from './actor';
import { AccessError } from './access.errors';
import { AuthenticatedRequest, ROLES_KEY } from './access.decorators';

/** Global guard after authentication: a route's `@Roles(...)` must include one of the caller's. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!(actor instanceof Actor)) throw AccessError.unauthenticated();
    if (!roles.some((role) => actor.has(role))) throw AccessError.forbidden();
    return true;
  }
}
