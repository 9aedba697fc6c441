import { Outlet, useLocation, useNavigate } from 'react-router';
import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { icons } from './icons';

/** The portal's two tabs, 首页 and 我的, fixed at the bottom. */
export function TabLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <div className="gh-page">
      <Outlet />
      <nav className="gh-tabbar">
        <TabBar activeKey={pathname === '/me' ? '/me' : '/'} onChange={(key) => navigate(key)}>
          <TabBar.Item key="/" icon={icons.home} title={t('tab.home')} />
          <TabBar.Item key="/me" icon={icons.user} title={t('tab.me')} />
        </TabBar>
      </nav>
    </div>
  );
}
