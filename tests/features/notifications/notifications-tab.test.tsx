import { act, screen, waitFor, within } from '@testing-library/react';
import { deferred, installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy, type IdentityProxy } from '../../support/fake-identity-proxy';
import { getSessionState } from '@/state/session';
import { renderAt } from '../../support/render-app';
import { endSessionAfterEachTest } from '../../support/session';
import { zmpSdkMock } from '../../support/zmp-sdk-mock';
import { followedApplication, installFollowUpProxy } from '../applications/follow-up-support';
import { HOUR, installInboxProxy, MINUTE, notification, pageOf, type InboxProxy } from './support';

endSessionAfterEachTest();

let api: FakeApi;
let identity: IdentityProxy;
let inbox: InboxProxy;

const supplement = () =>
  notification({ id: 'n-supplement', applicationId: 'app-1', title: 'Hồ sơ cần bổ sung giấy tờ' }, 5 * MINUTE);
const received = () =>
  notification(
    {
      id: 'n-received',
      applicationId: 'app-2',
      kind: 'received',
      status: 2,
      title: 'Hồ sơ đã được tiếp nhận',
      procedureName: 'Đăng ký kết hôn',
      receiptCode: '04465-261120-0003',
    },
    3 * HOUR,
  );
const old = () =>
  notification(
    {
      id: 'n-old',
      applicationId: 'app-3',
      kind: 'result-ready',
      status: 9,
      title: 'Đã có kết quả, mời bạn đến nhận',
      procedureName: 'Cấp bản sao trích lục hộ tịch',
      receiptCode: null,
      // 09:30 on 22 November 2025, Vietnam time.
      createdAt: '2025-11-22T02:30:00.000Z',
      readAt: '2025-11-22T03:00:00.000Z',
    },
    0,
  );

beforeEach(async () => {
  api = await installFakeApi();
  identity = installIdentityProxy(api);
  inbox = installInboxProxy(api, identity, [old(), supplement(), received()]);
  installFollowUpProxy(api, [followedApplication({ id: 'app-1', statusCode: 5, statusName: 'Yêu cầu bổ sung hồ sơ' })]);
});

const navigation = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });
const notificationsTab = () => within(navigation()).getByRole('button', { name: /^Thông báo/ });
const inboxList = () => screen.getByRole('list', { name: 'Thông báo của bạn' });
const card = (title: string) => within(inboxList()).getByRole('link', { name: new RegExp(title) });

async function openInbox() {
  const view = renderAt('/notifications');
  // The first visit loads the page's chunk (its modules compile on first use under jest).
  await screen.findByRole('list', { name: 'Thông báo của bạn' });
  return view;
}

