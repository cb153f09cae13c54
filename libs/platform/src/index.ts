export * from './classify-failure';
export * from './close-on-signal';
export * from './connect-runtime';
export * from './platform.module';
export * from './service-runtime';
export * from './start-service-app';
