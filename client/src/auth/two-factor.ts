/** True when better-auth's sign-in answer asks for the second factor instead of opening a session. */
export function needsTwoFactor(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { twoFactorRedirect?: unknown }).twoFactorRedirect === true;
}
