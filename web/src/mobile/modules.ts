import type { PortalModule } from './portal-module';
import { activitiesModule } from './activities/module';
import { articlesModule } from './articles/module';
import { membersModule } from './members/module';
import { notificationsModule } from './notifications/module';
import { pioneerModule } from './pioneer/module';
import { skillsModule } from './skills/module';
import { competitionsModule } from './competitions/module';
import { honoursModule } from './honours/module';
import { bargainingModule } from './bargaining/module';
import { rightsModule } from './rights/module';
import { hardshipModule } from './hardship/module';
import { recuperationModule } from './recuperation/module';
import { fundraisingModule } from './fundraising/module';
import { benefitsModule } from './benefits/module';
import { socialsModule } from './socials/module';
import { venuesModule } from './venues/module';
import { trainingModule } from './training/module';
import { communityModule } from './community/module';

/**
 * The member portal's modules. The routes, the home page's tiles and the messages are built from
 * this list: adding a module is its folder with a module.tsx, and one line here. Tiles that take
 * no coming-soon place on the home page come first, in this order.
 */
export const portalModules: PortalModule[] = [
  articlesModule,
  membersModule,
  rightsModule,
  hardshipModule,
  activitiesModule,
  skillsModule,
  recuperationModule,
  trainingModule,
  competitionsModule,
  pioneerModule,
  honoursModule,
  bargainingModule,
  benefitsModule,
  socialsModule,
  venuesModule,
  fundraisingModule,
  communityModule,
  notificationsModule,
];
