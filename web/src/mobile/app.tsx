import { Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Button, ConfigProvider, DotLoading } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { useTranslation } from 'react-i18next';
import { lazyPage } from '../ui/lazy-page';
import { portalModules } from './modules';
import { SessionProvider, useSession } from './session';
import { TabLayout } from './tab-layout';

// Declarative routes (not a data router): the portal needs no loaders, and this keeps it small.
const LoginPage = lazyPage(() => import('./login/login-page'), 'LoginPage');
const HomePage = lazyPage(() => import('./home/home-page'), 'HomePage');
const ProfilePage = lazyPage(() => import('./profile/profile-page'), 'ProfilePage');
const ChangePasswordPage = lazyPage(() => import('./profile/change-password-page'), 'ChangePasswordPage');
const pages = portalModules.flatMap((m) => m.routes);
const tiles = portalModules.flatMap((m) => m.tiles ?? []);
const sections = portalModules.flatMap((m) => m.home ?? []);
const publicPages = pages.filter((p) => p.public);
const memberPages = pages.filter((p) => !p.public);

function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '40vh', fontSize: 24 }}>
      <DotLoading color="primary" />
    </div>
  );
}

/** Waits for the session (the home page differs for a visitor and a member), or shows its failure. */
function SessionGate() {
  const { me, error, reload } = useSession();
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" style={{ padding: '30vh 24px 0', textAlign: 'center' }}>
        <p style={{ fontSize: 17, fontWeight: 600, margin: 0 }}>{t('loadFailed')}</p>
        <p style={{ color: '#8c8c8c', margin: '8px 0 20px' }}>{error.detail}</p>
        <Button color="primary" onClick={reload}>
          {t('retry')}
        </Button>
      </div>
    );
  }
  if (me === undefined) return <Loading />;
  return <Outlet />;
}

/** Pages for a logged-in account: a visitor is sent to log in, and comes back after. */
function RequireMember() {
  const { me } = useSession();
  const location = useLocation();
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export function MobileApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <SessionProvider>
        <BrowserRouter basename="/m">
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {publicPages.map(({ path, page: Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route element={<SessionGate />}>
                <Route element={<TabLayout />}>
                  <Route index element={<HomePage tiles={tiles} sections={sections} />} />
                  <Route element={<RequireMember />}>
                    <Route path="me" element={<ProfilePage />} />
                  </Route>
                </Route>
                <Route element={<RequireMember />}>
                  <Route path="me/password" element={<ChangePasswordPage />} />
                  {memberPages.map(({ path, page: Page }) => (
                    <Route key={path} path={path} element={<Page />} />
                  ))}
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}
