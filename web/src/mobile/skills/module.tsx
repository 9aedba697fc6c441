import { lazyPage } from '../../ui/lazy-page';
import { portalModule } from '../portal-module';
import { skillsTilesEn, skillsTilesZh } from './tiles';

/** A certificate with a ribbon, drawn like the portal's other line icons (mobile/icons.tsx). */
const certificateIcon = (
  <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M7 8h6M7 11h4" />
    <circle cx="16.5" cy="12.5" r="2.5" />
    <path d="M15 15l-1 5 2.5-1.5L19 20l-1-5" />
  </svg>
);

/** 我的技能等级: a member's own skill-level certificates, and their highest level on 首页. */
export const skillsModule = portalModule({
  tiles: [{ key: 'skills', path: '/skills', label: 'home.service.skills', icon: certificateIcon, shows: (me) => me.member !== null }],
  home: [{ key: 'skills', order: 25, audience: 'user', section: lazyPage(() => import('./skills-section'), 'SkillsSection') }],
  routes: [{ path: 'skills', page: lazyPage(() => import('./skills-page'), 'SkillsPage') }],
  messages: { zh: { tiles: skillsTilesZh }, en: { tiles: skillsTilesEn } },
});
