export * from './channel';
export * from './contract-violation.error';
export * from './envelope';
export * from './event-catalog';
export * from './event-codec';
export * from './events/conversation-events';
export * from './events/inbound-message';
export * from './topics';
