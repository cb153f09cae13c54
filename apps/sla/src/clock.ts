import { Injectable } from '@nestjs/common';

/** Wall-clock time, injected so the scheduler can be tested at any instant. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
