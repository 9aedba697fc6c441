import { IdcardOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { membersEn, membersMenuEn, membersMenuZh, membersZh } from './messages';

/** 会员管理: join applications, the roll, bulk files, transfers and coverage. */
export const membersModule = consoleModule({
  groups: [{ key: 'members', label: 'layout.menu.members', icon: <IdcardOutlined /> }],
  menu: [
    { key: 'applications', path: '/members/applications', needs: 'member.read', group: 'members', label: 'layout.menu.applications' },
    { key: 'roll', path: '/members/roll', needs: 'member.read', group: 'members', label: 'layout.menu.roll' },
    { key: 'memberFiles', path: '/members/files', needs: 'member.read', group: 'members', label: 'layout.menu.memberFiles' },
    { key: 'transfers', path: '/members/transfers', needs: 'member.read', group: 'members', label: 'layout.menu.transfers' },
    { key: 'coverage', path: '/members/coverage', needs: 'org.read', group: 'members', label: 'layout.menu.coverage' },
  ],
  routes: [
    { path: 'members/applications', page: lazyPage(() => import('./approvals-page'), 'ApprovalsPage') },
    { path: 'members/roll', page: lazyPage(() => import('./roll-page'), 'RollPage') },
    { path: 'members/files', page: lazyPage(() => import('./files-page'), 'FilesPage') },
    { path: 'members/transfers', page: lazyPage(() => import('./transfers-page'), 'TransfersPage') },
    { path: 'members/coverage', page: lazyPage(() => import('./coverage-page'), 'CoveragePage') },
  ],
  messages: {
    zh: { menu: membersMenuZh, todos: { join_applications: '待审批入会申请', transfers_incoming: '待接收的会员关系转入' }, members: membersZh },
    en: { menu: membersMenuEn, todos: { join_applications: 'Membership applications to decide', transfers_incoming: 'Transfers waiting to be accepted' }, members: membersEn },
  },
});
