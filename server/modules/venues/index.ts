/** The venues module's public entry. */
export { venuesModule } from './module.ts';
