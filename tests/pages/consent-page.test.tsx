import { screen, within } from '@testing-library/react';
import type { FakeApi } from '../support/fake-api';
import type { IdentityProxy } from '../support/fake-identity-proxy';
import { renderAt } from '../support/render-app';
import { withIdentityProxy } from '../support/session';
import { defaultZaloUser, zmpSdkMock } from '../support/zmp-sdk-mock';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => ({ api, proxy } = fake));

const consentAnswers = (purpose: string) => api.requestsTo(`/api/v1/me/consents/${purpose}`);
const phoneShares = () => api.requests.filter((request) => request.path === '/api/v1/me/phone');

async function openProfile() {
  const view = renderAt('/profile');
  await screen.findByRole('heading', { level: 2, name: 'Quyền riêng tư' });
  return view;
}

describe('showing the Zalo name and avatar', () => {
  it('explains why, what is kept and how to withdraw before Zalo asks anything', async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hiển thị tên và ảnh Zalo' })).toBeInTheDocument();
    for (const heading of ['Vì sao chúng tôi hỏi', 'Chúng tôi lưu gì', 'Bạn luôn có quyền rút lại']) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    }
    expect(screen.getByText(/không dùng chúng cho mục đích nào khác/)).toBeInTheDocument();
    expect(screen.getByText(/tên và ảnh đại diện sẽ bị xóa khỏi hệ thống/)).toBeInTheDocument();
    expect(screen.getByText(/Zalo sẽ hỏi bạn/)).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual([]);
    expect(consentAnswers('profile')).toHaveLength(0);
  });

  it("asks Zalo, records the consent with the text version, and shows the citizen's name and avatar", async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }));
    await user.click(await screen.findByRole('button', { name: 'Đồng ý' }));

    expect(await screen.findByText(defaultZaloUser.name)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(document.querySelector('img.account-avatar')).toHaveAttribute('src', defaultZaloUser.avatar);
    expect(await screen.findByText('Đã hiển thị tên và ảnh Zalo của bạn')).toBeInTheDocument();

    expect(zmpSdkMock.prompts).toEqual(['authorize:scope.userInfo']);
    const [grant] = consentAnswers('profile');
    expect(grant.method).toBe('PUT');
    expect(grant.body).toEqual({ granted: true, textVersion: '2026-01-15' });
    // Signed in again after the grant, so the proxy reads the name from Zalo.
    expect(api.requestsTo('/api/v1/sessions').map((request) => request.body)).toEqual([
      { accessToken: 'zalo-access-1' },
      { accessToken: 'zalo-access-2' },
    ]);
  });

  it.each([
    ['refuses in Zalo’s prompt', -1401],
    ['closes Zalo’s prompt', -201],
  ])('stays calm when the citizen %s, and records nothing', async (_case, code) => {
    zmpSdkMock.authorizeError = { code, message: 'User denied' };
    const { user } = await openProfile();
    await user.click(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }));
    await user.click(await screen.findByRole('button', { name: 'Đồng ý' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Bạn đã không cho phép Zalo chia sẻ tên và ảnh. Không sao cả: bạn vẫn dùng được mọi dịch vụ.',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Hiển thị tên và ảnh Zalo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Đồng ý' })).toBeEnabled();
    expect(consentAnswers('profile')).toHaveLength(0);
    expect(proxy.consents.profile.granted).toBe(false);
  });

  it('goes back without asking anything on "Để sau"', async () => {
    const { user } = await openProfile();
    await user.click(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }));
    await user.click(await screen.findByRole('button', { name: 'Để sau' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual([]);
  });

  it("shows the proxy's message when the consent text has changed since this version of the app", async () => {
    api.put('/api/v1/me/consents/:purpose', {
      status: 409,
      body: { statusCode: 409, code: 'CONSENT_TEXT_OUTDATED', message: 'Nội dung đồng ý đã được cập nhật.' },
    });
    const { user } = await openProfile();
    await user.click(screen.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }));
    await user.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nội dung đồng ý đã được cập nhật.');
  });
});

