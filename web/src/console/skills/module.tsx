import { ToolOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { skillsEn, skillsMenuEn, skillsMenuZh, skillsZh } from './messages';

/**
 * 技能人才: skill levels (技能等级). It opens the `skills` submenu, where the skill contests (competitions) and
 * the craftsmen and model workers may put their pages too.
 */
export const skillsModule = consoleModule({
  groups: [{ key: 'skills', label: 'layout.menu.skills', icon: <ToolOutlined /> }],
  menu: [{ key: 'skillLevels', path: '/skills/levels', needs: 'skill.read', group: 'skills', label: 'layout.menu.skillLevels' }],
  routes: [{ path: 'skills/levels', page: lazyPage(() => import('./levels-page'), 'LevelsPage') }],
  messages: {
    zh: { menu: skillsMenuZh, skills: skillsZh },
    en: { menu: skillsMenuEn, skills: skillsEn },
  },
});
