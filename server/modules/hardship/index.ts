/** The hardship module's public entry: what other modules (fundraising) may use. */
export { findHardshipFile } from './files.ts';
