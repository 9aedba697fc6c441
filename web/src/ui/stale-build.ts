/**
 * After a new version is deployed, a page still open asks for code chunks that no longer exist.
 * Vite reports that as `vite:preloadError`; reloading fetches the new version. At most once a
 * minute, so a truly missing file shows its error instead of reloading forever.
 */
export function reloadOnStaleBuild(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const key = 'gonghui.reloadedForNewBuild';
    const last = Number(sessionStorage.getItem(key) ?? 0);
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem(key, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
