import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { skillsRoutes } from './routes.ts';
import { skillLevels } from './migrations/0015-skill-levels.ts';
import { subtreeSkillCounts } from './migrations/0038-subtree-skill-counts.ts';

/**
 * Its own permissions rather than member.read/member.write: skill records are kept by whoever runs
 * the skills work (often a federation's 经济技术 department) and may be granted apart from the
 * roll; today the same roles hold them (docs/permissions.md).
 */
const permissions = {
  /** skill-level records and their stats */
  'skill.read': ['cadre', 'viewer'],
  /** record, import, correct and void skill levels */
  'skill.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Skill levels (技能等级): certificates per member, Excel import and export, stats by level over a scope. */
export const skillsModule = defineModule({ name: 'skills', routes: skillsRoutes, texts, permissions, migrations: { '0015-skill-levels': skillLevels, '0038-subtree-skill-counts': subtreeSkillCounts } });
