import { jsonHazard, JSON_HAZARD_MESSAGES } from '@coulisses/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { errorResponse } from './errors';

/** better-call's test for a JSON body (application/json, application/<x>+json). */
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** One detail of the 400: a jsonHazard, or a query parameter refused here. */
interface Detail {
  path: string;
  code: string;
  message: string;
}

/** A NUL in the URL: %00 in the path (a path parameter) or the query; any other character reaches no database. */
function urlHazard(url: string): Detail | null {
  const at = url.search(/%00/);
  if (at < 0) return null;
  const query = url.indexOf('?');
  return { path: query >= 0 && at > query ? 'query' : 'path', code: 'NUL_CHARACTER', message: JSON_HAZARD_MESSAGES.NUL_CHARACTER };
}

/** better-auth query parameters passed to SQL as they are (organization/list-members, get-full-organization). */
const AUTH_INTEGER_PARAMS = ['limit', 'offset', 'membersLimit'];
const AUTH_FIELD_PARAMS = ['sortBy', 'filterField'];
/** The columns of a member (auth_member) better-auth knows: any other sort or filter field is its own 500. */
const MEMBER_FIELDS = ['id', 'organizationId', 'userId', 'role', 'createdAt'];

/**
 * The query parameters better-auth hands to SQL unchecked, each a 500 otherwise: a negative, fractional or huge
 * limit or offset (LIMIT must not be negative, bigint out of range), a sort or filter field that is not a column
 * (BetterAuthError: field not found), an `in` / `not_in` filter (its value must be an array a query cannot give).
 */
function authQueryHazard(url: URL): Detail | null {
  for (const name of AUTH_INTEGER_PARAMS) {
    for (const v of url.searchParams.getAll(name)) {
      if (v !== '' && !/^\d{1,6}$/.test(v)) return { path: `query.${name}`, code: 'invalid_type', message: 'expected a non-negative integer below 1000000' };
    }
  }
  for (const name of AUTH_FIELD_PARAMS) {
    for (const v of url.searchParams.getAll(name)) {
      if (!MEMBER_FIELDS.includes(v)) return { path: `query.${name}`, code: 'invalid_value', message: `expected one of ${MEMBER_FIELDS.join(', ')}` };
    }
  }
  for (const v of url.searchParams.getAll('filterOperator')) {
    if (v === 'in' || v === 'not_in') return { path: 'query.filterOperator', code: 'invalid_value', message: 'in and not_in need an array value' };
  }
  return null;
}

/**
 * The hazard of a body better-auth is about to parse itself (it never goes through readJson): a JSON body is
 * parsed and walked with jsonHazard; a form body (sign-in and sign-up accept one) is decoded and its keys and
 * values checked. Other types, empty and malformed bodies pass: better-auth answers 415 or 400 itself.
 */
async function authBodyHazard(request: Request): Promise<Detail | null> {
  if (!BODY_METHODS.has(request.method) || !request.body) return null;
  const type = request.headers.get('content-type') ?? '';
  const isJson = JSON_TYPE.test(type);
  const isForm = type.toLowerCase().includes('application/x-www-form-urlencoded');
  if (!isJson && !isForm) return null;
  // A copy: the original stream goes on untouched to better-auth (auth/bridge.ts forwards c.req.raw.body).
  const text = await request.clone().text();
  if (isForm) {
    // Every pair, a repeated key too (a computed key makes an own property, even for __proto__).
    for (const [key, value] of new URLSearchParams(text)) {
      const found = jsonHazard({ [key]: value });
      if (found) return found;
    }
    return null;
  }
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return jsonHazard(value);
}

/**
 * Refuses hostile input before any route sees it, with 400 VALIDATION_FAILED and details [{path, code,
 * message}]: a NUL (%00) anywhere in the URL (path parameters and query values reach SQL as text, which
 * PostgreSQL refuses with a 500 otherwise), and on /api/auth/* a hostile JSON or form body (better-auth parses
 * its own bodies and stores names, emails and organisations) or a query parameter better-auth passes to SQL
 * unchecked. Bodies of our own routes are checked by readJson.
 */
export function hostileInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let found = urlHazard(c.req.url);
    if (!found && c.req.path.startsWith('/api/auth/')) found = authQueryHazard(new URL(c.req.url)) ?? (await authBodyHazard(c.req.raw));
    if (found) return errorResponse(c, 400, 'VALIDATION_FAILED', { details: [found] });
    await next();
  };
}
