/** The header better-auth reads the client address from (rate limits, session metadata); set only by us. */
export const CLIENT_IP_HEADER = 'x-cc-client-ip';
