import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Button, ConfigProvider, DotLoading } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from './session';
import { TabLayout } from './tab-layout';

// Declarative routes (not a data router): the portal needs no loaders, and this keeps it small.
const LoginPage = lazy(() => import('./login/login-page').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./home/home-page').then((m) => ({ default: m.HomePage })));
const ProfilePage = lazy(() => import('./profile/profile-page').then((m) => ({ default: m.ProfilePage })));
const ChangePasswordPage = lazy(() => import('./profile/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));
const SignupPage = lazy(() => import('./members/signup-page').then((m) => ({ default: m.SignupPage })));
const JoinPage = lazy(() => import('./members/join-page').then((m) => ({ default: m.JoinPage })));
const ClaimPage = lazy(() => import('./members/claim-page').then((m) => ({ default: m.ClaimPage })));
const CardPage = lazy(() => import('./members/card-page').then((m) => ({ default: m.CardPage })));
const ActivitiesPage = lazy(() => import('./activities/activities-page').then((m) => ({ default: m.ActivitiesPage })));
const MyRegistrationsPage = lazy(() => import('./activities/my-registrations-page').then((m) => ({ default: m.MyRegistrationsPage })));
const ContestsPage = lazy(() => import('./activities/contests-page').then((m) => ({ default: m.ContestsPage })));
const ContestPage = lazy(() => import('./activities/contest-page').then((m) => ({ default: m.ContestPage })));
const AssignmentsPage = lazy(() => import('./pioneer/assignments-page').then((m) => ({ default: m.AssignmentsPage })));
const ScoringPage = lazy(() => import('./pioneer/scoring-page').then((m) => ({ default: m.ScoringPage })));

function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '40vh', fontSize: 24 }}>
      <DotLoading color="primary" />
    </div>
  );
}

function RequireMember() {
  const { me, error, reload } = useSession();
  const location = useLocation();
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
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
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
              <Route path="/signup" element={<SignupPage />} />
              <Route element={<RequireMember />}>
                <Route element={<TabLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="me" element={<ProfilePage />} />
                </Route>
                <Route path="me/password" element={<ChangePasswordPage />} />
                <Route path="join" element={<JoinPage />} />
                <Route path="claim" element={<ClaimPage />} />
                <Route path="card" element={<CardPage />} />
                <Route path="activities" element={<ActivitiesPage />} />
                <Route path="activities/mine" element={<MyRegistrationsPage />} />
                <Route path="contests" element={<ContestsPage />} />
                <Route path="contests/:contestId" element={<ContestPage />} />
                <Route path="judging" element={<AssignmentsPage />} />
                <Route path="judging/:assignmentId" element={<ScoringPage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}
