import { describe, expect, it } from 'vitest';
import { COMMON_PINS, PIN_PROBLEMS, isPinAllowed, pinProblem, type PinProblem } from '../src/timeclock/pin-rules';
import { ERROR_STATUS } from '../src/errors/codes';
import { CATALOGS } from '../src/i18n';

const TABLE: [pin: string, problem: PinProblem | null][] = [
  // Format: 4 to 8 digits, nothing else.
  ['', 'PIN_FORMAT'],
  ['123', 'PIN_FORMAT'],
  ['975', 'PIN_FORMAT'],
  ['123456789', 'PIN_FORMAT'],
  ['48a2', 'PIN_FORMAT'],
  [' 4821', 'PIN_FORMAT'],
  ['4821 ', 'PIN_FORMAT'],
  ['-482', 'PIN_FORMAT'],
  ['\u0664\u0668\u0662\u0661', 'PIN_FORMAT'],
  // One digit repeated, any length.
  ['0000', 'PIN_REPEATED_DIGITS'],
  ['1111', 'PIN_REPEATED_DIGITS'],
  ['99999', 'PIN_REPEATED_DIGITS'],
  ['77777777', 'PIN_REPEATED_DIGITS'],
  // Runs up and down, wrapping past 9 and 0.
  ['1234', 'PIN_SEQUENCE'],
  ['0123', 'PIN_SEQUENCE'],
  ['4321', 'PIN_SEQUENCE'],
  ['3210', 'PIN_SEQUENCE'],
  ['6789', 'PIN_SEQUENCE'],
  ['7890', 'PIN_SEQUENCE'],
  ['9012', 'PIN_SEQUENCE'],
  ['0987', 'PIN_SEQUENCE'],
  ['123456', 'PIN_SEQUENCE'],
  ['87654321', 'PIN_SEQUENCE'],
  ['23456789', 'PIN_SEQUENCE'],
  // The common ones the rules above do not catch.
  ['1212', 'PIN_TOO_COMMON'],
  ['1004', 'PIN_TOO_COMMON'],
  ['2000', 'PIN_TOO_COMMON'],
  ['6969', 'PIN_TOO_COMMON'],
  ['1122', 'PIN_TOO_COMMON'],
  ['1313', 'PIN_TOO_COMMON'],
  ['2001', 'PIN_TOO_COMMON'],
  ['1010', 'PIN_TOO_COMMON'],
  // Allowed.
  ['4821', null],
  ['2468', null],
  ['1357', null],
  ['8080', null],
  ['7531', null],
  ['1235', null],
  ['0001', null],
  ['12340', null],
  ['135790', null],
  ['12345670', null],
  ['90817263', null],
];

describe('pin rules', () => {
  it.each(TABLE)('%j -> %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
    expect(isPinAllowed(pin)).toBe(problem === null);
  });

  it('refuses each of the 20 most common 4-digit PINs, for one reason or another', () => {
    expect(COMMON_PINS).toHaveLength(20);
    expect(new Set(COMMON_PINS).size).toBe(20);
    for (const pin of COMMON_PINS) expect(pinProblem(pin), pin).not.toBeNull();
  });

  it('leaves most 4-digit PINs allowed (10 same-digit, 20 runs, 8 more common ones refused)', () => {
    let refused = 0;
    for (let n = 0; n < 10_000; n++) if (!isPinAllowed(String(n).padStart(4, '0'))) refused++;
    expect(refused).toBe(10 + 20 + 8);
  });

  it('each problem is an API error code (400) with a message in French and English', () => {
    for (const code of PIN_PROBLEMS) {
      expect(ERROR_STATUS[code]).toBe(400);
      for (const locale of ['fr', 'en'] as const) {
        const errors = CATALOGS[locale].errors as Record<string, unknown>;
        expect(typeof errors[code], `${locale} errors.${code}`).toBe('string');
      }
    }
  });
});
