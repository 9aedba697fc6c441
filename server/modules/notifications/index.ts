/** What other modules may use of notifications: the one call that notifies people, and who acts for an org. */
export { notify, cadresOf, type Notice } from './service.ts';
