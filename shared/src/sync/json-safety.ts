/**
 * Hostile input checks, pure (no I/O): what a client may send that the database or the server cannot store or
 * walk safely. PostgreSQL refuses U+0000 in text and jsonb and refuses unpaired UTF-16 surrogates in jsonb
 * (escaped as \ud800 by JSON.stringify); a value nested thousands of levels deep overflows the stack of
 * JSON.stringify and of any recursive walk; `__proto__`, `constructor` and `prototype` keys are the
 * prototype-pollution vectors of naive merges; 1e400 parses to Infinity, which JSON cannot carry back.
 */

/** Why a string is unsafe. */
export type TextHazardCode = 'NUL_CHARACTER' | 'LONE_SURROGATE';

/** Why a JSON value is unsafe (the text codes, or a structural one). */
export type JsonHazardCode = TextHazardCode | 'TOO_DEEP' | 'FORBIDDEN_KEY' | 'NON_FINITE_NUMBER' | 'UNSUPPORTED_VALUE' | 'NOT_BOOLEAN';

/** The first hazard found: where (dotted path, as zod issue paths are written), what, and a stable message. */
export interface JsonHazard {
  path: string;
  code: JsonHazardCode;
  message: string;
}

export interface JsonHazardOptions {
  /** Containers (objects, arrays) allowed around a value; the root container is level 1. Default JSON_MAX_DEPTH. */
  maxDepth?: number;
  /** Prepended to every reported path (e.g. "newDocumentState"). */
  pathPrefix?: string;
}

/** The default nesting limit: far above any document of the registry, far below a stack overflow. */
export const JSON_MAX_DEPTH = 32;

/** Keys refused anywhere in a body: the prototype-pollution vectors. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Stable messages of the hazards (technical details of a VALIDATION_FAILED answer, like zod's issue messages). */
export const JSON_HAZARD_MESSAGES: Record<JsonHazardCode, string> = {
  NUL_CHARACTER: 'text contains a NUL character (U+0000)',
  LONE_SURROGATE: 'text contains an unpaired UTF-16 surrogate',
  TOO_DEEP: 'value nested too deeply',
  FORBIDDEN_KEY: 'forbidden key (__proto__, constructor or prototype)',
  NON_FINITE_NUMBER: 'number is not finite (out of the range of a double)',
  UNSUPPORTED_VALUE: 'value is not representable in JSON',
  NOT_BOOLEAN: 'expected a boolean (true or false), not coerced',
};

/** The zod issue message of a string field that refuses NUL and unpaired surrogates (shared/src/entities/common.ts). */
export const UNSAFE_TEXT_MESSAGE = 'text contains a NUL character or an unpaired UTF-16 surrogate';

// Fast path: a string without NUL and without any surrogate code unit is safe (the common case).
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** Why a string cannot be stored, or null: a NUL (U+0000), or a high surrogate not followed by a low one (or a low one alone). */
export function textHazard(text: string): TextHazardCode | null {
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 0) return 'NUL_CHARACTER';
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'LONE_SURROGATE';
    } else if (u >= 0xdc00 && u <= 0xdfff) return 'LONE_SURROGATE';
  }
  return null;
}

/** True when the string has no NUL and no unpaired surrogate (what PostgreSQL text and jsonb accept). */
export function isSafeText(text: string): boolean {
  return textHazard(text) === null;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string;
}

function pathOf(frame: Frame | null, prefix: string | undefined, extra?: string): string {
  const parts: string[] = [];
  if (extra !== undefined) parts.push(extra);
  for (let f = frame; f && f.parent; f = f.parent) parts.push(f.key);
  if (prefix) parts.push(prefix);
  return parts.reverse().join('.');
}

function hazard(code: JsonHazardCode, frame: Frame | null, prefix: string | undefined, extra?: string): JsonHazard {
  return { path: pathOf(frame, prefix, extra), code, message: JSON_HAZARD_MESSAGES[code] };
}

/**
 * The first hazard of a JSON value in document order, or null: strings (values and object keys) with NUL or an
 * unpaired surrogate, keys `__proto__` / `constructor` / `prototype`, non-finite numbers (1e400 parses to
 * Infinity), nesting deeper than `maxDepth` containers, values JSON cannot carry (bigint, function, symbol).
 * Iterative (an explicit stack, no recursion): a body nested 100000 levels deep is answered, not overflowed.
 * `undefined` is accepted (JSON.stringify leaves it out).
 */
