import { describe, expect, it } from 'vitest';
import { buildCsv, insertPngChunks, pngMetaChunks, utf8, type ExportMeta } from '../src/analytics/export-files';
import {
  contentHash,
  crc32,
  detectFormat,
  exportStatement,
  findExportId,
  findSeal,
  fromBase64Url,
  normaliseForHash,
  parseSealValue,
  SEAL_FILLER,
  SEAL_LENGTH,
  sealValue,
  toBase64Url,
  writeSeal,
} from '../src/analytics/export-seal';
import { sha256Hex } from '../src/crypto/sha256';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const SIG = 'A'.repeat(85) + 'Q'; // 86 base64url characters, the shape of an Ed25519 signature
const META: ExportMeta = {
  exportId: ID,
  viewId: 'analytics.dashboard',
  title: 'Tableau de direction',
  exportedAt: '2026-03-29T01:30:00.000Z',
  timezone: 'Europe/Paris',
  orgId: 'org-1',
  orgName: 'Compagnie du Grand Plateau',
  projectName: null,
  exportedBy: 'Marc Lefebvre',
  accountId: 'acc-1',
  filters: [{ label: 'P\u00e9riode', value: 'mars 2026' }],
};
const TABLES = [
  { title: 'Indicateurs', columns: ['Indicateur', 'Valeur', 'Comparaison'], rows: [['Heures pr\u00e9vues', 12.5, 10], ['=HYPERLINK("x")', -3, null]] },
  { title: 'Incidents', columns: ['Lieu', 'Ouverts'], rows: [['Sc\u00e8ne; Lune', 2]] },
];
// The usual 1x1 PNG (IHDR, IDAT, IEND), as written by many encoders.
const PNG_1X1 = fromBase64Url('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg'.replace(/\+/g, '-').replace(/\//g, '_'));
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => String.fromCharCode(...b);

/** Every chunk of a PNG with its CRC checked against the specification's CRC (zlib's crc32 via Buffer math). */
function pngChunks(png: Uint8Array): { type: string; crcOk: boolean }[] {
  const out: { type: string; crcOk: boolean }[] = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, crcOk: view.getUint32(at + 8 + len) === crc32(png, at + 4, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

describe('export seal (issue 13): the field, the statement, base64url', () => {
  it('the filler is UNSIGNED and dashes, 128 characters; a signed seal is signature, dot, key id, dots', () => {
    expect(SEAL_FILLER).toBe('UNSIGNED' + '-'.repeat(120));
    expect(SEAL_FILLER).toHaveLength(SEAL_LENGTH);
    const v = sealValue(SIG, 'key123');
    expect(v).toHaveLength(128);
    expect(v).toBe(`${SIG}.key123${'.'.repeat(128 - 86 - 7)}`);
    expect(parseSealValue(v)).toEqual({ signed: true, signature: SIG, keyId: 'key123' });
    expect(parseSealValue(SEAL_FILLER)).toEqual({ signed: false });
    expect(parseSealValue('x'.repeat(128))).toBeNull();
    expect(() => sealValue('short', 'k')).toThrow();
  });

  it('the statement is six lines in a fixed order', () => {
    expect(exportStatement({ exportId: ID, sha256: 'ab', orgId: 'o', accountId: 'a', exportedAt: '2026-01-01T00:00:00.000Z' })).toBe(`coulisses-export-v1\n${ID}\nab\no\na\n2026-01-01T00:00:00.000Z`);
  });

  it('CRC-32 check value (ISO 3309: "123456789" -> CBF43926) and base64url (RFC 4648 section 10 vectors)', () => {
    expect(crc32(ascii('123456789')).toString(16)).toBe('cbf43926');
    const vectors: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(toBase64Url(ascii(plain))).toBe(encoded);
      expect(text(fromBase64Url(encoded))).toBe(plain);
    }
    // The two characters that differ from base64: 62 -> '-', 63 -> '_'.
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });
});

describe('CSV export: metadata, tables, seal line last', () => {
  const csv = buildCsv(META, TABLES, 'fr');
  const bytes = utf8(csv);

  it('is French Excel friendly: BOM, ; separators, CRLF, decimal comma, the same field count on every line', () => {
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    const fields = (l: string) => l.replace(/"[^"]*"/g, '').split(';').length;
    expect(new Set(lines.map(fields))).toEqual(new Set([3]));
    expect(lines).toContain('Heures pr\u00e9vues;12,5;10');
    // A formula is neutralised, a ; in a value quoted.
    expect(lines).toContain(`"'=HYPERLINK(""x"")";-3;`);
    expect(lines).toContain('"Sc\u00e8ne; Lune";2;');
    expect(lines[0]).toBe('# Titre;Tableau de direction;');
    // Exported at 01:30 UTC on the DST night: 03:30 in Paris (UTC+2 from 01:00 UTC).
    expect(lines).toContain('# Export\u00e9 le;2026-03-29 03:30 (Europe/Paris);');
    expect(lines.at(-1)).toBe(`# Sceau;CCSEAL1:${SEAL_FILLER};`);
    expect(findExportId(bytes)).toBe(ID);
    expect(detectFormat(bytes)).toBe('csv');
  });

  it('filling the seal keeps the length and the hash; one changed byte changes the hash', () => {
    const h = contentHash(bytes)!;
    expect(h).toBe(sha256Hex(bytes));
    const signed = writeSeal(bytes, sealValue(SIG, 'k1'));
    expect(signed.length).toBe(bytes.length);
    expect(text(signed)).toContain(`CCSEAL1:${SIG}.k1.`);
    expect(contentHash(signed)).toBe(h);
    const at = text(signed).indexOf('12,5');
    const altered = signed.slice();
    altered[at] = '2'.charCodeAt(0);
    expect(contentHash(altered)).not.toBe(h);
    expect(findSeal(altered)?.content).toEqual({ signed: true, signature: SIG, keyId: 'k1' });
  });

  it('no seal: no hash', () => {
    expect(contentHash(ascii('a;b\r\n1;2\r\n'))).toBeNull();
    expect(normaliseForHash(ascii('CCSEAL1:short'))).toBeNull();
  });
});

describe('PNG export: text chunks before IEND, the CRC follows the seal', () => {
  const png = insertPngChunks(PNG_1X1, pngMetaChunks(META, 'en'));

  it('keeps a well-formed PNG: signature, IHDR first, IEND last, every CRC right', () => {
    expect(detectFormat(png)).toBe('png');
    const chunks = pngChunks(png);
    expect(chunks[0]!.type).toBe('IHDR');
    expect(chunks.at(-1)!.type).toBe('IEND');
    expect(chunks.filter((c) => c.type === 'iTXt')).toHaveLength(5);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(findExportId(png)).toBe(ID);
  });

  it('signing in place recomputes the seal chunk CRC; the hash is unchanged', () => {
    const h = contentHash(png)!;
    const signed = writeSeal(png, sealValue(SIG, 'k1'));
    expect(signed.length).toBe(png.length);
    expect(pngChunks(signed).every((c) => c.crcOk)).toBe(true);
    expect(contentHash(signed)).toBe(h);
    expect(h).toBe(sha256Hex(png));
  });

  it('a changed byte anywhere, the seal chunk CRC included, changes the hash', () => {
    const signed = writeSeal(png, sealValue(SIG, 'k1'));
    const h = contentHash(signed);
    const seal = findSeal(signed)!;
    const crcAt = seal.offset + SEAL_LENGTH; // the seal ends its chunk's data: the CRC follows
    for (const at of [20, 40, crcAt, crcAt + 3, signed.length - 1]) {
      const altered = signed.slice();
      altered[at] = altered[at]! ^ 0x01;
      expect(contentHash(altered), `byte ${at}`).not.toBe(h);
    }
  });
});

describe('PDF export: the seal in the Info dictionary, replaced in place', () => {
  const pdf = ascii(`%PDF-1.3\n1 0 obj\n<<\n/Subject (CCEXPORT1:${ID})\n/Keywords (CCSEAL1:${SEAL_FILLER})\n>>\nendobj\nxref\n0 2\ntrailer\n%%EOF\n`);

  it('same length and hash after signing; an altered byte is seen', () => {
    expect(detectFormat(pdf)).toBe('pdf');
    const signed = writeSeal(pdf, sealValue(SIG, 'k1'));
    expect(signed.length).toBe(pdf.length);
    expect(contentHash(signed)).toBe(contentHash(pdf));
    const altered = signed.slice();
    altered[3] = 0x45; // %PDE-
    expect(contentHash(altered)).not.toBe(contentHash(pdf));
  });
});
