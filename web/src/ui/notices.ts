import type { paths } from '../api/schema';
import { api, unwrap } from '../api/client';

/** The bell's data, shared by the console and the member portal (GET /api/notifications). */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type NoticePage = Json<paths['/api/notifications']['get']['responses'][200]>;
export type Notice = NoticePage['items'][number];

export const loadNotices = (query: { page?: number; pageSize?: number; unread?: boolean }) => unwrap(api.GET('/api/notifications', { params: { query } }));
export const markNoticeRead = (id: number) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
export const markAllNoticesRead = () => unwrap(api.POST('/api/notifications/read-all'));

/** How often an open page asks for new notices (the bell's count). */
export const NOTICE_POLL_MS = 60_000;

/**
 * Where a notice leads, from the app the reader is in: a path of the same app is opened in place
 * (`navigate`, relative to the app's root), one of the other app by loading it (a worker's notice
 * read in the console, a cadre's in the portal).
 */
export function openNoticeLink(link: string | null, app: 'console' | 'portal', navigate: (to: string) => void): void {
  if (!link) return;
  const portalLink = link === '/m' || link.startsWith('/m/');
  if (app === 'portal' && portalLink) navigate(link.slice(2) || '/');
  else if (app === 'console' && !portalLink) navigate(link);
  else window.location.assign(link);
}
