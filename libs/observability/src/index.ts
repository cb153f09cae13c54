export * from './correlation';
export * from './correlation.middleware';
export * from './health.controller';
export * from './http-metrics.middleware';
export * from './json-logger';
export * from './metrics';
export * from './readiness';
