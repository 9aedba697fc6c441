import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from '../i18n';
import { reloadOnStaleBuild } from '../ui/stale-build';
import { consoleResources } from '../i18n/console';
import { ConsoleApp } from './app';
import './console.css';

reloadOnStaleBuild();
await startI18n(consoleResources);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
