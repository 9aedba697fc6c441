import type { Refusal } from '../errors.ts';

/**
 * A lifecycle as named transitions (campaigns, candidates, contest events): from which states, to
 * which state, and a guard over facts the caller read in the transition's transaction.
 */
export interface Transition<S extends string, F> {
  from: readonly S[];
  to: S;
  guard: (f: F) => Refusal | null;
}

/** Whether a move is legal from a status at all (its guard may still refuse). */
export function legalFrom<S extends string>(transition: Transition<S, never>, status: S): boolean {
  return transition.from.includes(status);
}

/** The names of the moves legal from a status: what a manager is offered (`actions`). */
export function transitionsFrom<S extends string, N extends string>(machine: Record<N, Transition<S, never>>, status: S): N[] {
  return (Object.keys(machine) as N[]).filter((name) => legalFrom(machine[name], status));
}

/**
 * Refusal of an illegal move (`illegal`, built by the caller with its own message code) or of the
 * guard; null when the move may happen.
 */
export function checkTransition<S extends string, F>(transition: Transition<S, F>, status: S, facts: F, illegal: () => Refusal): Refusal | null {
  if (!transition.from.includes(status)) return illegal();
  return transition.guard(facts);
}
