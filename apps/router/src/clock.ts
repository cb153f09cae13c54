import { Injectable } from '@nestjs/common';

/** Wall-clock time, injected so routing decisions can be tested at any instant. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
