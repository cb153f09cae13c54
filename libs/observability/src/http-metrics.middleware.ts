import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './metrics';

/** Counts answered requests by route pattern (not raw URL, which would explode cardinality). */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      metrics.httpRequests.inc({
        method: request.method,
        route,
        status: String(response.statusCode),
      });
    });
    next();
  };
}
