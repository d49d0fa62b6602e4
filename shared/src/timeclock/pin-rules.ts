/**
 * The rules of a kiosk PIN (pure): 4 to 8 digits, and nothing a colleague guesses in the five tries a kiosk
 * allows before it locks. Checked by the route that sets a PIN (400 with the code) and by the forms before
 * sending. docs/decisions/kiosk-qr.md explains the choice.
 */

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

/** Why a PIN is refused: each is an API error code with its message in the catalogues (errors.<CODE>). */
export const PIN_PROBLEMS = ['PIN_FORMAT', 'PIN_REPEATED_DIGITS', 'PIN_SEQUENCE', 'PIN_TOO_COMMON'] as const;
export type PinProblem = (typeof PIN_PROBLEMS)[number];

/**
 * The 20 most used 4-digit PINs (DataGenetics, "PIN analysis", 3.4 million PINs): together about a quarter of
 * all PINs people choose. Those not already refused as one repeated digit or a run are what this list adds.
 */
export const COMMON_PINS: readonly string[] = [
  '1234', '1111', '0000', '1212', '7777', '1004', '2000', '4444', '2222', '6969',
  '9999', '3333', '5555', '6666', '1122', '1313', '8888', '4321', '2001', '1010',
];

const COMMON = new Set(COMMON_PINS);

/** Each digit the one before plus `step` (mod 10: 7890 and 0987 are runs too). */
function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** The first rule the PIN breaks, or null when it may be used. Digits only, nothing trimmed. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d+$/.test(pin) || pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) return 'PIN_FORMAT';
  if (/^(\d)\1*$/.test(pin)) return 'PIN_REPEATED_DIGITS';
  if (isRun(pin, 1) || isRun(pin, -1)) return 'PIN_SEQUENCE';
  if (COMMON.has(pin)) return 'PIN_TOO_COMMON';
  return null;
}

export function isPinAllowed(pin: string): boolean {
  return pinProblem(pin) === null;
}
