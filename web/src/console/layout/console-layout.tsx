import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { App, Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Result, Spin, Typography, type MenuProps } from 'antd';
import { GlobalOutlined, LockOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { switchLanguage } from '../../i18n';
import { grantLabel } from '../../ui/orgs';
import { logOut, useMe } from '../session';
import { reportError } from '../shared/errors';
import { MeContext, useCurrentUser } from '../shared/me-context';
import { ProductMark } from '../shared/product-mark';
import { NotificationBell } from '../notifications/bell';
import { ChangePasswordModal } from './change-password-modal';
import { menuFor, menuGroup, type MenuEntry } from './menu';

/** Menu items from the entries: grouped entries gather into one submenu where the group first appears. */
function menuItems(t: ReturnType<typeof useTranslation>['t'], menu: MenuEntry[], go: (path: string) => void): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const submenus = new Map<string, { key: string; label: string; onClick: () => void }[]>();
  for (const m of menu) {
    const item = { key: m.key, icon: m.group ? undefined : m.icon, label: t(m.label), onClick: () => go(m.path) };
    const group = m.group && menuGroup(m.group);
    if (!group) {
      items.push(item);
      continue;
    }
    let children = submenus.get(group.key);
    if (!children) {
      children = [];
      submenus.set(group.key, children);
      items.push({ key: group.key, icon: group.icon, label: t(group.label), children });
    }
    children.push(item);
  }
  return items;
}

/** Lets a page render only with a session; otherwise sends the user to log in and back. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => me.refetch()}>{t('error.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}

function roleLine(t: ReturnType<typeof useTranslation>['t'], me: Me): string {
  const [first, ...rest] = me.grants;
  if (!first) return '';
  return rest.length ? `${grantLabel(t, first)} +${rest.length}` : grantLabel(t, first);
}

/** A Chinese name shows its given name (last two characters); longer names and titles their first. */
function avatarText(name: string): string {
  return name.length <= 3 ? name.slice(-2) : name.slice(0, 1);
}

function UserAvatar({ me }: { me: Me }) {
  return <Avatar style={{ background: '#fff', color: '#c8161d', fontWeight: 600 }}>{avatarText(me.displayName)}</Avatar>;
}

/** The user's name and first role, as the header shows them (in the avatar's menu on a phone). */
function UserLine({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div style={{ fontWeight: 600 }} data-testid="current-user">
        {me.displayName}
      </div>
      <div style={{ fontSize: 12, opacity: 0.85 }}>{roleLine(t, me)}</div>
    </div>
  );
}

export function ConsoleLayout() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // On a phone (below md, 768 px) the header keeps the mark, a menu button and the user's avatar,
  // whose menu holds language, password and 退出登录; the side menu becomes a drawer.
  const narrow = Grid.useBreakpoint().md === false;
  const menu = menuFor(me);
  const selected = menu.find((m) => location.pathname.startsWith(m.path))?.key;
  const english = i18n.language === 'en';
  const go = (path: string) => {
    setMenuOpen(false);
    navigate(path);
  };

  const onLogout = async () => {
    try {
      await logOut(queryClient);
      message.success(t('layout.loggedOut'));
      navigate('/login', { replace: true });
    } catch (error) {
      reportError(message, error);
    }
  };

  const navigation = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={[...new Set(menu.flatMap((m) => (m.group ? [m.group] : [])))]}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
      items={menuItems(t, menu, go)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, position: 'sticky', top: 0, zIndex: 10, paddingInline: narrow ? 12 : undefined }}>
        {narrow && menu.length > 0 && (
          <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} style={{ color: '#fff' }} onClick={() => setMenuOpen(true)} />
        )}
        <ProductMark inverse />
        {narrow && (
          <span style={{ marginInlineStart: 'auto' }}>
            <NotificationBell />
          </span>
        )}
        {narrow ? (
          <Dropdown
            trigger={['click']}
            placement="bottomRight"
            menu={{
              items: [
                { key: 'who', disabled: true, label: <UserLine me={me} /> },
                { type: 'divider' },
                { key: 'language', icon: <GlobalOutlined />, label: english ? t('language.zh') : t('language.en'), onClick: () => switchLanguage(english ? 'zh' : 'en') },
                { key: 'password', icon: <LockOutlined />, label: t('layout.changePassword'), onClick: () => setChangingPassword(true) },
                { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), onClick: onLogout },
              ],
            }}
          >
            <Button type="text" aria-label={t('layout.account')} style={{ padding: 0, height: 'auto' }}>
              <UserAvatar me={me} />
            </Button>
          </Dropdown>
        ) : (
          <Flex align="center" gap={4} style={{ marginInlineStart: 'auto', color: '#fff' }}>
            <NotificationBell />
            <Button
              type="text"
              icon={<GlobalOutlined />}
              aria-label={t('layout.switchLanguage')}
              style={{ color: '#fff' }}
              onClick={() => switchLanguage(english ? 'zh' : 'en')}
            >
              {english ? t('language.zh') : t('language.en')}
            </Button>
            <Flex align="center" gap={10} style={{ padding: '0 12px', lineHeight: 1.3 }}>
              <UserAvatar me={me} />
              <UserLine me={me} />
            </Flex>
            <Button type="text" icon={<LockOutlined />} style={{ color: '#fff' }} onClick={() => setChangingPassword(true)}>
              {t('layout.changePassword')}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={onLogout}>
              {t('layout.logout')}
            </Button>
          </Flex>
        )}
      </Layout.Header>
      <Layout>
        {menu.length > 0 &&
          (narrow ? (
            <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} size={260} title={<ProductMark />} styles={{ body: { padding: 0 } }}>
              {navigation}
            </Drawer>
          ) : (
            <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
              {navigation}
            </Layout.Sider>
          ))}
        <Layout.Content style={{ padding: narrow ? 12 : 20, minWidth: 0 }}>
          {menu.length > 0 ? (
            <Outlet />
          ) : (
            <Result
              status="info"
              title={t('layout.memberOnlyTitle')}
              subTitle={<Typography.Paragraph style={{ maxWidth: 520, margin: '0 auto' }}>{t('layout.memberOnlyText')}</Typography.Paragraph>}
              extra={
                <Button type="primary" href="/m">
                  {t('layout.memberOnlyLink')}
                </Button>
              }
            />
          )}
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
