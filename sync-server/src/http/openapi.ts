import { z } from 'zod';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with (zod 4's
 * z.toJSONSchema), never written by hand. Each domain describes its routes in one module (a RouteDoc table);
 * this file only turns tables into the document. docs/api.md says how to add a route.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A schema that appears once under components.schemas and is referenced by name. */
export interface Named {
  readonly name: string;
  readonly schema: z.ZodType;
}

/** Names a schema for the document's components (a response or body shared by several routes). */
export function named(name: string, schema: z.ZodType): Named {
  return { name, schema };
}

export interface ResponseDoc {
  status: number;
  description: string;
  /** JSON body; absent for 204 and for non-JSON answers described by contentType. */
  schema?: z.ZodType | Named;
  /** Another content type than JSON (text/html, text/csv). */
  contentType?: string;
}

export interface RouteDoc {
  method: HttpMethod;
  /** Hono style, relative to /api/v1: /dashboards/:id */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it, said in the description (the role guard decides). */
  roles: string;
  /** Descriptions of the path parameters (every :param of the path must be listed). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  body?: z.ZodType | Named;
  /** Another request content type than JSON (multipart/form-data for an upload). */
  bodyContentType?: string;
  responses: ResponseDoc[];
  /** Error statuses this route may answer with the one error shape. */
  errors: number[];
}

/** A domain's description module: its tag and its routes. */
export interface RouteGroup {
  tag: string;
  description: string;
  routes: RouteDoc[];
}

/** The one error shape (docs/api.md, Errors). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable code, e.g. VALIDATION_FAILED, FORBIDDEN, NOT_FOUND' }),
      message: z.string().meta({ description: "Message in the caller's language (Accept-Language, French by default)" }),
      details: z.unknown().optional().meta({ description: 'Field paths and codes of a validation error' }),
      requestId: z.string().optional(),
    }),
  })
  .meta({ description: 'The one error shape of the API' });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED with details, BAD_REQUEST)',
  401: 'No valid session (UNAUTHENTICATED)',
  403: 'Role not allowed (FORBIDDEN, NO_ACTIVE_ORG, ORIGIN_REFUSED)',
  404: "Not found in the caller's organisation (NOT_FOUND)",
  409: 'Conflict with the stored state',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Refused by a business rule (stable code)',
};

type Json = Record<string, unknown>;

/** The JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of a zod schema, without its $schema key. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** /dashboards/:id -> /dashboards/{id} */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

class Components {
  readonly schemas: Record<string, Json> = {};
  /** Names of the schemas some answer uses: a body of the same name whose input schema differs gets `Input`. */
  constructor(private readonly outputNames: ReadonlySet<string>) {}

  ref(s: z.ZodType | Named, io: 'input' | 'output'): Json {
    if (!('name' in s && 'schema' in s)) return jsonSchemaOf(s as z.ZodType, io);
    const n = s as Named;
    const key = io === 'input' && this.outputNames.has(n.name) && this.differs(n) ? `${n.name}Input` : n.name;
    this.schemas[key] ??= jsonSchemaOf(n.schema, io);
    return { $ref: `#/components/schemas/${key}` };
  }

  /** A schema whose input and output JSON Schemas differ (defaults, transforms) gets two components. */
  private differs(n: Named): boolean {
    return JSON.stringify(jsonSchemaOf(n.schema, 'input')) !== JSON.stringify(jsonSchemaOf(n.schema, 'output'));
  }
}

function operation(route: RouteDoc, components: Components): Json {
  const parameters: Json[] = pathParams(route.path).map((name) => ({
    name, in: 'path', required: true, description: route.params?.[name] ?? name, schema: { type: 'string', minLength: 1, maxLength: 40 },
  }));
  if (route.query) {
    const shape = route.query.shape as Record<string, z.ZodType>;
    for (const [name, schema] of Object.entries(shape)) {
      const s = jsonSchemaOf(schema, 'input');
      const description = typeof s.description === 'string' ? s.description : undefined;
      parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, ...(description ? { description } : {}), schema: s });
    }
  }
  const responses: Json = {};
  for (const r of route.responses) {
    const content = r.schema ? { [r.contentType ?? 'application/json']: { schema: components.ref(r.schema, 'output') } } : r.contentType ? { [r.contentType]: { schema: { type: 'string' } } } : undefined;
    // Two answers of one status (a JSON one and a file, say) share the entry: descriptions joined, contents merged.
    const prev = responses[String(r.status)] as { description: string; content?: Json } | undefined;
    const merged = prev?.content || content ? { content: { ...(prev?.content ?? {}), ...(content ?? {}) } } : {};
    responses[String(r.status)] = { description: prev ? `${prev.description}. ${r.description}` : r.description, ...merged };
  }
  for (const status of route.errors) {
    responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, `Roles: ${route.roles}.`].filter(Boolean).join('\n\n'),
    tags: [route.tag],
    parameters,
    responses,
  };
  if (route.body) {
    const schema = route.bodyContentType && route.bodyContentType !== 'application/json' ? jsonSchemaOf((route.body as Named).schema ?? (route.body as z.ZodType), 'input') : components.ref(route.body, 'input');
    op.requestBody = { required: true, content: { [route.bodyContentType ?? 'application/json']: { schema } } };
  }
  return op;
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

/** The OpenAPI 3.1 document of the given route groups (paths under /api/v1). */
export function openApiDocument(groups: readonly RouteGroup[], info: DocumentInfo): Json {
  const isNamed = (s: unknown): s is Named => typeof s === 'object' && s !== null && 'name' in s && 'schema' in s;
  const outputNames = new Set(groups.flatMap((g) => g.routes.flatMap((r) => r.responses.map((x) => x.schema).filter(isNamed).map((x) => x.name))));
  const components = new Components(outputNames);
  components.schemas.Error = jsonSchemaOf(ErrorBody, 'output');
  const paths: Record<string, Json> = {};
  for (const group of groups) {
    for (const route of group.routes) {
      const key = `/api/v1${openApiPath(route.path)}`;
      const item = (paths[key] ??= {});
      if (item[route.method]) throw new Error(`route described twice: ${route.method} ${key}`);
      item[route.method] = operation(route, components);
    }
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    tags: groups.map((g) => ({ name: g.tag, description: g.description })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token', description: 'The httpOnly session cookie set by POST /api/auth/sign-in/email' } },
    },
    security: [{ session: [] }],
  };
}
