import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ConsentKind, Role } from '@yizhan/contracts';
import { FastifyRequest } from 'fastify';
import { Actor } from './actor';

export const PUBLIC_KEY = 'yizhan:public';
export const ROLES_KEY = 'yizhan:roles';
export const CONSENT_KEY = 'yizhan:consent';

/** The route answers without a token (a token, if sent, must still be valid). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only callers holding one of these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The route processes this personal data and needs the caller's recorded consent (403 CONSENT_REQUIRED). */
export const RequiresConsent = (kind: ConsentKind) => SetMetadata(CONSENT_KEY, kind);

export type AuthenticatedRequest = FastifyRequest & { user?: Actor };

/** The signed-in caller of a protected route. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!(actor instanceof Actor))
    throw new Error('CurrentActor used on a route without a signed-in actor');
  return actor;
});

/** Where a request came from, for audit entries and rate limits. */
export interface RequestMeta {
  ip: string | null;
  requestId: string;
}

export const RequestInfo = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestMeta => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return { ip: request.ip ?? null, requestId: request.id };
  },
);
