import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../ui/time';
import { consoleTheme } from './theme';
import { endSessionOn401 } from './session';
import { ConsoleLayout, RequireSession } from './layout/console-layout';
import { HomeRedirect } from './layout/home-redirect';
import { NotFound } from './layout/not-found';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({ onError: (error) => endSessionOn401(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => endSessionOn401(queryClient, error) }),
});

// Declarative routes with lazy pages: no data-router code in the bundle the member portal shares.
const LoginPage = lazy(() => import('./login/login-page').then((m) => ({ default: m.LoginPage })));
const OrgsPage = lazy(() => import('./orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('./users/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./audit/audit-page').then((m) => ({ default: m.AuditPage })));
const ApprovalsPage = lazy(() => import('./members/approvals-page').then((m) => ({ default: m.ApprovalsPage })));
const RollPage = lazy(() => import('./members/roll-page').then((m) => ({ default: m.RollPage })));
const MemberFilesPage = lazy(() => import('./members/files-page').then((m) => ({ default: m.FilesPage })));
const TransfersPage = lazy(() => import('./members/transfers-page').then((m) => ({ default: m.TransfersPage })));
const CoveragePage = lazy(() => import('./members/coverage-page').then((m) => ({ default: m.CoveragePage })));
const ActivitiesPage = lazy(() => import('./activities/activities-page').then((m) => ({ default: m.ActivitiesPage })));
const ActivityStatsPage = lazy(() => import('./activities/stats-page').then((m) => ({ default: m.ActivityStatsPage })));
const CheckInPage = lazy(() => import('./activities/checkin-page').then((m) => ({ default: m.CheckInPage })));
const ContestsPage = lazy(() => import('./activities/contests-page').then((m) => ({ default: m.ContestsPage })));
const ContestPage = lazy(() => import('./activities/contest-page').then((m) => ({ default: m.ContestPage })));
const PioneerDashboardPage = lazy(() => import('./pioneer/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const CampaignsPage = lazy(() => import('./pioneer/campaigns-page').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./pioneer/campaign-page').then((m) => ({ default: m.CampaignPage })));
const TitlesPage = lazy(() => import('./pioneer/titles-page').then((m) => ({ default: m.TitlesPage })));
const TitlePage = lazy(() => import('./pioneer/title-page').then((m) => ({ default: m.TitlePage })));
const CertificatePage = lazy(() => import('./pioneer/certificate-page').then((m) => ({ default: m.CertificatePage })));
const PublicityPage = lazy(() => import('./pioneer/publicity-page').then((m) => ({ default: m.PublicityPage })));

function Loading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

export function ConsoleApp() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={consoleTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireSession />}>
                  {/* Outside the desk layout: cadres check people in on their phones. */}
                  <Route path="checkin/:activityId" element={<CheckInPage />} />
                  <Route path="pioneer/publicity/:campaignId" element={<PublicityPage />} />
                  <Route element={<ConsoleLayout />}>
                    <Route index element={<HomeRedirect />} />
                    <Route path="orgs/:orgId?" element={<OrgsPage />} />
                    <Route path="members/applications" element={<ApprovalsPage />} />
                    <Route path="members/roll" element={<RollPage />} />
                    <Route path="members/files" element={<MemberFilesPage />} />
                    <Route path="members/transfers" element={<TransfersPage />} />
                    <Route path="members/coverage" element={<CoveragePage />} />
                    <Route path="activities" element={<ActivitiesPage />} />
                    <Route path="activity-stats" element={<ActivityStatsPage />} />
                    <Route path="contests" element={<ContestsPage />} />
                    <Route path="contests/:contestId" element={<ContestPage />} />
                    <Route path="pioneer/dashboard" element={<PioneerDashboardPage />} />
                    <Route path="pioneer/campaigns" element={<CampaignsPage />} />
                    <Route path="pioneer/campaigns/:campaignId" element={<CampaignPage />} />
                    <Route path="pioneer/titles" element={<TitlesPage />} />
                    <Route path="pioneer/titles/:titleId" element={<TitlePage />} />
                    <Route path="pioneer/titles/:titleId/certificate" element={<CertificatePage />} />
                    <Route path="users" element={<UsersPage />} />
                    <Route path="audit" element={<AuditPage />} />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
