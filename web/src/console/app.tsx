import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { lazyPage } from '../ui/lazy-page';
import { dayjs } from '../ui/time';
import { consoleTheme } from './theme';
import { endSessionOn401 } from './session';
import { ConsoleLayout, RequireSession } from './layout/console-layout';
import { HomeRedirect } from './layout/home-redirect';
import { NotFound } from './layout/not-found';
import { consoleModules } from './modules';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({ onError: (error) => endSessionOn401(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => endSessionOn401(queryClient, error) }),
});

// Declarative routes with lazy pages: no data-router code in the bundle the member portal shares.
const LoginPage = lazyPage(() => import('./login/login-page'), 'LoginPage');
const pages = consoleModules.flatMap((m) => m.routes);
/** Signed in, but outside the desk layout: check-in on a phone, a printable public notice. */
const bare = pages.filter((p) => p.bare);
const desk = pages.filter((p) => !p.bare);

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
                  {bare.map(({ path, page: Page }) => (
                    <Route key={path} path={path} element={<Page />} />
                  ))}
                  <Route element={<ConsoleLayout />}>
                    <Route index element={<HomeRedirect />} />
                    {desk.map(({ path, page: Page }) => (
                      <Route key={path} path={path} element={<Page />} />
                    ))}
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
