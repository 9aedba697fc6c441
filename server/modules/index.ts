/**
 * The module list: every module of gonghui, in menu order. A new module is a folder under
 * server/modules with a module.ts, plus one line here (see docs/architecture.md, How to add a module).
 */
import { healthModule } from './health/module.ts';
import { workbenchModule } from './workbench/module.ts';
import { notificationsModule } from './notifications/module.ts';
import { accountsModule } from './accounts/module.ts';
import { orgsModule } from './orgs/module.ts';
import { membersModule } from './members/module.ts';
import { pioneerModule } from './pioneer/module.ts';
import { skillsModule } from './skills/module.ts';
import { competitionsModule } from './competitions/module.ts';
import { activitiesModule } from './activities/module.ts';
import { contestsModule } from './contests/module.ts';
import { cobuildingModule } from './cobuilding/module.ts';
import { volunteersModule } from './volunteers/module.ts';
import { fundraisingModule } from './fundraising/module.ts';
import { benefitsModule } from './benefits/module.ts';
import { wishesModule } from './wishes/module.ts';
import { venuesModule } from './venues/module.ts';
import { honoursModule } from './honours/module.ts';
import { bargainingModule } from './bargaining/module.ts';
import { ratingsModule } from './ratings/module.ts';
import { recuperationModule } from './recuperation/module.ts';
import { trainingModule } from './training/module.ts';
import { articlesModule } from './articles/module.ts';
import { rightsModule } from './rights/module.ts';
import { hardshipModule } from './hardship/module.ts';
import { auditModule } from './audit/module.ts';
import { socialsModule } from './socials/module.ts';
import { overviewModule } from './overview/module.ts';
import type { ModuleDefinition } from '../platform/module.ts';

export const modules: readonly ModuleDefinition[] = [
  healthModule,
  workbenchModule,
  notificationsModule,
  accountsModule,
  orgsModule,
  membersModule,
  pioneerModule,
  competitionsModule,
  skillsModule,
  honoursModule,
  activitiesModule,
  contestsModule,
  bargainingModule,
  ratingsModule,
  rightsModule,
  hardshipModule,
  recuperationModule,
  trainingModule,
  cobuildingModule,
  volunteersModule,
  fundraisingModule,
  benefitsModule,
  socialsModule,
  wishesModule,
  venuesModule,
  articlesModule,
  overviewModule,
  auditModule,
];
