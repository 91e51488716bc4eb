import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AccessError } from './access.errors';
import { AuthenticatedRequest, PUBLIC_KEY } from './access.decorators';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. A public
 * route still refuses an invalid token rather than silently treating the caller as anonymous,
 * so a client learns at once that it must refresh.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic && request.headers.authorization === undefined) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof AccessError) throw error;
    if (error || !user) throw AccessError.unauthenticated();
    return user;
  }
}
