import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { RecoilRoot } from 'recoil';
import { I18nextProvider } from 'react-i18next';
import { App as ZmpApp, ZMPRouter } from 'zmp-ui';
import { i18n } from '@/i18n';
import { AppRoutes } from '@/router';
import { provideUnreadCountSync } from '@/state/unread-count';

provideUnreadCountSync(() => import('@/features/notifications/state/unread-count-sync'));

const Notifier = lazy(() => import('@/components/notifier'));

/** Signs the citizen in silently once the first screen is up; the session code is a lazy chunk. */
function SessionStarter() {
  useEffect(() => {
    void import('@/state/session').then((session) => session.startSession());
  }, []);
  return null;
}

/** Everything but the router, so page tests can mount the same providers around a MemoryRouter. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <RecoilRoot>
      <I18nextProvider i18n={i18n}>
        <ZmpApp>
          {children}
          <SessionStarter />
          <Suspense fallback={null}>
            <Notifier />
          </Suspense>
        </ZmpApp>
      </I18nextProvider>
    </RecoilRoot>
  );
}

export function App() {
  return (
    <AppProviders>
      {/* Outside Zalo there is no /zapps/<APP_ID>/ base path: keep routes in memory (zalo-platform.md). */}
      <ZMPRouter memoryRouter={!window.APP_ID}>
        <AppRoutes />
      </ZMPRouter>
    </AppProviders>
  );
}
