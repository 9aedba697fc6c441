import type { ConsoleModule } from './shared/console-module';
import { activitiesModule } from './activities/module';
import { articlesModule } from './articles/module';
import { auditModule } from './audit/module';
import { membersModule } from './members/module';
import { orgsModule } from './orgs/module';
import { pioneerModule } from './pioneer/module';
import { skillsModule } from './skills/module';
import { competitionsModule } from './competitions/module';
import { honoursModule } from './honours/module';
import { bargainingModule } from './bargaining/module';
import { ratingsModule } from './ratings/module';
import { rightsModule } from './rights/module';
import { hardshipModule } from './hardship/module';
import { recuperationModule } from './recuperation/module';
import { fundraisingModule } from './fundraising/module';
import { benefitsModule } from './benefits/module';
import { cobuildingModule } from './cobuilding/module';
import { volunteersModule } from './volunteers/module';
import { wishesModule } from './wishes/module';
import { socialsModule } from './socials/module';
import { venuesModule } from './venues/module';
import { trainingModule } from './training/module';
import { usersModule } from './users/module';
import { notificationsModule } from './notifications/module';
import { workbenchModule } from './workbench/module';
import { overviewModule } from './overview/module';

/**
 * The console's modules, in menu order. The routes, the menu and the messages are built from this
 * list: adding a module is its folder with a module.tsx, and one line here.
 */
export const consoleModules: ConsoleModule[] = [
  workbenchModule,
  orgsModule,
  membersModule,
  pioneerModule,
  skillsModule,
  competitionsModule,
  honoursModule,
  bargainingModule,
  ratingsModule,
  rightsModule,
  hardshipModule,
  activitiesModule,
  recuperationModule,
  trainingModule,
  cobuildingModule,
  fundraisingModule,
  benefitsModule,
  volunteersModule,
  wishesModule,
  socialsModule,
  venuesModule,
  articlesModule,
  usersModule,
  auditModule,
  notificationsModule,
  overviewModule,
];
