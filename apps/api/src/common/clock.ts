import { Injectable } from '@nestjs/common';

/** The server's notion of "now", injectable so tests can pin it (opening hours depend on it). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
