import { screen, within } from '@testing-library/react';
import type { FakeApi } from '../../support/fake-api';
import { grantedConsent, VERIFIED_PHONE, type IdentityProxy } from '../../support/fake-identity-proxy';
import { renderAt } from '../../support/render-app';
import { withIdentityProxy } from '../../support/session';
import { zmpSdkMock } from '../../support/zmp-sdk-mock';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => ({ api, proxy } = fake));

const settingsRegion = () => screen.getByRole('region', { name: 'Thông báo' });
const miniAppSwitch = () => within(settingsRegion()).getByRole('switch', { name: 'Thông báo qua Zalo (mini app)' });
const phoneSwitch = () => within(settingsRegion()).getByRole('switch', { name: 'Tin nhắn Zalo theo số điện thoại' });
const settingsWrites = () =>
  api.requests.filter((request) => request.path === '/api/v1/me/notification-settings' && request.method === 'PUT');
const consentAnswers = () => api.requestsTo('/api/v1/me/consents/notifications');

async function openSettings() {
  const view = renderAt('/profile');
  await screen.findByRole('switch', { name: 'Thông báo qua Zalo (mini app)' });
  return view;
}

describe('Cá nhân › Cài đặt › Thông báo', () => {
  it('shows the inbox as always on, and the two Zalo channels as switches, off at first', async () => {
    await openSettings();
    const region = settingsRegion();
    expect(within(region).getByText('Trong ứng dụng (tab Thông báo)').closest('li')).toHaveTextContent('Luôn bật');
    expect(within(region).getAllByRole('switch')).toHaveLength(2);
    expect(miniAppSwitch()).not.toBeChecked();
    expect(miniAppSwitch()).toHaveAccessibleDescription(/Tối đa 1 thông báo mỗi ngày, từ 6 giờ đến 22 giờ/);
    expect(within(region).getByText(/chúng tôi sẽ giải thích và hỏi bạn có đồng ý không/)).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/me/notification-settings')[0].headers.authorization).toBe('Bearer session-1');
  });

  it('explains first, then asks Zalo, records the consent and turns the mini app channel on', async () => {
    const { user } = await openSettings();
    await user.click(miniAppSwitch());

    expect(await screen.findByRole('heading', { level: 1, name: 'Nhận thông báo về hồ sơ qua Zalo' })).toBeInTheDocument();
    for (const heading of ['Vì sao chúng tôi hỏi', 'Chúng tôi lưu gì', 'Bạn luôn có quyền rút lại']) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    }
    expect(screen.getByText(/không quảng cáo/)).toBeInTheDocument();
    // Nothing asked or recorded before the citizen agrees.
    expect(zmpSdkMock.prompts).toEqual([]);
    expect(consentAnswers()).toHaveLength(0);
    expect(settingsWrites()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Đồng ý nhận thông báo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(await screen.findByText('Đã bật thông báo về hồ sơ qua Zalo')).toBeInTheDocument();
    await screen.findByRole('switch', { name: 'Thông báo qua Zalo (mini app)', checked: true });
    expect(phoneSwitch()).not.toBeChecked();

    expect(zmpSdkMock.prompts).toEqual(['requestSendNotification']);
    expect(consentAnswers().map((request) => request.body)).toEqual([{ granted: true, textVersion: '2026-01-15' }]);
    expect(settingsWrites().map((request) => request.body)).toEqual([{ miniApp: true }]);
    expect(proxy.notificationChannels.miniApp).toBe(true);
  });

  it('records nothing when the citizen refuses in Zalo’s prompt, and says they can turn it on later', async () => {
    zmpSdkMock.notificationError = { code: -201, message: 'User denied' };
    const { user } = await openSettings();
    await user.click(miniAppSwitch());
    await user.click(await screen.findByRole('button', { name: 'Đồng ý nhận thông báo' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Bạn chưa cho phép Zalo gửi thông báo. Không sao cả: bạn vẫn xem được thông báo trong tab Thông báo, và có thể bật lại sau trong Cá nhân.',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(consentAnswers()).toHaveLength(0);
    expect(settingsWrites()).toHaveLength(0);
    expect(proxy.consents.notifications.granted).toBe(false);
  });

  it('with the consent given, turns the mini app channel on and off at once, asking Zalo only to turn it on', async () => {
    proxy.consents.notifications = grantedConsent();
    const { user } = await openSettings();
    expect(screen.queryByText(/chúng tôi sẽ giải thích/)).not.toBeInTheDocument();

    await user.click(miniAppSwitch());
    await screen.findByRole('switch', { name: 'Thông báo qua Zalo (mini app)', checked: true });
    expect(await screen.findByText('Đã lưu cài đặt thông báo')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual(['requestSendNotification']);

    await user.click(miniAppSwitch());
    await screen.findByRole('switch', { name: 'Thông báo qua Zalo (mini app)', checked: false });
    expect(zmpSdkMock.prompts).toEqual(['requestSendNotification']);
    expect(settingsWrites().map((request) => request.body)).toEqual([{ miniApp: true }, { miniApp: false }]);
    expect(consentAnswers()).toHaveLength(0);
    expect(proxy.notificationChannels.miniApp).toBe(false);
  });

  it('keeps the switch off and says so calmly when the citizen refuses Zalo’s prompt', async () => {
    proxy.consents.notifications = grantedConsent();
    zmpSdkMock.notificationError = { code: -201 };
    const { user } = await openSettings();
    await user.click(miniAppSwitch());
    expect(await within(settingsRegion()).findByRole('status')).toHaveTextContent(
      'Bạn chưa cho phép Zalo gửi thông báo. Bạn có thể bật lại bất cứ lúc nào ở đây.',
    );
    expect(miniAppSwitch()).not.toBeChecked();
    expect(settingsWrites()).toHaveLength(0);
  });

  it('cannot turn the phone channel on without a verified phone, and leads to sharing it', async () => {
    proxy.consents.notifications = grantedConsent();
    await openSettings();
    expect(phoneSwitch()).toBeDisabled();
    expect(phoneSwitch()).not.toBeChecked();
    expect(phoneSwitch()).toHaveAccessibleDescription(/Cần số điện thoại đã xác thực qua Zalo/);
    expect(within(settingsRegion()).getByRole('link', { name: 'Thêm số điện thoại đã xác thực' })).toHaveAttribute(
      'href',
      '/profile/consent/phone',
    );
  });

  it('turns the phone channel on for a citizen with a verified phone, without a Zalo prompt', async () => {
    proxy.consents.notifications = grantedConsent();
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    const { user } = await openSettings();
    expect(phoneSwitch()).toBeEnabled();
    expect(phoneSwitch()).toHaveAccessibleDescription(/Gửi tới số điện thoại bạn đã xác thực qua Zalo/);
    expect(within(settingsRegion()).queryByRole('link')).not.toBeInTheDocument();

    await user.click(phoneSwitch());
    await screen.findByRole('switch', { name: 'Tin nhắn Zalo theo số điện thoại', checked: true });
    expect(settingsWrites().map((request) => request.body)).toEqual([{ phone: true }]);
    expect(zmpSdkMock.prompts).toEqual([]);
    expect(miniAppSwitch()).not.toBeChecked();
  });

  it('shows both channels off after the citizen withdraws the notifications consent', async () => {
    proxy.consents.notifications = grantedConsent();
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    proxy.notificationChannels = { miniApp: true, allowedAt: '2026-03-05T02:30:00.000Z', phone: true };
    const { user } = await openSettings();
    expect(miniAppSwitch()).toBeChecked();
    expect(phoneSwitch()).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Rút lại đồng ý: Thông báo về hồ sơ' }));
    await user.click(screen.getByRole('button', { name: 'Rút lại và xóa dữ liệu' }));
    await screen.findByRole('switch', { name: 'Thông báo qua Zalo (mini app)', checked: false });
    expect(phoneSwitch()).not.toBeChecked();
    expect(within(settingsRegion()).getByText(/chúng tôi sẽ giải thích/)).toBeInTheDocument();
  });

  it('shows the proxy’s reason when a change fails, and keeps the switch as it was', async () => {
    proxy.consents.notifications = grantedConsent();
    api.put('/api/v1/me/notification-settings', {
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bận. Hãy thử lại sau ít phút.' },
    });
    const { user } = await openSettings();
    await user.click(miniAppSwitch());
    expect(await within(settingsRegion()).findByRole('alert')).toHaveTextContent('Hệ thống đang bận. Hãy thử lại sau ít phút.');
    expect(miniAppSwitch()).not.toBeChecked();
  });

  it('asks a signed-out citizen to sign in first', async () => {
    zmpSdkMock.accessTokenError = { code: -2000 };
    renderAt('/profile');
    await screen.findByText('Chưa kết nối được với Zalo. Hãy thử lại sau ít phút.');
    expect(within(settingsRegion()).getByText('Hãy đăng nhập để chọn cách nhận thông báo qua Zalo.')).toBeInTheDocument();
    expect(within(settingsRegion()).queryByRole('switch')).not.toBeInTheDocument();
    expect(api.requestsTo('/api/v1/me/notification-settings')).toHaveLength(0);
  });

  it('speaks English too', async () => {
    const { user } = await openSettings();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('switch', { name: 'Zalo notifications (mini app)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent('Always on');
    expect(screen.getByRole('switch', { name: 'Zalo messages to your phone number' })).toBeDisabled();
  });
});
