import { config } from 'zod';

/**
 * zod compiles faster parsers with `new Function` where a page allows it, and finds out by calling
 * `Function('')` once. The app's Content-Security-Policy forbids eval ('unsafe-eval' is not granted): the
 * probe throws, zod catches it, but the browser still reports a CSP violation. Jitless mode skips both the
 * probe and the compiler (which the policy disables anyway). The client imports this module first.
 */
config({ jitless: true });
