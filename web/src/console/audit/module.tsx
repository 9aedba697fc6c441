import { AuditOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { auditEn, auditMenuEn, auditMenuZh, auditZh } from './messages';

/** 审计日志: who changed what, in the caller's scope. */
export const auditModule = consoleModule({
  menu: [{ key: 'audit', path: '/audit', needs: 'audit.read', label: 'layout.menu.audit', icon: <AuditOutlined /> }],
  routes: [{ path: 'audit', page: lazyPage(() => import('./audit-page'), 'AuditPage') }],
  messages: {
    zh: { menu: auditMenuZh, audit: auditZh },
    en: { menu: auditMenuEn, audit: auditEn },
  },
});
