import { sha256Hex } from '../crypto/sha256';

/**
 * The seal of an exported file (issue 13, docs/decisions/signed-exports.md). Every export (CSV, PNG, PDF) carries,
 * as plain ASCII somewhere in its bytes:
 * - the export id: `CCEXPORT1:` + the export's UUIDv7 (36 characters);
 * - the seal field: `CCSEAL1:` + exactly 128 characters. Unsigned (made offline, or before the server answered)
 *   the 128 characters are SEAL_FILLER; signed, they are the base64url Ed25519 signature (86 characters), a dot,
 *   the signing key's id, padded with dots (sealValue).
 * The content hash is the SHA-256 of the file's bytes with the 128 characters set back to the filler (and, in a
 * PNG, the CRC of the chunk that holds the seal set to the CRC of that chunk with the filler), so filling the seal
 * in place changes neither the file's length (a PDF's xref offsets stay right) nor its hash.
 * The server signs the statement exportStatement() with its Ed25519 key and keeps it in the exports register.
 */

export const SEAL_MARKER = 'CCSEAL1:';
export const SEAL_LENGTH = 128;
export const SEAL_FILLER = 'UNSIGNED' + '-'.repeat(SEAL_LENGTH - 'UNSIGNED'.length);
export const EXPORT_ID_MARKER = 'CCEXPORT1:';
export const EXPORT_STATEMENT_VERSION = 'coulisses-export-v1';
/** Length of a base64url (unpadded) Ed25519 signature: 64 bytes. */
export const SIGNATURE_B64_LENGTH = 86;

export const EXPORT_FORMATS = ['csv', 'png', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The full seal field of an unsigned file. */
export const UNSIGNED_SEAL_FIELD = SEAL_MARKER + SEAL_FILLER;

/** The export id field written into a file's metadata. */
export function exportIdField(exportId: string): string {
  if (!UUID.test(exportId)) throw new Error('export id must be a lowercase UUID');
  return EXPORT_ID_MARKER + exportId;
}

/** The 128 characters of a signed seal: signature, a dot, the key id, dots up to 128. */
export function sealValue(signature: string, keyId: string): string {
  if (signature.length !== SIGNATURE_B64_LENGTH || !B64URL.test(signature)) throw new Error('signature must be 86 base64url characters');
  if (!KEY_ID.test(keyId)) throw new Error('bad key id');
  const body = `${signature}.${keyId}`;
  return body + '.'.repeat(SEAL_LENGTH - body.length);
}

export type SealContent = { signed: false } | { signed: true; signature: string; keyId: string };

/** Reads the 128 characters of a seal field: unsigned (the filler), signed, or null when they are neither. */
export function parseSealValue(value: string): SealContent | null {
  if (value.length !== SEAL_LENGTH) return null;
  if (value === SEAL_FILLER) return { signed: false };
  const m = /^([A-Za-z0-9_-]{86})\.([A-Za-z0-9_-]{1,40})\.*$/.exec(value);
  if (!m) return null;
  return { signed: true, signature: m[1]!, keyId: m[2]! };
}

/** What the server signs for an export (one line each, no trailing newline). */
export function exportStatement(s: { exportId: string; sha256: string; orgId: string; accountId: string; exportedAt: string }): string {
  return [EXPORT_STATEMENT_VERSION, s.exportId, s.sha256, s.orgId, s.accountId, s.exportedAt].join('\n');
}

const ASCII = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first!, from); i !== -1 && i <= last; i = hay.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const SEAL_MARKER_BYTES = ASCII(SEAL_MARKER);
const ID_MARKER_BYTES = ASCII(EXPORT_ID_MARKER);

export interface FoundSeal {
  /** Offset of the first of the 128 characters. */
  offset: number;
  value: string;
  content: SealContent | null;
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string | null {
  if (offset + length > bytes.length) return null;
  let s = '';
  for (let i = offset; i < offset + length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b > 0x7e) return null;
    s += String.fromCharCode(b);
  }
  return s;
}

