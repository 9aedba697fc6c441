import { invalidFields } from '../errors.ts';
import { ruleText, type Param, type RuleCode, type Text } from '../i18n.ts';

/** A field a check refuses, explained by a registered field rule (a module's messages.ts `rules`). */
export interface FieldProblem {
  field: string;
  rule: RuleCode;
  params?: Record<string, Param>;
}

/** The problems as field errors, each message in both languages. */
export const explain = (problems: FieldProblem[]): { field: string; message: Text }[] => problems.map((p) => ({ field: p.field, message: ruleText(p.rule, p.params) }));

/** Throws a 422 naming every refused field, when there is any. */
export function refuseFields(problems: FieldProblem[]): void {
  if (problems.length) throw invalidFields(explain(problems));
}
