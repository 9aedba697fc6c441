import { useCallback, useEffect, useState } from 'react';

/**
 * One GET for a portal page, kept without a query library (the portal's size budget): the data,
 * or the failure's message, and `reload` after a change.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<{ status: number; message: string } | null>(null);
  // The caller names what the load depends on, like useEffect's list.
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setFailure(null);
    try {
      setData(await run());
    } catch (error) {
      const status = typeof error === 'object' && error && 'status' in error ? Number(error.status) : 0;
      setFailure({ status, message: error instanceof Error ? error.message : String(error) });
    }
  }, [run]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, failure, reload };
}