/** The seal field of a file: the first `CCSEAL1:` followed by 128 printable ASCII characters; null when there is none. */
export function findSeal(bytes: Uint8Array): FoundSeal | null {
  const at = indexOfBytes(bytes, SEAL_MARKER_BYTES);
  if (at < 0) return null;
  const offset = at + SEAL_MARKER_BYTES.length;
  const value = asciiAt(bytes, offset, SEAL_LENGTH);
  if (value === null) return null;
  return { offset, value, content: parseSealValue(value) };
}

/** The export id a file names (its first `CCEXPORT1:` field), or null. */
export function findExportId(bytes: Uint8Array): string | null {
  const at = indexOfBytes(bytes, ID_MARKER_BYTES);
  if (at < 0) return null;
  const id = asciiAt(bytes, at + ID_MARKER_BYTES.length, 36);
  return id !== null && UUID.test(id) ? id : null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format a file's first bytes say (PNG and PDF magic numbers), else csv when it is text, else null. */
export function detectFormat(bytes: Uint8Array): ExportFormat | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (asciiAt(bytes, 0, 5) === '%PDF-') return 'pdf';
  const head = bytes.subarray(0, 3);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'csv';
  return bytes.length > 0 && bytes[0]! < 0x80 ? 'csv' : null;
}

// CRC-32 of PNG chunks (ISO 3309, the PNG specification's Annex D).
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
function putU32(b: Uint8Array, at: number, v: number) {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

/** The PNG chunk whose data holds [offset, offset + length): start of its length field, or -1. */
export function pngChunkAround(bytes: Uint8Array, offset: number, length: number): { start: number; dataEnd: number } | null {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const len = u32(bytes, at);
    const dataStart = at + 8;
    const dataEnd = dataStart + len;
    if (dataEnd + 4 > bytes.length) return null;
    if (offset >= dataStart && offset + length <= dataEnd) return { start: at, dataEnd };
    at = dataEnd + 4;
  }
  return null;
}

function pngChunkCrcOk(bytes: Uint8Array, chunk: { start: number; dataEnd: number }): boolean {
  return crc32(bytes, chunk.start + 4, chunk.dataEnd) === u32(bytes, chunk.dataEnd);
}

/**
 * A copy of `bytes` with the seal's 128 characters set to `value` (PNG: the chunk's CRC recomputed). Throws when
 * the file has no seal field (or, for a PNG, when the seal is not inside one chunk).
 */
export function writeSeal(bytes: Uint8Array, value: string): Uint8Array {
  if (value.length !== SEAL_LENGTH) throw new Error('seal must be 128 characters');
  const found = findSeal(bytes);
  if (!found) throw new Error('no seal field');
  const out = bytes.slice();
  out.set(ASCII(value), found.offset);
  if (detectFormat(bytes) === 'png') {
    const chunk = pngChunkAround(out, found.offset, SEAL_LENGTH);
    if (!chunk) throw new Error('seal outside a PNG chunk');
    putU32(out, chunk.dataEnd, crc32(out, chunk.start + 4, chunk.dataEnd));
  }
  return out;
}

/**
 * The bytes the content hash is taken over: the file with the seal set back to the filler. In a PNG, the CRC of
 * the seal's chunk is set to the filler version's CRC only when it was right for the chunk as found: a changed
 * CRC byte is thus an alteration like any other. Null when the file has no seal field.
 */
export function normaliseForHash(bytes: Uint8Array): Uint8Array | null {
  const found = findSeal(bytes);
  if (!found) return null;
  const out = bytes.slice();
  out.set(ASCII(SEAL_FILLER), found.offset);
  if (detectFormat(bytes) === 'png') {
    const chunk = pngChunkAround(bytes, found.offset, SEAL_LENGTH);
    if (chunk && pngChunkCrcOk(bytes, chunk)) putU32(out, chunk.dataEnd, crc32(out, chunk.start + 4, chunk.dataEnd));
  }
  return out;
}

/** The content hash of a file (lowercase hex SHA-256 of normaliseForHash), or null when it has no seal field. */
export function contentHash(bytes: Uint8Array): string | null {
  const normal = normaliseForHash(bytes);
  return normal ? sha256Hex(normal) : null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (signatures in seals and in the API). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >>> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Bytes of unpadded base64url; throws on a character outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error('not base64url');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}
