import type { Me } from '../../api/types';
import { can, type Capability } from '../access';

export interface MenuEntry {
  key: 'orgs' | 'users' | 'audit' | 'applications' | 'roll' | 'memberFiles' | 'transfers' | 'coverage' | 'pioneerDashboard' | 'campaigns' | 'titles' | 'activities' | 'activityStats' | 'contests';
  path: string;
  needs: Capability;
  /** The submenu the entry sits in, labelled layout.menu.<group>. */
  group?: 'members' | 'pioneer' | 'community';
}

/** The console's pages in menu order, each shown only to those who may read it. */
const entries: MenuEntry[] = [
  { key: 'orgs', path: '/orgs', needs: 'org.read' },
  { key: 'applications', path: '/members/applications', needs: 'member.read', group: 'members' },
  { key: 'roll', path: '/members/roll', needs: 'member.read', group: 'members' },
  { key: 'memberFiles', path: '/members/files', needs: 'member.read', group: 'members' },
  { key: 'transfers', path: '/members/transfers', needs: 'member.read', group: 'members' },
  { key: 'coverage', path: '/members/coverage', needs: 'org.read', group: 'members' },
  { key: 'pioneerDashboard', path: '/pioneer/dashboard', needs: 'pioneer.read', group: 'pioneer' },
  { key: 'campaigns', path: '/pioneer/campaigns', needs: 'pioneer.read', group: 'pioneer' },
  { key: 'titles', path: '/pioneer/titles', needs: 'pioneer.read', group: 'pioneer' },
  { key: 'activities', path: '/activities', needs: 'activity.read', group: 'community' },
  { key: 'activityStats', path: '/activity-stats', needs: 'activity.read', group: 'community' },
  { key: 'contests', path: '/contests', needs: 'activity.read', group: 'community' },
  { key: 'users', path: '/users', needs: 'user.read' },
  { key: 'audit', path: '/audit', needs: 'audit.read' },
];

export function menuFor(me: Me): MenuEntry[] {
  return entries.filter((e) => can(me, e.needs));
}
