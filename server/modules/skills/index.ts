/**
 * The skills module's public entry: the skill contests record their winners' levels through
 * `recordSkillLevel`, inside their own transaction, with every check of a cadre's record.
 */
export { recordSkillLevel, type Recorder, type SkillLevelInput } from './service.ts';
export { SKILL_LEVELS, levelNames, type SkillLevel } from './rules.ts';
