/**
 * Kept only for server/main.ts and e2e/harness.ts, which still import the admin bootstrap from this
 * path; the accounts module's public entry is ./index.ts. Delete this file once they import that.
 */
export { ensureAdmin } from './index.ts';
