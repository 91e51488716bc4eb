import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ConsentKind } from '@yizhan/contracts';
import { AccessError } from '../access/access.errors';
import { AuthenticatedRequest, CONSENT_KEY } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { UsersRepository } from './users.repository';

/**
 * Global guard: a route marked `@RequiresConsent(kind)` runs only for a caller with an active
 * consent of that kind (PIPL): 403 CONSENT_REQUIRED otherwise, before anything is stored.
 */
@Injectable()
export class ConsentGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersRepository,
  ) {}

  /** Synchronous for the routes that need no consent (nearly all). */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const kind = this.reflector.getAllAndOverride<ConsentKind | undefined>(CONSENT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!kind) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!(actor instanceof Actor)) throw AccessError.unauthenticated();
    return this.requireConsent(actor.userId, kind);
  }

  private async requireConsent(userId: string, kind: ConsentKind): Promise<boolean> {
    if (!(await this.users.hasActiveConsent(userId, kind))) {
      throw AccessError.consentRequired(kind);
    }
    return true;
  }
}
