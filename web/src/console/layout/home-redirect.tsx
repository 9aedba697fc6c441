import { Navigate } from 'react-router';
import { useCurrentUser } from '../shared/me-context';
import { menuFor } from './menu';

/** "/" opens the first page the user may see; members and judges get the portal notice in the layout. */
export function HomeRedirect() {
  const first = menuFor(useCurrentUser())[0];
  return first ? <Navigate to={first.path} replace /> : null;
}
