import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../session';
import type { MyMembership } from './types';

/**
 * The member record linked to the account, with the real name and card (GET /api/me/member):
 * undefined while loading, null when the account holds none. `ask` false skips the request (the
 * session's `me.member` already says there is none). When the record and the session disagree —
 * approved or ended since the portal opened — the session is read again, so every page follows.
 */
export function useMyMembership(ask = true) {
  const { me, reload: reloadSession } = useSession();
  const [membership, setMembership] = useState<MyMembership | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const linked = me?.member?.id ?? null;

  const load = useCallback(async () => {
    setFailure(null);
    if (!ask) return setMembership(null);
    try {
      setMembership(await unwrap(api.GET('/api/me/member')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMembership(null);
      else setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [ask]);
  useEffect(() => {
    load();
  }, [load]);

  const found = membership === undefined ? undefined : membership && membership.status !== 'left' ? membership.memberId : null;
  useEffect(() => {
    if (found !== undefined && found !== linked) reloadSession();
  }, [found, linked, reloadSession]);

  return { membership, failure, reload: load };
}
