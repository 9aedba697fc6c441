import { z } from 'zod';
import { overviewSections } from '../../platform/overview.ts';

/**
 * The data screen's answer: the org, when it was computed, and one section per registered module
 * section the caller may read over the org. Built from the registry when the routes register (after
 * installModules), so each module's section keeps its own schema in the OpenAPI document.
 */
export function overviewView() {
  const sections = Object.fromEntries(
    overviewSections().map(([name, section]) => [name, section.schema.optional().describe(`the ${name} section; absent when the caller lacks its permission over the org`)]),
  );
  return z.object({
    orgId: z.number().int(),
    orgName: z.string(),
    generatedAt: z.string().describe('when the figures were read (UTC ISO instant)'),
    figures: z.object(sections),
  });
}
