import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTICE_POLL_MS, loadNotices, markAllNoticesRead, markNoticeRead } from '../../ui/notices';

export const noticeKeys = { all: ['notifications'] as const, list: (q: object) => ['notifications', q] as const };

/** The latest notices and the unread count, polled while the console is open. */
export function useBellNotices() {
  return useQuery({ queryKey: noticeKeys.list({ bell: true }), queryFn: () => loadNotices({ pageSize: 6 }), refetchInterval: NOTICE_POLL_MS });
}

/** Mark one (id) or all (no id) read; every notice list and the bell refresh. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: number) => (id === undefined ? markAllNoticesRead() : markNoticeRead(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