describe('sharing the phone number', () => {
  async function openPhoneConsent() {
    const view = await openProfile();
    await view.user.click(screen.getByRole('link', { name: 'Chia sẻ số điện thoại' }));
    await screen.findByRole('heading', { level: 1, name: 'Chia sẻ số điện thoại' });
    return view;
  }

  it('says exactly what the number is used for before Zalo asks', async () => {
    await openPhoneConsent();
    const why = screen.getByRole('heading', { level: 2, name: 'Vì sao chúng tôi hỏi' }).closest('section')!;
    const uses = within(why).getAllByRole('listitem').map((item) => item.textContent);
    expect(uses).toEqual([
      'điền sẵn số điện thoại vào hồ sơ bạn nộp;',
      'gửi thông báo về hồ sơ của bạn qua số điện thoại (tin nhắn Zalo);',
      'để cơ quan giải quyết hồ sơ liên hệ với bạn khi cần.',
    ]);
    expect(within(why).getByText(/không được dùng để quảng cáo/)).toBeInTheDocument();
    expect(screen.getByText(/số điện thoại sẽ bị xóa khỏi hệ thống/)).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual([]);
  });

  it('grants the consent, sends the phone token with a fresh access token, and shows the number masked', async () => {
    const { user } = await openPhoneConsent();
    await user.click(screen.getByRole('button', { name: 'Đồng ý và chia sẻ' }));

    expect(await screen.findByText('•••• ••• 678')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Cá nhân' })).toBeInTheDocument();
    expect(await screen.findByText('Đã lưu số điện thoại của bạn')).toBeInTheDocument();

    expect(zmpSdkMock.prompts).toEqual(['getPhoneNumber']);
    expect(consentAnswers('phone')[0].body).toEqual({ granted: true, textVersion: '2026-01-15' });
    const [share] = phoneShares();
    expect(share.method).toBe('POST');
    expect(share.body).toEqual({ phoneToken: 'zalo-phone-1', accessToken: 'zalo-access-2' });
    expect(share.headers.authorization).toBe('Bearer session-1');
    // The consent is recorded before the number is sent, as the proxy requires.
    expect(api.requests.indexOf(consentAnswers('phone')[0])).toBeLessThan(api.requests.indexOf(share));
  });

  it('stays calm when the citizen refuses in Zalo, and records nothing', async () => {
    zmpSdkMock.phoneError = { code: -201, message: 'User denied' };
    const { user } = await openPhoneConsent();
    await user.click(screen.getByRole('button', { name: 'Đồng ý và chia sẻ' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Bạn đã không cho phép Zalo chia sẻ số điện thoại. Không sao cả',
    );
    expect(consentAnswers('phone')).toHaveLength(0);
    expect(phoneShares()).toHaveLength(0);
  });

  it("shows the proxy's message when the phone token was refused", async () => {
    proxy.phoneReply = {
      status: 400,
      body: {
        statusCode: 400,
        code: 'PHONE_TOKEN_INVALID',
        message: 'Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng. Hãy chia sẻ lại số điện thoại.',
      },
    };
    const { user } = await openPhoneConsent();
    await user.click(screen.getByRole('button', { name: 'Đồng ý và chia sẻ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng.');
    expect(screen.getByRole('button', { name: 'Đồng ý và chia sẻ' })).toBeEnabled();
  });

  it('says Zalo cannot be reached when the SDK fails for another reason', async () => {
    zmpSdkMock.phoneError = { code: -2000 };
    const { user } = await openPhoneConsent();
    await user.click(screen.getByRole('button', { name: 'Đồng ý và chia sẻ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Chưa kết nối được với Zalo. Hãy thử lại sau ít phút.');
  });
});

it('has no consent screen for other purposes', async () => {
  renderAt('/profile/consent/location');
  expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang' })).toBeInTheDocument();
});
