import type { MiddlewareHandler } from 'hono';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppEnv } from './context';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, matched route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpDuration };
}

/**
 * Times every request into the histogram (labelled by the matched route pattern, never the raw path, so the
 * label set stays bounded) and writes one JSON log line per request: method, path without its query string
 * (tokens may travel there), route, status and duration. No bodies, cookies or headers are logged.
 */
export function observe(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - start) / 1000;
      const status = c.res.status;
      const route = status === 404 && c.req.routePath === '/*' ? 'unmatched' : c.req.routePath;
      metrics.httpDuration.observe({ method: c.req.method, route, status_code: String(status) }, seconds);
      const log = c.get('log');
      const line = { method: c.req.method, path: c.req.path, route, status, ms: Math.round(seconds * 1000) };
      if (status >= 500) log.error(line, 'request');
      else if (c.req.path.startsWith('/api/')) log.info(line, 'request');
      else log.debug(line, 'request');
    }
  };
}
