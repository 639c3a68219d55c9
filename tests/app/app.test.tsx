import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app';
import { initLanguage } from '@/i18n/language';
import { installFakeApi } from '../support/fake-api';
import { paged, popularProcedures } from '../support/catalog-fixtures';
import { zmpSdkMock } from '../support/zmp-sdk-mock';

beforeEach(async () => {
  const api = await installFakeApi();
  api.get('/api/v1/procedures', { status: 200, body: paged(popularProcedures) });
});

function renderApp() {
  const user = userEvent.setup();
  render(<App />);
  return { user, navigation: () => screen.getByRole('navigation', { name: /Điều hướng chính|Main navigation/ }) };
}

describe('the whole app', () => {
  it('opens on the home page with four tabs, and the tabs switch pages', async () => {
    const { user, navigation } = renderApp();
    expect(await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' })).toBeInTheDocument();
    const tabs = within(navigation()).getAllByRole('button');
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(['Trang chủ', 'Hồ sơ', 'Thông báo', 'Cá nhân']);

    await user.click(within(navigation()).getByRole('button', { name: 'Hồ sơ' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Hồ sơ đã nộp' })).toBeInTheDocument();

    await user.click(within(navigation()).getByRole('button', { name: 'Thông báo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thông báo' })).toBeInTheDocument();

    await user.click(within(navigation()).getByRole('button', { name: 'Trang chủ' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lào Cai số' })).toBeInTheDocument();
  });

  it('switches the language from Cá nhân › Cài đặt, sets <html lang> and remembers the choice', async () => {
    const { user, navigation } = renderApp();
    await user.click(within(navigation()).getByRole('button', { name: 'Cá nhân' }));
    await screen.findByRole('heading', { level: 1, name: 'Cá nhân' });
    expect(screen.getByRole('heading', { level: 2, name: 'Cài đặt' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Tiếng Việt' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(within(navigation()).getByRole('button', { name: 'Home' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(await screen.findByText('Language saved')).toBeInTheDocument();
    expect([...zmpSdkMock.storage.values()]).toContain('en');

    await user.click(screen.getByRole('radio', { name: 'Tiếng Việt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');
  });
});

describe('the language at start', () => {
  it('follows the Zalo app when the citizen has not chosen', async () => {
    zmpSdkMock.zaloLanguage = 'en';
    await expect(initLanguage()).resolves.toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it("prefers the citizen's saved choice over Zalo's language", async () => {
    zmpSdkMock.zaloLanguage = 'en';
    zmpSdkMock.storage.set('lao-cai-so:language', 'vi');
    await expect(initLanguage()).resolves.toBe('vi');
  });

  it('falls back to Vietnamese for a language the app does not have', async () => {
    zmpSdkMock.zaloLanguage = 'my';
    await expect(initLanguage()).resolves.toBe('vi');
  });
});
