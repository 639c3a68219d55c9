import { lazy, Suspense, type ComponentType } from 'react';
import { Route } from 'react-router-dom';
import { AnimationRoutes } from 'zmp-ui';
import { BottomNav } from '@/components/bottom-nav';
import { DetailSkeleton } from '@/components/skeletons';
import { EntryLinks } from '@/features/entry/components/entry-links';
import { HomePage } from '@/pages/home-page';

// Home is in the initial bundle; every other page is a chunk of its own, fetched when first opened.
function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <Page />
    </Suspense>
  );
}

const procedurePage = lazyPage(() => import('@/pages/procedure-page'));
const officesPage = lazyPage(() => import('@/pages/offices-page'));
const officePage = lazyPage(() => import('@/pages/office-page'));
const applicationsPage = lazyPage(() => import('@/pages/applications-page'));
const notificationsPage = lazyPage(() => import('@/pages/notifications-page'));
const profilePage = lazyPage(() => import('@/pages/profile-page'));
const consentPage = lazyPage(() => import('@/pages/consent-page'));
const applyPage = lazyPage(() => import('@/pages/apply-page'));
const applicationReceiptPage = lazyPage(() => import('@/pages/application-receipt-page'));
const lookupPage = lazyPage(() => import('@/pages/lookup-page'));
const entryPage = lazyPage(() => import('@/pages/entry-page'));
const scanPage = lazyPage(() => import('@/pages/scan-page'));
const notFoundPage = lazyPage(() => import('@/pages/not-found-page'));

/** The pages and the bottom navigation; the caller supplies the router (ZMPRouter in the app, MemoryRouter in tests). */
export function AppRoutes() {
  return (
    <>
      <AnimationRoutes>
        <Route path="/" element={<HomePage />} />
        <Route path="/procedures/:code" element={procedurePage} />
        <Route path="/procedures/:code/apply" element={applyPage} />
        <Route path="/offices" element={officesPage} />
        <Route path="/offices/:code" element={officePage} />
        <Route path="/applications" element={applicationsPage} />
        <Route path="/applications/:id" element={applicationReceiptPage} />
        <Route path="/lookup" element={lookupPage} />
        <Route path="/open" element={entryPage} />
        <Route path="/scan" element={scanPage} />
        <Route path="/notifications" element={notificationsPage} />
        <Route path="/profile" element={profilePage} />
        <Route path="/profile/consent/:purpose" element={consentPage} />
        <Route path="*" element={notFoundPage} />
      </AnimationRoutes>
      <BottomNav />
      <EntryLinks />
    </>
  );
}