describe('the Thông báo tab', () => {
  it('lists every notification newest first, with procedure, receipt code, date, and the unread ones marked', async () => {
    await openInbox();
    expect(screen.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeInTheDocument();
    const cards = within(inboxList()).getAllByRole('link');
    expect(cards.map((link) => link.querySelector('.card-title')?.textContent)).toEqual([
      'Hồ sơ cần bổ sung giấy tờ',
      'Hồ sơ đã được tiếp nhận',
      'Đã có kết quả, mời bạn đến nhận',
    ]);

    const newest = card('Hồ sơ cần bổ sung giấy tờ');
    expect(newest).toHaveAttribute('href', '/applications/app-1');
    expect(newest).toHaveTextContent('Chưa đọc');
    expect(newest).toHaveTextContent('Đăng ký khai sinh');
    expect(newest).toHaveTextContent('Mã hồ sơ: 04465-261122-0007');
    expect(newest).toHaveTextContent('5 phút trước');
    expect(card('Hồ sơ đã được tiếp nhận')).toHaveTextContent(/Chưa đọc.*Đăng ký kết hôn.*04465-261120-0003/);
    const oldest = card('Đã có kết quả');
    expect(oldest).not.toHaveTextContent('Chưa đọc');
    expect(oldest).toHaveTextContent('Chưa có mã hồ sơ');
    expect(oldest).toHaveTextContent('09:30 ngày 22/11/2025');
    expect(oldest.querySelector('time')).toHaveAttribute('datetime', '2025-11-22T02:30:00.000Z');

    expect(screen.getByText('2 thông báo chưa đọc')).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/notifications')[0].headers.authorization).toBe('Bearer session-1');
  });

  it('shows the unread count on the tab, visibly and in the tab’s name', async () => {
    await openInbox();
    const tab = await within(navigation()).findByRole('button', { name: 'Thông báo, 2 chưa đọc' });
    expect(tab.querySelector('.nav-badge')).toHaveTextContent('2');
  });

  it('marks a notification read when tapped and opens its dossier; the count goes down', async () => {
    const { user } = await openInbox();
    await within(navigation()).findByRole('button', { name: 'Thông báo, 2 chưa đọc' });
    await user.click(card('Hồ sơ cần bổ sung giấy tờ'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Cần bổ sung giấy tờ' })).toBeInTheDocument();
    const reads = api.requests.filter((request) => request.path === '/api/v1/notifications/n-supplement/read');
    expect(reads).toHaveLength(1);
    expect(reads[0].method).toBe('POST');
    expect(inbox.notifications.find(({ id }) => id === 'n-supplement')?.readAt).not.toBeNull();
    expect(await within(navigation()).findByRole('button', { name: 'Thông báo, 1 chưa đọc' })).toBeInTheDocument();
  });

  it('opens a notification already read without marking it again', async () => {
    const { user } = await openInbox();
    installFollowUpProxy(api, [followedApplication({ id: 'app-3' })]);
    await user.click(card('Đã có kết quả'));
    await screen.findByRole('heading', { level: 1, name: 'Cơ quan đang giải quyết hồ sơ' });
    expect(api.requests.filter((request) => request.path.endsWith('/read'))).toHaveLength(0);
  });

  it('marks all as read: no unread mark left, no badge, and the button goes away', async () => {
    const { user } = await openInbox();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));

    expect(await screen.findByText('Bạn đã đọc hết thông báo.')).toBeInTheDocument();
    expect(within(inboxList()).queryByText('Chưa đọc')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Đánh dấu tất cả đã đọc' })).not.toBeInTheDocument();
    expect(notificationsTab()).toHaveAccessibleName('Thông báo');
    expect(navigation().querySelector('.nav-badge')).toBeNull();
    expect(api.requestsTo('/api/v1/notifications/read-all')).toHaveLength(1);
    expect(inbox.notifications.every((item) => item.readAt !== null)).toBe(true);
    expect(await screen.findByText('Đã đánh dấu tất cả thông báo là đã đọc')).toBeInTheDocument();
  });

  it('keeps the unread marks and says why when marking all fails', async () => {
    api.post('/api/v1/notifications/read-all', {
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bận. Hãy thử lại sau ít phút.' },
    });
    const { user } = await openInbox();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    expect(await screen.findByText('Hệ thống đang bận. Hãy thử lại sau ít phút.')).toBeInTheDocument();
    expect(within(inboxList()).getAllByText('Chưa đọc')).toHaveLength(2);
  });

  it('says when a notification came: just now, minutes or hours ago, yesterday, or the day', async () => {
    const now = Date.now();
    const vietnamMidnight = now - ((now + 7 * HOUR) % (24 * HOUR));
    const yesterdayAt1430 = vietnamMidnight - 24 * HOUR + 14 * HOUR + 30 * MINUTE;
    inbox.notifications = [
      notification({ id: 'a', title: 'Vừa gửi' }, 10_000),
      notification({ id: 'b', title: 'Hôm qua' }, now - yesterdayAt1430),
    ];
    await openInbox();
    expect(card('Vừa gửi')).toHaveTextContent('Vừa xong');
    expect(card('Hôm qua')).toHaveTextContent('Hôm qua lúc 14:30');
  });

  it('loads older notifications on request', async () => {
    inbox.notifications = Array.from({ length: 23 }, (_, index) =>
      notification({ id: `n-${index}`, title: `Thông báo số ${index + 1}`, readAt: '2026-01-01T00:00:00.000Z' }, (index + 1) * HOUR),
    );
    const { user } = await openInbox();
    expect(within(inboxList()).getAllByRole('link')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Xem thêm thông báo' }));
    expect(await screen.findByRole('link', { name: /Thông báo số 23\b/ })).toBeInTheDocument();
    expect(within(inboxList()).getAllByRole('link')).toHaveLength(23);
    expect(screen.queryByRole('button', { name: 'Xem thêm thông báo' })).not.toBeInTheDocument();
  });

  it('explains when there is nothing yet, and where to turn Zalo notifications on', async () => {
    inbox.notifications = [];
    renderAt('/notifications');
    expect(await screen.findByText('Chưa có thông báo nào')).toBeInTheDocument();
    expect(screen.getByText(/Khi hồ sơ của bạn được tiếp nhận, cần bổ sung giấy tờ/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Nhận thông báo qua Zalo/ })).toHaveAttribute('href', '/profile');
    expect(notificationsTab()).toHaveAccessibleName('Thông báo');
  });

  it('shows a skeleton while loading, then an error with Thử lại that asks again', async () => {
    // The list (not the badge's count) waits until the test answers it.
    const answer = deferred();
    const listRequests = () => api.requestsTo('/api/v1/notifications').filter(({ params }) => params.pageSize === 20);
    api.get('/api/v1/notifications', (request) =>
      request.params.pageSize === 20 && listRequests().length === 1 ? answer.promise : { status: 200, body: pageOf(inbox) },
    );
    const { user } = renderAt('/notifications');
    await waitFor(() => expect(listRequests()).toHaveLength(1));
    const loading = screen.getAllByRole('status').filter((element) => element.getAttribute('aria-busy') === 'true');
    expect(loading).toHaveLength(1);
    expect(loading[0]).toHaveTextContent('Đang tải…');
    expect(screen.queryByRole('list', { name: 'Thông báo của bạn' })).not.toBeInTheDocument();

    answer.release({
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bận. Hãy thử lại sau ít phút.' },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Hệ thống đang bận. Hãy thử lại sau ít phút.');

    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('list', { name: 'Thông báo của bạn' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains to a signed-out citizen and signs in when asked', async () => {
    zmpSdkMock.accessTokenError = { code: -1401 };
    const { user } = renderAt('/notifications');
    expect(await screen.findByText(/Bạn chưa cho phép Lào Cai số dùng tài khoản Zalo để đăng nhập/)).toBeInTheDocument();
    expect(screen.getByText('Bạn chưa đăng nhập')).toBeInTheDocument();
    expect(screen.getByText(/Thông báo về hồ sơ chỉ hiện khi bạn đã đăng nhập bằng Zalo/)).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/notifications')).toHaveLength(0);

    zmpSdkMock.accessTokenError = null;
    await user.click(screen.getByRole('button', { name: 'Đăng nhập lại' }));
    expect(await screen.findByRole('list', { name: 'Thông báo của bạn' })).toBeInTheDocument();
    expect(await within(navigation()).findByRole('button', { name: 'Thông báo, 2 chưa đọc' })).toBeInTheDocument();
  });
});

describe('the unread badge on the Thông báo tab', () => {
  it('shows on the home page too, and is asked for again when the app comes back to the foreground', async () => {
    api.get('/api/v1/procedures', { status: 200, body: { items: [], total: 0, page: 1, pageSize: 8 } });
    renderAt('/');
    expect(await within(navigation()).findByRole('button', { name: 'Thông báo, 2 chưa đọc' })).toBeInTheDocument();
    const asked = api.requestsTo('/api/v1/notifications');
    expect(asked.map((request) => request.params)).toEqual([{ page: 1, pageSize: 1, unread: true }]);

    // News arrives while Zalo is in the background.
    inbox.notifications.push(notification({ id: 'n-new', title: 'Hồ sơ cần nộp phí' }, MINUTE));
    const hidden = jest.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(api.requestsTo('/api/v1/notifications')).toHaveLength(1);
    hidden.mockReturnValue(false);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await within(navigation()).findByRole('button', { name: 'Thông báo, 3 chưa đọc' })).toBeInTheDocument();
    expect(navigation().querySelector('.nav-badge')).toHaveTextContent('3');
    hidden.mockRestore();
  });

  it('is not shown to a signed-out citizen, and nothing is asked for', async () => {
    zmpSdkMock.accessTokenError = { code: -2000 };
    api.get('/api/v1/procedures', { status: 200, body: { items: [], total: 0, page: 1, pageSize: 8 } });
    renderAt('/');
    await screen.findByRole('heading', { level: 1, name: 'Lào Cai số' });
    // Driven to the end rather than waited out: the sign-in has failed, and the tab's lazy count sync has loaded and run.
    await waitFor(() => expect(getSessionState().status).toBe('signed-out'));
    await act(async () => {
      await import('@/features/notifications/state/unread-count-sync');
    });
    expect(notificationsTab()).toHaveAccessibleName('Thông báo');
    expect(api.requestsTo('/api/v1/notifications')).toHaveLength(0);
  });
});
