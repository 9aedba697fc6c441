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
import { fundraisingModule } from './fundraising/module';
import { benefitsModule } from './benefits/module';
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
  activitiesModule,
  fundraisingModule,
  benefitsModule,
  articlesModule,
  usersModule,
  auditModule,
  notificationsModule,
  overviewModule,
];
