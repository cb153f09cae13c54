export * from './visitor-id';
export * from './visitor-token';
export * from './webchat-inbound';
export * from './webchat-payloads';
export * from './webchat-protocol';
export * from './webchat-secrets';
