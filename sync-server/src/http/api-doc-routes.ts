import { Hono } from 'hono';
import { API_GROUPS } from '../api-doc';
import type { AppEnv } from './context';
import { referencePage, REFERENCE_CSP } from './api-reference-page';
import { openApiDocument } from './openapi';

const INFO = {
  title: 'Coulisses Crew API',
  version: '1',
  description:
    'REST API under /api/v1 (JSON, session cookie). Writes go through the sync core: the same validation, write policies, ' +
    'audit and read scopes as replication. Errors have one shape {error: {code, message, details?}}, messages in French by ' +
    'default and in English with Accept-Language: en. This document is generated from the zod schemas of the routes.',
};

let cached: Record<string, unknown> | undefined;

/** The OpenAPI document of the described routes (built once: it depends on code only). */
export function apiDocument(): Record<string, unknown> {
  cached ??= openApiDocument(API_GROUPS, INFO);
  return cached;
}

/** GET /api/v1/openapi.json and GET /api/v1/docs: public, like any API description (they hold no data). */
export function apiDocRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(apiDocument()));
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', REFERENCE_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(referencePage(apiDocument()));
  });
  return app;
}
