/**
 * Deterministic timesheet ids: the server and every client compute the same id for the same (organisation,
 * person, mission or date), so two devices building the same timesheet offline write one document, not two.
 * FNV-1a 128 bits over the UTF-8 bytes of a length-prefixed key, in 16-bit limbs (plain numbers: the same
 * result in Node and in every browser, no BigInt, no crypto API), shaped as a UUID: version nibble 8 (RFC 9562
 * "custom"), variant 10.
 */

/** FNV-1a 128 offset basis 0x6c62272e07bb014262b821756295c58d, in 16-bit limbs, least significant first. */
const OFFSET_BASIS = [0xc58d, 0x6295, 0x2175, 0x62b8, 0x0142, 0x07bb, 0x272e, 0x6c62];

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** FNV-1a 128 of a string's UTF-8 bytes, as 32 lowercase hex digits. */
export function fnv1a128(text: string): string {
  const h = OFFSET_BASIS.slice();
  const t = new Array<number>(8).fill(0);
  for (const byte of utf8Bytes(text)) {
    h[0] = h[0]! ^ byte;
    // h * prime mod 2^128, prime = 2^88 + 0x13b: h * 0x13b plus h shifted left by 88 bits (5 limbs and 8 bits).
    for (let i = 0; i < 8; i++) t[i] = h[i]! * 0x13b;
    t[5] = t[5]! + ((h[0]! << 8) & 0xffff);
    t[6] = t[6]! + (((h[1]! << 8) | (h[0]! >> 8)) & 0xffff);
    t[7] = t[7]! + (((h[2]! << 8) | (h[1]! >> 8)) & 0xffff);
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const v = t[i]! + carry;
      h[i] = v & 0xffff;
      carry = v >>> 16;
    }
  }
  let hex = '';
  for (let i = 7; i >= 0; i--) hex += h[i]!.toString(16).padStart(4, '0');
  return hex;
}

/**
 * The id of the timesheet of a person on a mission (its id) or on a day without mission (its local date,
 * YYYY-MM-DD), in an organisation. UUID-shaped (8-4-4-4-12, version 8), stable forever: changing this function
 * would duplicate every timesheet, so it is versioned by its key prefix.
 */
export function timesheetIdFor(orgId: string, userId: string, missionIdOrDate: string): string {
  const key = ['cc.timesheet.v1', orgId, userId, missionIdOrDate].map((p) => `${p.length}:${p}`).join('|');
  const hex = fnv1a128(key);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
