import type { DirectoryUnion } from './types';

/**
 * The union a visitor chose in the home page's directory, kept for the join form across logging
 * in or signing up (sessionStorage: this tab only, gone when it closes).
 */
const KEY = 'gh-chosen-union';

export function rememberChosenUnion(union: DirectoryUnion): void {
  sessionStorage.setItem(KEY, JSON.stringify(union));
}

/** The chosen union, once: reading it forgets it. */
export function takeChosenUnion(): DirectoryUnion | undefined {
  const kept = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!kept) return undefined;
  try {
    return JSON.parse(kept) as DirectoryUnion;
  } catch {
    return undefined;
  }
}
