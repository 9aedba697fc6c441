import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap } from '../api/client';
import type { Me } from '../api/types';

export const meKey = ['me'] as const;

/** The logged-in user, or null when nobody is (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export async function logIn(queryClient: QueryClient, username: string, password: string): Promise<Me | null> {
  const answer = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
  setCsrfToken(answer.csrfToken);
  return queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
}

export async function logOut(queryClient: QueryClient): Promise<void> {
  try {
    await unwrap(api.POST('/api/auth/logout'));
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
  }
}

/** A 401 anywhere means the session ended (expired, password changed elsewhere): back to login. */
export function endSessionOn401(queryClient: QueryClient, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    setCsrfToken(null);
    queryClient.setQueryData(meKey, null);
  }
}
