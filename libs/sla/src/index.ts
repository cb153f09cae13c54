export * from './business-hours';
export { instantOf, localTimeAt, type LocalDateTime } from './zoned-time';
export * from './sla-policy';
export * from './sla-clock';
export * from './conversation-clocks';
