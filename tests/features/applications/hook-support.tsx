import { Suspense, useEffect, type ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation, type Location } from 'react-router-dom';
import { RecoilRoot } from 'recoil';
import { i18n } from '@/i18n';

/**
 * Renders a hook of the form with the app's real recoil state, i18n and a router at `path`; resolves once the hook has
 * rendered (the draft and the form's texts suspend it while they load). `locations` records where the router went.
 */
export async function renderFormHook<T>(hook: () => T, path = '/procedures/1.001193/apply') {
  const locations: Location[] = [];
  function LocationProbe() {
    const location = useLocation();
    useEffect(() => {
      locations.push(location);
    }, [location]);
    return null;
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RecoilRoot>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={[path]}>
          <Suspense fallback={null}>{children}</Suspense>
          <LocationProbe />
        </MemoryRouter>
      </I18nextProvider>
    </RecoilRoot>
  );
  const view = renderHook(hook, { wrapper });
  await waitFor(() => expect(view.result.current).not.toBeNull());
  return { ...view, locations, current: () => view.result.current as T };
}
