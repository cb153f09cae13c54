export * from './dead-letter';
export * from './event-bus';
export * from './in-process/in-process-bus';
export * from './kafka/kafka-bus';
export * from './outbox/outbox';
export * from './outbox/outbox-relay';
export * from './permanent.error';
