import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor } from './actor';
import { AccessError } from './access.errors';
import { AuthenticatedRequest, PUBLIC_KEY } from './access.decorators';
import { AccessTokenVerifier } from './access-token-verifier';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. A public
 * route still refuses an invalid token rather than silently treating the caller as anonymous,
 * so a client learns at once that it must refresh.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  /** Synchronous unless the session's revocation must be looked up (see `actorFor`). */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authorization = request.headers.authorization;
    if (authorization === undefined) {
      const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (isPublic) return true;
      throw AccessError.unauthenticated();
    }
    let actor: Actor | Promise<Actor>;
    try {
      actor = this.verifier.actorFor(authorization);
    } catch (error) {
      throw asAccessError(error);
    }
    if (actor instanceof Actor) {
      request.user = actor;
      return true;
    }
    return actor.then(
      (looked) => {
        request.user = looked;
        return true;
      },
      (error: unknown) => {
        throw asAccessError(error);
      },
    );
  }
}

/** As before: anything that stops the check (the revocation lookup too) is a 401. */
function asAccessError(error: unknown): AccessError {
  return error instanceof AccessError ? error : AccessError.unauthenticated();
}
