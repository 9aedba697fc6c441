import { createContext, useContext } from 'react';
import type { Me } from '../../api/types';

/** The logged-in user, for every page under RequireSession. */
export const MeContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside RequireSession');
  return me;
}
