export * from './error-response';
export * from './invalid-request';
export * from './uuid-param.pipe';
export * from './zod-body.pipe';
