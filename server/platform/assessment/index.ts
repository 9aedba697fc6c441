/**
 * The assessment mechanism every campaign, contest and selection runs on (docs/architecture.md,
 * "Assessments"): pure rules, no I/O and no Kysely — the modules read facts, call these, and word
 * refusals with their own message codes.
 */
export * from './fields.ts';
export * from './dates.ts';
export * from './state-machine.ts';
export * from './scoring.ts';
export * from './ranking.ts';
export * from './awards.ts';
export * from './conflicts.ts';
export * from './publicity.ts';
export * from './bands.ts';
