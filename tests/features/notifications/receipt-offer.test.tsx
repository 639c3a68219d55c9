import { act, screen, waitFor, within } from '@testing-library/react';
import type { ReceiptNavigationState } from '@/features/applications/types';
import type { FakeApi } from '../../support/fake-api';
import { grantedConsent, VERIFIED_PHONE, type IdentityProxy } from '../../support/fake-identity-proxy';
import { withIdentityProxy } from '../../support/session';
import { zmpSdkMock } from '../../support/zmp-sdk-mock';
import { installFollowUpProxy } from '../applications/follow-up-support';
import { receivedApplication } from '../applications/support';
import { renderAtEntry } from './support';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => {
  ({ api, proxy } = fake);
  installFollowUpProxy(api, []);
  api.get('/api/v1/applications/:id', { status: 200, body: receivedApplication() });
});

/** The receipt exactly as the form opens it after a submission (with the proxy's answer as navigation state). */
function openReceiptAfterSubmitting() {
  const state: ReceiptNavigationState = { receipt: receivedApplication(), procedureName: 'Đăng ký khai sinh' };
  return renderAtEntry({ pathname: '/applications/app-1', state });
}

const receiptHeading = () => screen.findByRole('heading', { level: 1, name: 'Bộ phận một cửa đã nhận hồ sơ' });
const offer = () => screen.findByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' });
const settingsWrites = () =>
  api.requests.filter((request) => request.path === '/api/v1/me/notification-settings' && request.method === 'PUT');

/** The receipt on screen, once the proxy has answered the settings the offer decides on. */
async function settledReceipt() {
  const asked = api.requestsTo('/api/v1/me/notification-settings').length;
  await receiptHeading();
  await waitFor(() => expect(api.requestsTo('/api/v1/me/notification-settings').length).toBeGreaterThan(asked));
  // Let the answer reach the page.
  await act(async () => {
    await Promise.resolve();
  });
}

describe('the offer on the receipt', () => {
  it('asks for consent first, then Zalo, and turns on the mini app and phone channels for a verified phone', async () => {
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    const { user } = openReceiptAfterSubmitting();
    const region = await offer();
    expect(region).toHaveTextContent(/báo cho bạn qua Zalo khi hồ sơ được tiếp nhận, cần bổ sung giấy tờ/);
    expect(region).toHaveTextContent('Tin nhắn cũng được gửi tới số điện thoại bạn đã xác thực qua Zalo.');

    await user.click(within(region).getByRole('button', { name: 'Nhận thông báo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nhận thông báo về hồ sơ qua Zalo' })).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Đồng ý nhận thông báo' }));

    // Back on the receipt, with Zalo notifications on and the offer gone.
    await receiptHeading();
    expect(await screen.findByText('Đã bật thông báo về hồ sơ qua Zalo')).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual(['requestSendNotification']);
    expect(api.requestsTo('/api/v1/me/consents/notifications').map((request) => request.body)).toEqual([
      { granted: true, textVersion: '2026-01-15' },
    ]);
    expect(settingsWrites().map((request) => request.body)).toEqual([{ miniApp: true, phone: true }]);
    expect(proxy.notificationChannels).toMatchObject({ miniApp: true, phone: true });
    expect(screen.queryByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' })).not.toBeInTheDocument();
  });

  it('turns the mini app channel on in place when the consent was given before', async () => {
    proxy.consents.notifications = grantedConsent();
    const { user } = openReceiptAfterSubmitting();
    const region = await offer();
    expect(region).not.toHaveTextContent('số điện thoại');
    await user.click(within(region).getByRole('button', { name: 'Nhận thông báo' }));

    expect(await within(region).findByText('Đã bật. Bạn sẽ nhận thông báo qua Zalo khi hồ sơ thay đổi.')).toBeInTheDocument();
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Bộ phận một cửa đã nhận hồ sơ' })).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual(['requestSendNotification']);
    expect(settingsWrites().map((request) => request.body)).toEqual([{ miniApp: true }]);
    expect(api.requestsTo('/api/v1/me/consents/notifications')).toHaveLength(0);
  });

  it('takes a “no” in Zalo’s prompt calmly, records nothing, and does not ask again', async () => {
    proxy.consents.notifications = grantedConsent();
    zmpSdkMock.notificationError = { code: -201, message: 'User denied' };
    const { user, unmount } = openReceiptAfterSubmitting();
    const region = await offer();
    await user.click(within(region).getByRole('button', { name: 'Nhận thông báo' }));

    expect(await within(region).findByText(/Bạn chưa cho phép Zalo gửi thông báo/)).toHaveTextContent(
      'có thể bật sau trong Cá nhân',
    );
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
    expect(settingsWrites()).toHaveLength(0);
    expect(proxy.notificationChannels.miniApp).toBe(false);

    unmount();
    openReceiptAfterSubmitting();
    await settledReceipt();
    expect(screen.queryByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' })).not.toBeInTheDocument();
  });

  it('says where to turn it on later when the citizen chooses “Để sau”, and does not ask again', async () => {
    const { user, unmount } = openReceiptAfterSubmitting();
    const region = await offer();
    await user.click(within(region).getByRole('button', { name: 'Để sau' }));
    expect(within(region).getByText('Bạn có thể bật thông báo qua Zalo bất cứ lúc nào trong Cá nhân.')).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual([]);
    expect(settingsWrites()).toHaveLength(0);

    unmount();
    openReceiptAfterSubmitting();
    await settledReceipt();
    expect(screen.queryByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' })).not.toBeInTheDocument();
  });

  it('keeps offering, with the reason, when turning it on failed', async () => {
    proxy.consents.notifications = grantedConsent();
    api.put('/api/v1/me/notification-settings', {
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bận. Hãy thử lại sau ít phút.' },
    });
    const { user } = openReceiptAfterSubmitting();
    const region = await offer();
    await user.click(within(region).getByRole('button', { name: 'Nhận thông báo' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent('Hệ thống đang bận. Hãy thử lại sau ít phút.');
    expect(within(region).getByRole('button', { name: 'Nhận thông báo' })).toBeEnabled();
  });

  it('is not offered to a citizen who already gets Zalo notifications', async () => {
    proxy.consents.notifications = grantedConsent();
    proxy.notificationChannels = { miniApp: true, allowedAt: '2026-03-05T02:30:00.000Z', phone: false };
    openReceiptAfterSubmitting();
    await settledReceipt();
    expect(api.requestsTo('/api/v1/me/notification-settings').length).toBeGreaterThan(0);
    expect(screen.queryByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' })).not.toBeInTheDocument();
  });
});
