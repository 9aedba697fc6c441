import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, unwrap } from '../api/client';
import type { Me } from '../api/types';
import { forgetOfflineData } from './offline-data';

interface Session {
  /** undefined while loading, null when logged out */
  me: Me | null | undefined;
  error: ApiError | null;
  reload: () => Promise<void>;
  logIn: (username: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The member's session, kept without a query library to stay inside the portal's size budget:
 * the portal reads one thing (/api/me) and changes it on login, logout and password change.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      const current = await unwrap(api.GET('/api/me'));
      setCsrfToken(current.csrfToken);
      setMe(current);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        // The session is gone: so is what was kept of it for offline use.
        await forgetOfflineData();
        setCsrfToken(null);
        setMe(null);
      } else {
        setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      }
    }
  }, []);

  useEffect(() => {
    reload();
  }, [reload]);

  const logIn = useCallback(
    async (username: string, password: string) => {
      await forgetOfflineData();
      const answer = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setCsrfToken(answer.csrfToken);
      await reload();
    },
    [reload],
  );

  const logOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      await forgetOfflineData();
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  return <SessionContext.Provider value={{ me, error, reload, logIn, logOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For pages behind the login: the member, known to be there. */
export function useMember(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMember without a session');
  return me;
}
