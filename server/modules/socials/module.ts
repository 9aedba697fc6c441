import { defineModule } from '../../platform/module.ts';
import { onRegister } from '../activities/index.ts';
import { texts } from './messages.ts';
import { socialsRoutes } from './routes.ts';
import { socials } from './migrations/0030-socials.ts';
import { genderPlaces, socialsOverview } from './socials.ts';

// a sign-up for a youth social takes a place of the member's gender, inside the age range, in the sign-up's transaction
onRegister(genderPlaces);

const permissions = {
  /** youth socials' settings and counts (never who picked whom) */
  'social.read': ['cadre', 'viewer'],
  'social.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Youth socials (青年交友, 寻缘): places per gender, an age range, private picks and mutual matches. */
export const socialsModule = defineModule({
  name: 'socials',
  routes: socialsRoutes,
  texts,
  permissions,
  migrations: { '0030-socials': socials },
  overview: { socials: socialsOverview },
});
