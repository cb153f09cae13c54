import { BaseRpcContext } from '@nestjs/microservices';
import type { AnyEnvelope } from '@switchboard/contracts';
import type { BusMessage } from '../event-bus';

/** What an `@EventPattern` handler can ask about the message it is handling. */
export class BusContext extends BaseRpcContext<[BusMessage, AnyEnvelope]> {
  getMessage(): BusMessage {
    return this.args[0];
  }
  getEnvelope(): AnyEnvelope {
    return this.args[1];
  }
}
