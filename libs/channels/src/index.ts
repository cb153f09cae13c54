export * from './channel-adapter';
export * from './parsed-inbound';
export * from './webhook-input.error';
export * from './webhook-request';
export * from './slack';
export * from './meta';
export * from './twilio';
export * from './telegram';
