import { describe, expect, it } from 'vitest';
import {
  JSON_MAX_DEPTH,
  isSafeText,
  jsonHazard,
  parseDeletedFlag,
  pushRowHazard,
  sanitizeJson,
  sanitizeText,
  textHazard,
  type JsonHazardCode,
} from '../src/sync/json-safety';

/** `levels` nested arrays around 1, as JSON text (what a hostile client sends). */
const deepArrayText = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
const deepObjectText = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('textHazard', () => {
  it.each<[string, string, ReturnType<typeof textHazard>]>([
    ['plain ASCII', 'Montage salle 1', null],
    ['accents and emoji (a valid surrogate pair)', 'R\u00e9gie \ud83c\udfad', null],
    ['empty', '', null],
    ['NUL alone', '\u0000', 'NUL_CHARACTER'],
    ['NUL inside', 'bad\u0000nul', 'NUL_CHARACTER'],
    ['lone high surrogate', '\ud800', 'LONE_SURROGATE'],
    ['high surrogate at the end', 'abc\udbff', 'LONE_SURROGATE'],
    ['high surrogate before a letter', '\ud800x', 'LONE_SURROGATE'],
    ['lone low surrogate', '\udc00', 'LONE_SURROGATE'],
    ['pair in the wrong order', '\udc00\ud800', 'LONE_SURROGATE'],
    ['two high surrogates', '\ud800\ud800\udc00', 'LONE_SURROGATE'],
    ['U+FFFD is fine', '\ufffd', null],
    ['other control characters are fine', '\u0001\t\n', null],
  ])('%s', (_name, text, expected) => {
    expect(textHazard(text)).toBe(expected);
    expect(isSafeText(text)).toBe(expected === null);
  });

  it('walks a 1 MB string quickly', () => {
    const big = 'x'.repeat(1 << 20);
    const t0 = Date.now();
    expect(textHazard(big)).toBeNull();
    expect(textHazard(`${big}\u0000`)).toBe('NUL_CHARACTER');
    expect(textHazard(`${'\ud83d\ude00'.repeat(1 << 18)}\ud800`)).toBe('LONE_SURROGATE');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('jsonHazard', () => {
  it.each<[string, unknown, { path: string; code: JsonHazardCode } | null]>([
    ['a valid document', { id: 'a', title: 'Montage', needs: [{ role: 'Son', count: 2 }], data: { n: 1.5, ok: true, none: null } }, null],
    ['scalars', 'x', null],
    ['null', null, null],
    ['2**64 is finite', { n: 2 ** 64 }, null],
    ['NUL in a value', { title: 'bad\u0000nul' }, { path: 'title', code: 'NUL_CHARACTER' }],
    ['NUL in a nested value', { data: { a: ['ok', 'x\u0000'] } }, { path: 'data.a.1', code: 'NUL_CHARACTER' }],
    ['lone surrogate in a value', { title: '\ud800' }, { path: 'title', code: 'LONE_SURROGATE' }],
    ['NUL in a key', { data: { 'k\u0000': 1 } }, { path: 'data.k\u0000', code: 'NUL_CHARACTER' }],
    ['lone surrogate in a key', { '\udfff': 1 }, { path: '\udfff', code: 'LONE_SURROGATE' }],
    ['__proto__ key (as JSON.parse makes it)', JSON.parse('{"__proto__": {"polluted": 1}}'), { path: '__proto__', code: 'FORBIDDEN_KEY' }],
    ['constructor key', JSON.parse('{"data": {"constructor": {"prototype": 1}}}'), { path: 'data.constructor', code: 'FORBIDDEN_KEY' }],
    ['prototype key', { prototype: 1 }, { path: 'prototype', code: 'FORBIDDEN_KEY' }],
    ['1e400', JSON.parse('{"n": 1e400}'), { path: 'n', code: 'NON_FINITE_NUMBER' }],
    ['-1e400 in an array', JSON.parse('[0, -1e400]'), { path: '1', code: 'NON_FINITE_NUMBER' }],
    ['NaN', { n: Number.NaN }, { path: 'n', code: 'NON_FINITE_NUMBER' }],
    ['a bare 1e400', JSON.parse('1e400'), { path: '', code: 'NON_FINITE_NUMBER' }],
    ['bigint', { n: 1n }, { path: 'n', code: 'UNSUPPORTED_VALUE' }],
    ['function', { f: () => 1 }, { path: 'f', code: 'UNSUPPORTED_VALUE' }],
    ['the first hazard in document order', { a: 'ok', b: '\u0000', c: '\ud800', d: 1 / 0 }, { path: 'b', code: 'NUL_CHARACTER' }],
    ['a key hazard before its value', { 'k\u0000': '\ud800' }, { path: 'k\u0000', code: 'NUL_CHARACTER' }],
    [`${JSON_MAX_DEPTH} levels are fine`, JSON.parse(deepArrayText(JSON_MAX_DEPTH)), null],
    [`${JSON_MAX_DEPTH + 1} levels are too deep`, JSON.parse(deepArrayText(JSON_MAX_DEPTH + 1)), { path: '0'.repeat(JSON_MAX_DEPTH).split('').join('.'), code: 'TOO_DEEP' }],
    ['deep objects', JSON.parse(deepObjectText(40)), { path: Array(JSON_MAX_DEPTH).fill('a').join('.'), code: 'TOO_DEEP' }],
  ])('%s', (_name, value, expected) => {
    const found = jsonHazard(value);
    if (expected === null) expect(found).toBeNull();
    else {
      expect(found).toMatchObject(expected);
      expect(found!.message).toMatch(/\w/);
    }
  });

  it('answers a 100000-level body without overflowing the stack (iterative)', () => {
    const text = deepArrayText(100_000);
    const value = JSON.parse(text) as unknown;
    expect(jsonHazard(value)?.code).toBe('TOO_DEEP');
    // Even with no depth limit the walk itself does not recurse.
    expect(jsonHazard(value, { maxDepth: Number.POSITIVE_INFINITY })).toBeNull();
    expect(jsonHazard(JSON.parse(deepObjectText(100_000)) as unknown, { maxDepth: Number.POSITIVE_INFINITY })).toBeNull();
  });

  it('walks a 1 MB wide array', () => {
    const wide = Array.from({ length: 200_000 }, (_, i) => ({ i, s: 'abc' }));
    expect(jsonHazard(wide)).toBeNull();
    wide[199_999]!.s = '\u0000';
    expect(jsonHazard(wide)).toMatchObject({ path: '199999.s', code: 'NUL_CHARACTER' });
  });

  it('takes a depth limit and a path prefix', () => {
    expect(jsonHazard({ a: { b: 1 } }, { maxDepth: 1 })).toMatchObject({ path: 'a', code: 'TOO_DEEP' });
    expect(jsonHazard({ a: { b: 1 } }, { maxDepth: 2 })).toBeNull();
    expect(jsonHazard({ title: '\u0000' }, { pathPrefix: 'newDocumentState' })).toMatchObject({ path: 'newDocumentState.title' });
  });

  it('gives a stable message per code', () => {
    expect(jsonHazard('\u0000')!.message).toBe(jsonHazard({ x: 'a\u0000' })!.message);
  });
});

describe('parseDeletedFlag', () => {
  it.each<[string, unknown, boolean | 'invalid']>([
    ['absent', undefined, false],
    ['true', true, true],
    ['false', false, false],
    ['the string "false"', 'false', 'invalid'],
    ['the string "true"', 'true', 'invalid'],
    ['an empty string', '', 'invalid'],
    ['0', 0, 'invalid'],
    ['1', 1, 'invalid'],
    ['null', null, 'invalid'],
    ['an object', {}, 'invalid'],
    ['an array', [], 'invalid'],
  ])('%s', (_name, value, expected) => {
    expect(parseDeletedFlag(value)).toBe(expected);
  });
});

describe('pushRowHazard', () => {
  const doc = (fields: Record<string, unknown> = {}) => ({ id: 'm1', updatedAt: '2026-01-01T00:00:00.000Z', title: 'Montage', data: {}, _deleted: false, ...fields });
  const nested = (levels: number): unknown => JSON.parse(deepObjectText(levels));

  it.each<[string, unknown, { path: string; code: JsonHazardCode } | null]>([
    ['a valid row', { newDocumentState: doc() }, null],
    ['a valid row with its assumed state', { newDocumentState: doc(), assumedMasterState: doc() }, null],
    ['a row without _deleted', { newDocumentState: { id: 'x' } }, null],
    ['_deleted "false"', { newDocumentState: doc({ _deleted: 'false' }) }, { path: 'newDocumentState._deleted', code: 'NOT_BOOLEAN' }],
    ['_deleted 0', { newDocumentState: doc({ _deleted: 0 }) }, { path: 'newDocumentState._deleted', code: 'NOT_BOOLEAN' }],
    ['_deleted "true" in the assumed state', { newDocumentState: doc(), assumedMasterState: doc({ _deleted: 'true' }) }, { path: 'assumedMasterState._deleted', code: 'NOT_BOOLEAN' }],
    ['NUL in a title', { newDocumentState: doc({ title: 'bad\u0000nul' }) }, { path: 'newDocumentState.title', code: 'NUL_CHARACTER' }],
    ['lone surrogate in a free-form record', { newDocumentState: doc({ data: { note: '\ud800' } }) }, { path: 'newDocumentState.data.note', code: 'LONE_SURROGATE' }],
    ['__proto__ in a free-form record', { newDocumentState: doc({ data: JSON.parse('{"__proto__": {"polluted": 1}}') }) }, { path: 'newDocumentState.data.__proto__', code: 'FORBIDDEN_KEY' }],
    ['1e400 in a payload', { newDocumentState: doc({ payload: { n: Number.POSITIVE_INFINITY } }) }, { path: 'newDocumentState.payload.n', code: 'NON_FINITE_NUMBER' }],
    ['deep nesting in a record', { newDocumentState: doc({ data: nested(10_000) }) }, { path: `newDocumentState.data.${Array(JSON_MAX_DEPTH - 1).fill('a').join('.')}`, code: 'TOO_DEEP' }],
    ['a record nested just within the limit', { newDocumentState: doc({ data: nested(JSON_MAX_DEPTH - 2) }) }, null],
    ['NUL in the assumed state', { newDocumentState: doc(), assumedMasterState: doc({ title: '\u0000' }) }, { path: 'assumedMasterState.title', code: 'NUL_CHARACTER' }],
    ['a hazard before a bad _deleted', { newDocumentState: doc({ title: '\u0000', _deleted: 'false' }) }, { path: 'newDocumentState.title', code: 'NUL_CHARACTER' }],
    ['not an object (left to the envelope schema)', 'junk', null],
  ])('%s', (_name, row, expected) => {
    const found = pushRowHazard(row);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });
});

describe('sanitizeText and sanitizeJson', () => {
  it('replaces unsafe characters with U+FFFD and keeps valid pairs', () => {
    expect(sanitizeText('a\u0000b\ud800c\udc00\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ufffd\ud83d\ude00');
    expect(sanitizeText('clean')).toBe('clean');
  });

  it.each<[string, unknown]>([
    ['NUL and surrogates in values and keys', { 'k\u0000': 'v\ud800', list: ['\udc00', 'ok'] }],
    ['prototype keys', JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "ok": {"prototype": 2}}')],
    ['non-finite numbers', { a: Number.POSITIVE_INFINITY, b: [Number.NEGATIVE_INFINITY, Number.NaN] }],
    ['deep nesting', JSON.parse(deepArrayText(100_000))],
    ['bigint and functions', { n: 1n, f: () => 1, list: [1n] }],
  ])('makes %s storable', (_name, value) => {
    const out = sanitizeJson(value);
    expect(jsonHazard(out)).toBeNull();
    expect(() => JSON.stringify(out)).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a safe value as it is', () => {
    const value = { id: 'a', list: [1, 'x', null, true, { y: [] }], nested: { z: 'R\u00e9gie' } };
    expect(sanitizeJson(value)).toEqual(value);
  });
});
