import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { openApiPath } from '../../src/http/openapi';
import { TestClient } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

/** The OpenAPI document is generated from the zod schemas; it validates and covers every KPI route mounted. */
describe('OpenAPI document and reference page', () => {
  let server: TestServer;
  let anon: TestClient;
  let doc: { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    server = await startTestServer('pglite');
    anon = new TestClient(server.url);
    const res = await anon.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => server?.close());

  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every KPI route mounted in the app, and only mounted ones', () => {
    const kpiPath = /^\/api\/v1\/(dashboards|kpis|actions|reporting|imports|analytics)(\/|$)/;
    const mounted = [...new Set(createApp(server.deps).routes.filter((r) => r.method !== 'ALL' && kpiPath.test(r.path)).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`))];
    expect(mounted.length).toBeGreaterThanOrEqual(22);
    const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    for (const route of mounted) expect(described).toContain(route);
    for (const route of described.filter((r) => kpiPath.test(r.split(' ')[1]!))) expect(mounted).toContain(route);
  });

  it('is generated from the zod schemas: bodies, answers, errors and path parameters', () => {
    const create = doc.paths['/api/v1/dashboards/{id}/kpis']!.post as unknown as { parameters: { name: string; in: string }[]; requestBody: { content: Record<string, { schema: { $ref: string } }> } };
    expect(create.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    expect(create.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/KpiCreate');
    const kpiCreate = doc.components.schemas.KpiCreate as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(kpiCreate.properties.direction!.enum).toEqual(['UP_IS_BETTER', 'DOWN_IS_BETTER', 'CLOSEST_IS_BETTER']);
    expect(kpiCreate.required).toContain('thresholds');
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: ['code', 'message'] } } });
    expect(doc.paths['/api/v1/kpis/{id}/values']!.post!.responses['403']).toEqual(expect.objectContaining({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }));
    expect(new Set(Object.values(doc.paths).flatMap((i) => Object.values(i).map((o) => o.operationId))).size).toBe(Object.values(doc.paths).flatMap((i) => Object.values(i)).length);
  });

  it('the reference page is self-contained HTML allowed by its own CSP: no script, its one style by hash', async () => {
    const res = await anon.get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src=|style="/i);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`);
    for (const path of ['/api/v1/dashboards/{id}/kpis', '/api/v1/reporting/top-risks']) expect(html).toContain(path);
    expect(html).toContain('id="schema-KpiCreate"');
    expect(html).toContain('KPI_BANDS_ORDER');
  });
});
