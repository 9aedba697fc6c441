import type { Me } from '../../api/types';
import { can, type Capability } from '../access';

export interface MenuEntry {
  key: 'orgs' | 'users' | 'audit';
  path: string;
  needs: Capability;
}

/** The console's pages in menu order, each shown only to those who may read it. */
const entries: MenuEntry[] = [
  { key: 'orgs', path: '/orgs', needs: 'org.read' },
  { key: 'users', path: '/users', needs: 'user.read' },
  { key: 'audit', path: '/audit', needs: 'audit.read' },
];

export function menuFor(me: Me): MenuEntry[] {
  return entries.filter((e) => can(me, e.needs));
}
