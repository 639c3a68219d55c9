import { screen, within } from '@testing-library/react';
import { deferred, installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { apiError, followedApplication, installFollowUpProxy } from './follow-up-support';
import { forwardingApplication, installApplicationProxy, renderApp, storeDraft } from './support';

endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installIdentityProxy(api);
  installApplicationProxy(api);
});

const marriage = { code: '1.000894', name: 'Đăng ký kết hôn' };
const residence = { code: '1.004222', name: 'Đăng ký thường trú' };

describe('Hồ sơ tab', () => {
  it('lists the citizen’s applications, those needing action first, each with status, code, due date and badges', async () => {
    installFollowUpProxy(api, [
      followedApplication({ id: 'app-1', overdue: true, workingDaysLeft: -1 }),
      followedApplication({
        id: 'app-2',
        procedure: marriage,
        status: 'supplement-required',
        statusCode: 5,
        statusName: 'Yêu cầu bổ sung giấy tờ',
        receiptCode: '04465-261120-0003',
        needsAction: true,
      }),
      { ...forwardingApplication({ id: 'app-3', procedure: residence }), overdue: false, needsAction: false },
    ]);
    renderApp('/applications');
    const list = await screen.findByRole('list', { name: 'Hồ sơ đã nộp' });
    const cards = within(list).getAllByRole('link');
    expect(cards.map((card) => within(card).getByText(/^Đăng ký/).textContent)).toEqual([
      'Đăng ký kết hôn',
      'Đăng ký khai sinh',
      'Đăng ký thường trú',
    ]);

    expect(cards[0]).toHaveTextContent('Cần bổ sung giấy tờ');
    expect(within(cards[0]).getByText('Cần bạn xử lý')).toBeInTheDocument();
    expect(within(cards[0]).queryByText('Quá hạn')).not.toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('Mã hồ sơ: 04465-261120-0003');
    expect(cards[0]).toHaveAttribute('href', '/applications/app-2');

    expect(cards[1]).toHaveTextContent('Cơ quan đang giải quyết hồ sơ');
    expect(within(cards[1]).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(cards[1]).queryByText('Cần bạn xử lý')).not.toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('Hẹn trả kết quả: 30/11/2026');

    // Not yet at the one-stop desk: the app's own reference, no due date.
    expect(cards[2]).toHaveTextContent('Đang chuyển tới Bộ phận một cửa');
    expect(cards[2]).toHaveTextContent('Mã tham chiếu: K7QH2M9X');
    expect(cards[2]).not.toHaveTextContent('Hẹn trả');

    expect(api.requestsTo('/api/v1/applications')[0].headers.authorization).toBe('Bearer session-1');
    expect(screen.getByRole('link', { name: 'Tra cứu hồ sơ bằng mã hồ sơ' })).toHaveAttribute('href', '/lookup');
  });

  it('shows skeletons while loading, then a Vietnamese error with "Thử lại"', async () => {
    const reply = deferred();
    api.get('/api/v1/applications', () => reply.promise);
    const { user } = renderApp('/applications');
    expect(await screen.findByRole('status')).toHaveAttribute('aria-busy', 'true');
    reply.release(apiError(503, 'SERVICE_UNAVAILABLE', 'Hệ thống đang bảo trì. Hãy thử lại sau ít phút.'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hệ thống đang bảo trì. Hãy thử lại sau ít phút.');
    installFollowUpProxy(api, [followedApplication()]);
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('list', { name: 'Hồ sơ đã nộp' })).toHaveTextContent('Đăng ký khai sinh');
    expect(api.requestsTo('/api/v1/applications')).toHaveLength(2);
  });

  it('has a way to find a procedure when there is nothing yet', async () => {
    installFollowUpProxy(api, []);
    const { user } = renderApp('/applications');
    expect(await screen.findByText('Bạn chưa nộp hồ sơ nào')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hồ sơ đang làm dở' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Tìm thủ tục' }));
    expect(await screen.findByRole('searchbox', { name: 'Tìm thủ tục hành chính' })).toBeInTheDocument();
  });

  it('lists an application started on this phone as "Hồ sơ đang làm dở", with "Tiếp tục" back into the form', async () => {
    installFollowUpProxy(api, [followedApplication()]);
    const { user } = renderApp('/procedures/1.001193/apply?office=04465');
    await user.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    await user.type(await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ }), 'Lò Văn Sáng');

    await user.click(screen.getByRole('button', { name: 'Hồ sơ' }));
    const drafts = await screen.findByRole('region', { name: 'Hồ sơ đang làm dở' });
    // Above the submitted ones.
    expect(drafts.compareDocumentPosition(await screen.findByRole('list', { name: 'Hồ sơ đã nộp' }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const [draft] = within(drafts).getAllByRole('listitem');
    expect(await within(draft).findByText('Đăng ký khai sinh')).toBeInTheDocument();
    expect(draft).toHaveTextContent('UBND xã Khao Mang');
    expect(draft).toHaveTextContent(/Lưu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    await user.click(within(draft).getByRole('link', { name: 'Tiếp tục hồ sơ Đăng ký khai sinh' }));
    // Back at the step where the citizen left off, with what they typed.
    expect(await screen.findByRole('heading', { level: 2, name: 'Thông tin người nộp' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ })).toHaveValue('Lò Văn Sáng');
  });

  it('forgets a draft that was started again from scratch', async () => {
    installFollowUpProxy(api, []);
    const first = renderApp('/procedures/1.001193/apply?office=04465');
    await first.user.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    await first.user.type(await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ }), 'Lò');
    first.unmount();

    // Zalo opened again: the draft is listed, then started again from scratch.
    const { user } = renderApp('/applications');
    expect(await screen.findByRole('region', { name: 'Hồ sơ đang làm dở' })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: 'Tiếp tục hồ sơ Đăng ký khai sinh' }));
    await user.click(await screen.findByRole('button', { name: 'Làm lại từ đầu' }));
    await screen.findByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' });
    await user.click(screen.getByRole('button', { name: 'Hồ sơ' }));
    expect(await screen.findByText('Bạn chưa nộp hồ sơ nào')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Hồ sơ đang làm dở' })).not.toBeInTheDocument();
  });

  it('on the procedure page, offers a new application when there is no draft', async () => {
    renderApp('/procedures/1.001193');
    expect(await screen.findByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).toBeInTheDocument();
  });

  it('on the procedure page, reads "Tiếp tục hồ sơ đang làm dở" when a draft is on the phone', async () => {
    storeDraft('1.001193', { answers: { applicant_full_name: 'Lò Văn Sáng' }, updatedAt: '2026-11-22T01:00:00.000Z' });
    renderApp('/procedures/1.001193');
    const link = await screen.findByRole('link', { name: 'Tiếp tục hồ sơ đang làm dở' });
    expect(link).toHaveAttribute('href', '/procedures/1.001193/apply');
    expect(screen.queryByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).not.toBeInTheDocument();
  });
});
