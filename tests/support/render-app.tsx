import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { AppProviders } from '@/app';
import { AppRoutes } from '@/router';

/** The real pages, state and providers, opened at `path` (the app itself uses ZMPRouter's memory router). */
export function renderAt(path: string) {
  const user = userEvent.setup();
  const view = render(
    <AppProviders>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, ...view };
}
