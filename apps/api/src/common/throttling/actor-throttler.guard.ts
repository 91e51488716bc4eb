import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor } from '../../modules/access/actor';

/**
 * Counts requests per signed-in user, and per IP address only for anonymous callers: riders
 * behind one carrier NAT share an address, and must not exhaust each other's allowance.
 * Runs after the access-token guard, so `request.user` is already known.
 */
@Injectable()
export class ActorThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.user;
    if (actor instanceof Actor) return Promise.resolve(`user:${actor.userId}`);
    return Promise.resolve(`ip:${String(request.ip ?? 'unknown')}`);
  }
}
