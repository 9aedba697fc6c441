import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import { startI18n } from '../i18n';
import { reloadOnStaleBuild } from '../ui/stale-build';
import { mobileResources } from '../i18n/mobile';
import { MobileApp } from './app';
import { PortalStatus, startPortalWorker } from './portal-status';
import './mobile.css';

// antd-mobile 5 renders its Toast and Dialog through ReactDOM.render, gone in React 19: give it createRoot.
type Container = (Element | DocumentFragment) & { _reactRoot?: ReturnType<typeof createRoot> };
unstableSetRender((node, container: Container) => {
  container._reactRoot ??= createRoot(container);
  const root = container._reactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

reloadOnStaleBuild();
startPortalWorker();
await startI18n(mobileResources);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalStatus />
    <MobileApp />
  </StrictMode>,
);
