import { ensureTemplate } from './postgres.ts';

/** Runs once per `vitest run` before the postgres project: the template every test database copies. */
export default async function setup(): Promise<void> {
  await ensureTemplate();
}
