/**
 * The accounts module's public entry: what other modules and the entry points (server start, the
 * demo loader, test harnesses) may use. Login, sessions and sign-up are reached over HTTP only.
 */
export { createUser, ensureAdmin, insertAccountWithGrant } from './users.ts';
export { createGrant } from './grants.ts';
