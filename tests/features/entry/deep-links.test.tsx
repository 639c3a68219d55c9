import { act, screen, waitFor, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { events, EventName, zmpSdkMock } from '../../support/zmp-sdk-mock';
import { followedApplication, installFollowUpProxy } from '../applications/follow-up-support';
import { installEntryProxy, renderWholeApp } from './support';

endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installEntryProxy(api);
});

// Generous waits: the first page of a test may be the first to load its lazy chunks in this jest worker.
const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const onHomePage = () => screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' });

/** Zalo brings the app back from the background with a deep link (the OpenApp event, `d.path`). */
function openAppWith(path: string) {
  act(() => events.emit(EventName.OpenApp, { path }));
}

/** Every request the app made for offices and procedures by code. */
const codeRequests = () =>
  api.requests.filter(({ path }) => /^\/api\/v1\/(offices|procedures)\/[^/]+$/.test(path)).map(({ path }) => path);

describe('opening the app from a deep link (cold start)', () => {
  it('opens the procedure’s form with the office of the poster chosen, and “Quay lại” leads home', async () => {
    zmpSdkMock.routeParams = { office: '04465', proc: '1.001193', env: 'PRODUCTION', zshareId: '7788' };
    const { user } = renderWholeApp();
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' })).toBeInTheDocument();
    const office = screen.getByRole('group', { name: 'Nơi nộp hồ sơ' });
    expect(await within(office).findByText('Xã Khao Mang')).toBeInTheDocument();
    expect(office).toHaveTextContent('Đã chọn: Xã Khao Mang');
    expect(within(office).queryByRole('searchbox')).not.toBeInTheDocument();
    expect(within(office).getByRole('button', { name: 'Chọn nơi khác' })).toBeInTheDocument();

    // The checking page (/open) it replaced may still be animating out.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Quay lại' })).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(await onHomePage()).toBeInTheDocument();
  });

  it('opens an office’s page from its poster', async () => {
    zmpSdkMock.routeParams = { office: '04465' };
    renderWholeApp();
    expect(await h1('UBND xã Khao Mang')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nộp hồ sơ tại đây' })).toBeInTheDocument();
  });

  it('opens a procedure’s page from a link with only `proc`', async () => {
    zmpSdkMock.routeParams = { proc: '1.001193' };
    renderWholeApp();
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeInTheDocument();
  });

  it('opens the dossier a notification button names', async () => {
    const id = '0b7a9a52-3c1d-4e8f-9a6b-2d4c5e6f7a8b';
    installIdentityProxy(api);
    installFollowUpProxy(api, [followedApplication({ id })]);
    zmpSdkMock.routeParams = { application: id };
    renderWholeApp();
    expect(await h1('Cơ quan đang giải quyết hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('04465-261122-0007')).toBeInTheDocument();
  });

  it('says an office is unknown and offers the office search, and the procedure of the link', async () => {
    zmpSdkMock.routeParams = { office: '99999', proc: '1.001193' };
    const { user } = renderWholeApp();
    expect(await h1('Không tìm thấy cơ quan')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem thủ tục “Đăng ký khai sinh”' })).toHaveAttribute(
      'href',
      '/procedures/1.001193',
    );

    await user.type(screen.getByRole('searchbox', { name: 'Tìm xã, phường hoặc tên cũ' }), 'Khao Mang');
    const offices = await screen.findByRole('list', { name: 'Cơ quan, UBND xã/phường' });
    await user.click(within(offices).getByRole('link', { name: /UBND xã Khao Mang/ }));
    expect(await h1('UBND xã Khao Mang')).toBeInTheDocument();
  });

  it('says a procedure is unknown and offers the procedure search and the office’s procedures', async () => {
    zmpSdkMock.routeParams = { office: '04465', proc: '9.999999' };
    const { user } = renderWholeApp();
    expect(await h1('Không tìm thấy thủ tục')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem các thủ tục của UBND xã Khao Mang' })).toHaveAttribute(
      'href',
      '/offices/04465',
    );

    const page = screen.getByRole('region', { name: 'Không tìm thấy thủ tục' });
    await user.type(within(page).getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }), 'khai sinh');
    const results = await within(page).findByRole('list', { name: 'Kết quả tìm kiếm' });
    await user.click(within(results).getByRole('link', { name: /Đăng ký khai sinh/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeInTheDocument();
  });

  it('ignores values that are too long or carry markup: home, no error, nothing fetched with them', async () => {
    zmpSdkMock.routeParams = {
      office: '<script>alert(1)</script>',
      proc: `1.${'1'.repeat(80)}`,
      application: '"><img src=x onerror=alert(1)>',
    };
    renderWholeApp();
    expect(await onHomePage()).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/Không tìm thấy/)).not.toBeInTheDocument();
    expect(codeRequests()).toEqual([]);
  });

  it('keeps the valid part of a link whose other value is malformed', async () => {
    zmpSdkMock.routeParams = { office: '04465<b>', proc: '1.001193' };
    renderWholeApp();
    expect(await screen.findByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeInTheDocument();
    expect(codeRequests().every((path) => !path.startsWith('/api/v1/offices/'))).toBe(true);
  });

  it('shows a lost connection with “Thử lại”, then opens the page', async () => {
    let failures = 1;
    api.get('/api/v1/offices/:code', () => {
      if (failures-- > 0) return { networkError: true };
      return { status: 404, body: { statusCode: 404, code: 'OFFICE_NOT_FOUND', message: 'Không tìm thấy cơ quan.' } };
    });
    zmpSdkMock.routeParams = { office: '12345' };
    const { user } = renderWholeApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('Không kết nối được tới máy chủ');
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await h1('Không tìm thấy cơ quan')).toBeInTheDocument();
  });
});

describe('a deep link while the app is open (OpenApp)', () => {
  it('opens the page of each link Zalo brings the app back with, once, and ignores malformed ones', async () => {
    const { user } = renderWholeApp();
    await onHomePage();

    openAppWith('/?office=04465&proc=1.001193&utm_source=poster');
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    const office = screen.getByRole('group', { name: 'Nơi nộp hồ sơ' });
    expect(await within(office).findByText('Xã Khao Mang')).toBeInTheDocument();
    expect(office).toHaveTextContent('Đã chọn: Xã Khao Mang');

    // The same poster again, then malformed and unknown values: nothing new opens.
    openAppWith('/?office=04465&proc=1.001193&utm_source=again');
    openAppWith('/?office=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    openAppWith(`/?proc=${'1'.repeat(70)}&unknown=1`);
    openAppWith('not a path at all');

    openAppWith('https://zalo.me/s/1234567890123456789/?office=02716');
    expect(await h1('UBND phường Cam Đường')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Two pages were opened, so two steps back lead home.
    const back = async () => {
      await waitFor(() => expect(screen.getAllByRole('button', { name: 'Quay lại' })).toHaveLength(1));
      await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    };
    await back();
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    await back();
    expect(await onHomePage()).toBeInTheDocument();
  });
});