export function jsonHazard(value: unknown, opts: JsonHazardOptions = {}): JsonHazard | null {
  const maxDepth = opts.maxDepth ?? JSON_MAX_DEPTH;
  const prefix = opts.pathPrefix;
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    switch (typeof v) {
      case 'string': {
        const code = textHazard(v);
        if (code) return hazard(code, frame, prefix);
        continue;
      }
      case 'number':
        if (!Number.isFinite(v)) return hazard('NON_FINITE_NUMBER', frame, prefix);
        continue;
      case 'boolean':
      case 'undefined':
        continue;
      case 'object':
        break;
      default:
        return hazard('UNSUPPORTED_VALUE', frame, prefix);
    }
    if (v === null) continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) return hazard('TOO_DEEP', frame, prefix);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: frame, key: String(i) });
      continue;
    }
    const keys = Object.keys(v);
    // Keys first, in order, so the reported hazard is the first one in the text.
    for (const key of keys) {
      const code = textHazard(key);
      if (code) return hazard(code, frame, prefix, key);
      if (FORBIDDEN_KEYS.includes(key)) return hazard('FORBIDDEN_KEY', frame, prefix, key);
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (v as Record<string, unknown>)[key], depth, parent: frame, key });
    }
  }
  return null;
}

/**
 * RxDB's deletion flag as pushed: absent is false, true and false are themselves, anything else (the string
 * "false", 0, null, an object) is 'invalid' and must be refused, never coerced with Boolean().
 */
export function parseDeletedFlag(value: unknown): boolean | 'invalid' {
  if (value === undefined) return false;
  if (value === true || value === false) return value;
  return 'invalid';
}

/**
 * The row-level check of one pushed row ({newDocumentState, assumedMasterState?}), to run before the schema
 * parse: hazards anywhere in either state (paths prefixed with the state's name), then a `_deleted` that is not
 * a boolean. Null when the row may go on to the schema. The depth counts from each state (the document is
 * level 1), so a document's free-form record may nest JSON_MAX_DEPTH - 1 levels.
 */
export function pushRowHazard(row: unknown, opts: Omit<JsonHazardOptions, 'pathPrefix'> = {}): JsonHazard | null {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return null;
  const r = row as { newDocumentState?: unknown; assumedMasterState?: unknown };
  for (const name of ['newDocumentState', 'assumedMasterState'] as const) {
    const state = r[name];
    const found = jsonHazard(state, { ...opts, pathPrefix: name });
    if (found) return found;
    if (state && typeof state === 'object' && !Array.isArray(state) && parseDeletedFlag((state as { _deleted?: unknown })._deleted) === 'invalid') {
      return { path: `${name}._deleted`, code: 'NOT_BOOLEAN', message: JSON_HAZARD_MESSAGES.NOT_BOOLEAN };
    }
  }
  return null;
}

/** What replaces an unsafe character in sanitizeJson. */
const REPLACEMENT = '\ufffd';

/** The string with every NUL and unpaired surrogate replaced by U+FFFD (the string itself when it is safe). */
export function sanitizeText(text: string): string {
  if (textHazard(text) === null) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 0) out += REPLACEMENT;
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += REPLACEMENT;
    } else if (u >= 0xdc00 && u <= 0xdfff) out += REPLACEMENT;
    else out += text[i]!;
  }
  return out;
}

/**
 * A storable copy of a hostile value, for logs and the conflict log (never for the data itself): unsafe
 * characters of strings and keys replaced by U+FFFD, forbidden keys and unsupported values dropped, non-finite
 * numbers and containers beyond `maxDepth` replaced by null. Iterative like jsonHazard.
 */
export function sanitizeJson(value: unknown, opts: { maxDepth?: number } = {}): unknown {
  const maxDepth = opts.maxDepth ?? JSON_MAX_DEPTH;
  const convert = (v: unknown): { done: true; out: unknown } | { done: false } => {
    if (typeof v === 'string') return { done: true, out: sanitizeText(v) };
    if (typeof v === 'number') return { done: true, out: Number.isFinite(v) ? v : null };
    if (typeof v === 'boolean' || v === null) return { done: true, out: v };
    if (typeof v === 'object') return { done: false };
    return { done: true, out: undefined };
  };
  const root = convert(value);
  if (root.done) return root.out;
  const holder: { root?: unknown } = {};
  const stack: { src: object; depth: number; assign: (out: unknown) => void }[] = [{ src: value as object, depth: 1, assign: (o) => (holder.root = o) }];
  while (stack.length > 0) {
    const { src, depth, assign } = stack.pop()!;
    if (depth > maxDepth) {
      assign(null);
      continue;
    }
    if (Array.isArray(src)) {
      const arr: unknown[] = new Array(src.length).fill(null);
      assign(arr);
      src.forEach((item, i) => {
        const c = convert(item);
        if (c.done) arr[i] = c.out === undefined ? null : c.out;
        else stack.push({ src: item as object, depth: depth + 1, assign: (o) => (arr[i] = o) });
      });
      continue;
    }
    const obj: Record<string, unknown> = {};
    assign(obj);
    for (const key of Object.keys(src)) {
      if (FORBIDDEN_KEYS.includes(key)) continue;
      const k = sanitizeText(key);
      const item = (src as Record<string, unknown>)[key];
      const c = convert(item);
      if (c.done) {
        if (c.out !== undefined) Object.defineProperty(obj, k, { value: c.out, enumerable: true, writable: true, configurable: true });
      } else stack.push({ src: item as object, depth: depth + 1, assign: (o) => Object.defineProperty(obj, k, { value: o, enumerable: true, writable: true, configurable: true }) });
    }
  }
  return holder.root;
}
