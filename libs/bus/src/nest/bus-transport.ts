import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { decodeEnvelope, type AnyEnvelope } from '@switchboard/contracts';
import { withCorrelation } from '@switchboard/observability';
import { lastValueFrom } from 'rxjs';
import type { BusMessage, EventBus, RetryOptions, Subscription } from '../event-bus';
import { classify } from './bus-exception.filter';
import { BusContext } from './bus-context';

export interface BusTransportOptions {
  /** The consumer group: every replica of a service shares one, so each event is handled once. */
  groupId: string;
  retry?: Partial<RetryOptions>;
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  onHandled?: (topic: string, type: string, outcome: 'ok' | 'error', seconds: number) => void;
  /** Turns a handler's failure into PermanentError / TransientError where it can tell. */
  classifyError?: (error: unknown) => unknown;
}

/**
 * A NestJS transport over our EventBus: `@EventPattern(topic)` handlers receive the decoded,
 * validated envelope; a handler that throws is retried or dead-lettered by the bus, and the
 * offset is committed only after it succeeds.
 */
export class BusTransport extends Server implements CustomTransportStrategy {
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly options: BusTransportOptions,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = [...this.messageHandlers.keys()];
      if (topics.length === 0) return callback();
      await this.bus.ensureTopics(topics);
      // One member per service instance for all its topics: Kafka assigns a group's
      // partitions assuming its members subscribe to the same topics.
      this.subscription = await this.bus.subscribe({
        groupId: this.options.groupId,
        topics,
        fromBeginning: this.options.fromBeginning ?? true,
        retry: this.options.retry,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        handler: (message) => this.dispatch(message),
      });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  on(): never {
    throw new Error('BusTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private async dispatch(message: BusMessage): Promise<void> {
    const { topic } = message;
    const started = process.hrtime.bigint();
    let envelope: AnyEnvelope;
    try {
      envelope = decodeEnvelope(message.value);
    } catch (error) {
      throw classify(error);
    }
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`No handler for ${topic}`);
    const context = new BusContext([message, envelope]);
    let outcome: 'ok' | 'error' = 'error';
    const correlation = { correlationId: envelope.correlationId, causationId: envelope.id };
    try {
      await withCorrelation(correlation, async () => {
        try {
          const result = await handler(envelope, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        } catch (error) {
          const classified = this.options.classifyError?.(classify(error)) ?? classify(error);
          // Logged inside the correlation context, so the line carries the correlation id.
          this.logger.error?.({
            msg: `Handling ${envelope.type} failed (attempt ${message.attempt})`,
            eventId: envelope.id,
            attempt: message.attempt,
            classifiedAs: classified instanceof Error ? classified.name : 'unknown',
            err: error,
          });
          throw classified;
        }
      });
      outcome = 'ok';
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.options.onHandled?.(topic, envelope.type, outcome, seconds);
    }
  }
}
