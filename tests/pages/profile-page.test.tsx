import { screen, within } from '@testing-library/react';
import type { FakeApi } from '../support/fake-api';
import { grantedConsent, VERIFIED_PHONE, type IdentityProxy } from '../support/fake-identity-proxy';
import { renderAt } from '../support/render-app';
import { withIdentityProxy } from '../support/session';
import { defaultZaloUser, zmpSdkMock } from '../support/zmp-sdk-mock';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => ({ api, proxy } = fake));

const deletions = () => api.requests.filter((request) => request.method === 'DELETE');
const privacyList = () => screen.getByRole('list', { name: 'Quyền riêng tư' });
const consentRow = (name: string) =>
  within(privacyList())
    .getAllByRole('listitem')
    .find((item) => item.querySelector('.card-title')?.textContent === name)!;

async function openProfile() {
  const view = renderAt('/profile');
  await screen.findByRole('heading', { level: 2, name: 'Quyền riêng tư' });
  return view;
}

describe('Cá nhân when signed in', () => {
  it('signs in silently and shows what the proxy holds, sending the session token', async () => {
    await openProfile();
    expect(screen.getByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ })).toHaveAttribute(
      'href',
      '/profile/consent/profile',
    );
    expect(screen.getByText(/Bạn chưa chia sẻ số điện thoại/)).toBeInTheDocument();
    expect(within(consentRow('Số điện thoại')).getByText('Chưa đồng ý')).toBeInTheDocument();
    // Settings stay on the page.
    expect(screen.getByRole('radio', { name: 'Tiếng Việt' })).toBeChecked();

    expect(api.requestsTo('/api/v1/sessions')[0].body).toEqual({ accessToken: 'zalo-access-1' });
    expect(api.requestsTo('/api/v1/me')[0].headers.authorization).toBe('Bearer session-1');
    expect(api.requestsTo('/api/v1/me/consents')[0].headers.authorization).toBe('Bearer session-1');
    expect(zmpSdkMock.prompts).toEqual([]);
  });

  it('shows each consent with the day it was given or withdrawn, in Vietnamese date format', async () => {
    proxy.consents.profile = grantedConsent('2026-03-05T02:30:00.000Z');
    proxy.consents.notifications = {
      granted: false,
      textVersion: '2026-01-15',
      grantedAt: '2026-01-20T01:00:00.000Z',
      withdrawnAt: '2026-02-28T18:30:00.000Z',
    };
    await openProfile();
    expect(consentRow('Tên và ảnh đại diện Zalo')).toHaveTextContent('Đã đồng ý ngày 05/03/2026');
    // 18:30 UTC is already 1 March in Vietnam.
    expect(consentRow('Thông báo về hồ sơ')).toHaveTextContent('Đã rút lại ngày 01/03/2026');
    expect(consentRow('Số điện thoại')).toHaveTextContent('Chưa đồng ý');
    expect(within(consentRow('Tên và ảnh đại diện Zalo')).getByRole('button', { name: /Rút lại/ })).toBeInTheDocument();
    expect(within(consentRow('Số điện thoại')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the Zalo name and avatar once the profile consent is granted', async () => {
    proxy.consents.profile = grantedConsent();
    await openProfile();
    expect(screen.getByText(defaultZaloUser.name)).toBeInTheDocument();
    expect(document.querySelector('img.account-avatar')).toHaveAttribute('src', defaultZaloUser.avatar);
    expect(screen.queryByRole('link', { name: /Hiển thị tên và ảnh Zalo/ })).not.toBeInTheDocument();
  });

  it('shows a shared phone only masked', async () => {
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    await openProfile();
    expect(screen.getByText('•••• ••• 678')).toBeInTheDocument();
    expect(screen.getByText('Số điện thoại kết thúc bằng 678')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('912345');
  });
});

describe('withdrawing a consent', () => {
  beforeEach(() => {
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
  });

  it('asks first, explaining that the data will be deleted, and does nothing when the citizen keeps it', async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Rút lại đồng ý: Số điện thoại' }));
    const dialog = screen.getByRole('dialog', { name: 'Rút lại đồng ý “Số điện thoại”?' });
    expect(dialog).toHaveAccessibleDescription(/Số điện thoại của bạn sẽ bị xóa khỏi Lào Cai số/);

    await user.click(within(dialog).getByRole('button', { name: 'Giữ nguyên' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requestsTo('/api/v1/me/consents/phone')).toHaveLength(0);
    expect(screen.getByText('•••• ••• 678')).toBeInTheDocument();
  });

  it('withdraws after confirmation: the number is gone and the list shows the withdrawal date', async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Rút lại đồng ý: Số điện thoại' }));
    await user.click(screen.getByRole('button', { name: 'Rút lại và xóa dữ liệu' }));

    expect(await screen.findByText(/Bạn chưa chia sẻ số điện thoại/)).toBeInTheDocument();
    expect(screen.queryByText('•••• ••• 678')).not.toBeInTheDocument();
    expect(consentRow('Số điện thoại')).toHaveTextContent('Đã rút lại ngày 05/03/2026');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Đã rút lại đồng ý và xóa dữ liệu liên quan.')).toBeInTheDocument();

    const [withdrawal] = api.requestsTo('/api/v1/me/consents/phone');
    expect(withdrawal.method).toBe('PUT');
    expect(withdrawal.body).toEqual({ granted: false });
    expect(withdrawal.headers.authorization).toBe('Bearer session-1');
  });

  it('keeps the dialog open with the reason when the withdrawal fails', async () => {
    api.put('/api/v1/me/consents/:purpose', {
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bận. Hãy thử lại sau ít phút.' },
    });
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Rút lại đồng ý: Số điện thoại' }));
    await user.click(screen.getByRole('button', { name: 'Rút lại và xóa dữ liệu' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Hệ thống đang bận. Hãy thử lại sau ít phút.');
    expect(screen.getByText('•••• ••• 678')).toBeInTheDocument();
  });
});

describe('deleting all my data', () => {
  it('names what will be deleted and does nothing when the citizen changes their mind', async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Xóa toàn bộ dữ liệu của tôi' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa toàn bộ dữ liệu của bạn?' });
    for (const item of ['tên và ảnh đại diện Zalo', 'số điện thoại đã xác thực', 'các đồng ý', 'cài đặt thông báo']) {
      expect(dialog).toHaveTextContent(item);
    }
    expect(dialog).toHaveTextContent('Không thể hoàn tác');

    await user.click(within(dialog).getByRole('button', { name: 'Không xóa' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(deletions()).toHaveLength(0);
  });

  it('deletes after confirmation and leaves the citizen signed out, without signing in again by itself', async () => {
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    const { user } = await openProfile();
    await user.click(screen.getByRole('button', { name: 'Xóa toàn bộ dữ liệu của tôi' }));
    await user.click(screen.getByRole('button', { name: 'Xóa toàn bộ dữ liệu' }));

    expect(await screen.findByText(/Đã xóa toàn bộ dữ liệu của bạn khỏi Lào Cai số/)).toBeInTheDocument();
    expect(screen.getByText('Bạn chưa đăng nhập')).toBeInTheDocument();
    expect(screen.queryByText('•••• ••• 678')).not.toBeInTheDocument();
    const [deletion] = deletions();
    expect(deletion.headers.authorization).toBe('Bearer session-1');
    expect(proxy.deleted).toBe(true);
    expect(api.requestsTo('/api/v1/sessions')).toHaveLength(1);
    expect(zmpSdkMock.storage.has('lao-cai-so:session')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Đăng nhập lại' }));
    expect(await screen.findByText(/Bạn chưa chia sẻ số điện thoại/)).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/sessions')).toHaveLength(2);
  });
});

describe('Cá nhân when not signed in', () => {
  it('explains calmly when Zalo cannot be reached, and signs in when asked again', async () => {
    zmpSdkMock.accessTokenError = { code: -2000 };
    const { user } = renderAt('/profile');
    expect(await screen.findByText('Chưa kết nối được với Zalo. Hãy thử lại sau ít phút.')).toBeInTheDocument();
    expect(screen.getByText('Bạn chưa đăng nhập')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Tiếng Việt' })).toBeInTheDocument();

    zmpSdkMock.accessTokenError = null;
    await user.click(screen.getByRole('button', { name: 'Đăng nhập lại' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Quyền riêng tư' })).toBeInTheDocument();
  });

  it('says the session has ended when the proxy refuses it even after a renewal', async () => {
    proxy.consents.phone = grantedConsent();
    proxy.phone = VERIFIED_PHONE;
    const { user } = await openProfile();
    api.put('/api/v1/me/consents/:purpose', {
      status: 401,
      body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.' },
    });
    await user.click(screen.getByRole('button', { name: 'Rút lại đồng ý: Số điện thoại' }));
    await user.click(screen.getByRole('button', { name: 'Rút lại và xóa dữ liệu' }));

    expect(await screen.findByText('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để tiếp tục.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Quyền riêng tư' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const attempts = api.requests.filter((request) => request.method === 'PUT');
    expect(attempts.map((request) => request.headers.authorization)).toEqual(['Bearer session-1', 'Bearer session-2']);
  });
});

describe('Cá nhân in English', () => {
  it('has every text and the dates in English', async () => {
    proxy.consents.profile = grantedConsent('2026-03-05T02:30:00.000Z');
    const { user } = await openProfile();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Privacy' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Phone number' })).toBeInTheDocument();
    expect(screen.getByText('Agreed on 5 March 2026')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete all my data' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Share my phone number' })).toBeInTheDocument();
  });
});
