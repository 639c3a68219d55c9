import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { followedApplication, installFollowUpProxy, type FollowUpProxy } from './follow-up-support';
import { photo, renderApp, uploadedFile } from './support';

endSessionAfterEachTest();

let api: FakeApi;
let proxy: FollowUpProxy;

async function openApplication(overrides: Parameters<typeof followedApplication>[0] = {}) {
  api = await installFakeApi();
  installIdentityProxy(api);
  let uploads = 0;
  api.post('/api/v1/uploads', ({ body }) => {
    uploads += 1;
    const file = (body as FormData).get('file') as File;
    return { status: 201, body: { id: `upload-${uploads}`, size: file.size, contentType: file.type } };
  });
  proxy = installFollowUpProxy(api, [followedApplication(overrides)]);
  const view = renderApp('/applications/app-1');
  await screen.findByRole('heading', { level: 1 });
  return view;
}

const todoBox = () => screen.getByRole('region', { name: 'Việc bạn cần làm' });
const fact = (container: HTMLElement, label: string) =>
  within(container).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('application page', () => {
  it('shows the status, the working days left, every step newest first and the documents sent', async () => {
    await openApplication();
    expect(screen.getByRole('heading', { level: 1, name: 'Cơ quan đang giải quyết hồ sơ' })).toBeInTheDocument();
    const official = screen.getByRole('region', { name: 'Mã hồ sơ' });
    expect(fact(official, 'Ngày hẹn trả kết quả')).toHaveTextContent('Thứ Hai, 30/11/2026');
    expect(within(official).getByText('Còn 3 ngày làm việc')).toBeInTheDocument();
    expect(screen.queryByText('Quá hạn')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Việc bạn cần làm' })).not.toBeInTheDocument();

    const timeline = screen.getByRole('region', { name: 'Quá trình xử lý' });
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[0]).toHaveTextContent('10:15 23/11/2026');
    expect(steps[0]).toHaveTextContent('Đang xử lý');
    expect(steps[0]).toHaveTextContent('Công chức Tư pháp – Hộ tịch · Nguyễn Văn Minh');
    expect(steps[0]).toHaveTextContent('Chuyển công chức tư pháp thẩm định.');
    expect(steps[1]).toHaveTextContent('09:30 22/11/2026');
    expect(steps[1]).toHaveTextContent('Được tiếp nhận');

    const documents = screen.getByRole('region', { name: 'Giấy tờ bạn đã gửi' });
    expect(documents).toHaveTextContent('Tờ khai đăng ký khai sinh (theo mẫu) — to-khai.jpg');
    // The receipt stays: reference, receipt code, share.
    expect(screen.getByRole('region', { name: 'Mã tham chiếu' })).toHaveTextContent('K7QH2M9X');
    expect(official).toHaveTextContent('04465-261122-0007');
    expect(screen.getByRole('button', { name: 'Chia sẻ' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Đánh giá dịch vụ' })).not.toBeInTheDocument();
  });

  it('marks an overdue application', async () => {
    await openApplication({ overdue: true, workingDaysLeft: -2 });
    const official = screen.getByRole('region', { name: 'Mã hồ sơ' });
    expect(within(official).getByText('Quá hạn')).toBeInTheDocument();
    expect(official).toHaveTextContent(/Đã quá ngày hẹn trả kết quả .* Bạn có thể gọi UBND xã Khao Mang để hỏi\./);
    expect(within(official).queryByText(/ngày làm việc/)).not.toBeInTheDocument();
  });

  describe('what the citizen needs to do', () => {
    const supplementRequested = {
      status: 'supplement-required',
      statusCode: 5,
      statusName: 'Yêu cầu bổ sung giấy tờ',
      needsAction: true,
      workingDaysLeft: null,
      supplement: {
        requestId: 'request-1',
        note: 'Nộp bản chụp rõ nét, đủ bốn góc.',
        documents: [{ name: 'Bản sao giấy khai sinh của mẹ' }, { name: 'Xác nhận nơi cư trú' }],
        requestedAt: '2026-11-24T01:00:00.000Z',
        previousDueAt: '2026-11-30T01:00:00.000Z',
        newDueAt: null,
      },
    } as const;

    it('5: lists exactly the documents the officer asked for and sends them once, with the same key on retry', async () => {
      const { user } = await openApplication({ ...supplementRequested, supplement: { ...supplementRequested.supplement, documents: [...supplementRequested.supplement.documents] } });
      expect(screen.getByRole('heading', { level: 1, name: 'Cần bổ sung giấy tờ' })).toBeInTheDocument();
      const box = todoBox();
      expect(fact(box, 'Lời nhắn của cán bộ')).toHaveTextContent('Nộp bản chụp rõ nét, đủ bốn góc.');
      expect(box).toHaveTextContent('Yêu cầu lúc 08:00 24/11/2026');
      const requested = within(box).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
      expect(requested).toEqual(['Bản sao giấy khai sinh của mẹ', 'Xác nhận nơi cư trú']);

      // One document only: "Gửi bổ sung" points at the missing one and sends nothing.
      const birthCopy = within(box).getByRole('region', { name: 'Bản sao giấy khai sinh của mẹ' });
      const residence = within(box).getByRole('region', { name: 'Xác nhận nơi cư trú' });
      await user.upload(within(birthCopy).getByLabelText(/Chọn ảnh hoặc PDF/), photo('khai-sinh-me.pdf', 80_000, 'application/pdf'));
      expect(await within(birthCopy).findByText(/Đã tải lên/)).toBeInTheDocument();
      await user.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
      expect(within(residence).getByText('Hãy tải lên giấy tờ này')).toBeInTheDocument();
      expect(residence).toHaveFocus();
      expect(api.requestsTo('/api/v1/applications/app-1/supplements')).toHaveLength(0);

      // The second document is compressed and uploaded like the form's.
      await user.upload(within(residence).getByLabelText(/Chụp ảnh/), photo('cu-tru.png', 2_000_000, 'image/png'));
      expect(await within(residence).findByText(/Đã tải lên/)).toBeInTheDocument();
      expect(uploadedFile(api.requestsTo('/api/v1/uploads')[1]).name).toBe('cu-tru.jpg');

      // The connection drops: the citizen sees it and tries again; the proxy gets the same key and body.
      proxy.supplementReplies.push({ networkError: true });
      await user.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
      expect(await within(box).findByRole('alert')).toHaveTextContent('Không kết nối được tới máy chủ');
      await user.click(within(box).getByRole('button', { name: 'Gửi bổ sung' }));
      expect(await within(box).findByText(/Đã gửi giấy tờ bổ sung/)).toBeInTheDocument();

      const sent = api.requestsTo('/api/v1/applications/app-1/supplements');
      expect(sent).toHaveLength(2);
      expect(sent[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[1].headers['idempotency-key']).toBe(sent[0].headers['idempotency-key']);
      expect(sent[1].headers.authorization).toBe('Bearer session-1');
      expect(sent[1].body).toEqual({
        attachments: [
          { documentName: 'Bản sao giấy khai sinh của mẹ', uploadId: 'upload-1' },
          { documentName: 'Xác nhận nơi cư trú', uploadId: 'upload-2' },
        ],
      });
      // And it looks at the application again.
      expect(api.requestsTo('/api/v1/applications/app-1').length).toBeGreaterThanOrEqual(2);
    });

    it('5: once the documents are on their way, says so instead of asking again, and lists them as sent', async () => {
      await openApplication({
        ...supplementRequested,
        supplement: { ...supplementRequested.supplement, documents: [...supplementRequested.supplement.documents] },
        supplements: [
          {
            id: 'supplement-1',
            state: 'pending',
            note: null,
            documents: [
              { documentName: 'Xác nhận nơi cư trú', fileName: 'cu-tru.jpg', size: 200_000, contentType: 'image/jpeg' },
            ],
            createdAt: '2026-11-24T02:00:00.000Z',
            forwardedAt: null,
          },
        ],
      });
      expect(within(todoBox()).getByRole('status')).toHaveTextContent('Đã gửi giấy tờ bổ sung.');
      expect(screen.queryByRole('button', { name: 'Gửi bổ sung' })).not.toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Giấy tờ bạn đã gửi' })).toHaveTextContent('Xác nhận nơi cư trú — cu-tru.jpg');
    });

    it('5 → 4: shows the new due date once the office has the documents', async () => {
      await openApplication({
        dueAt: '2026-12-04T10:00:00.000Z',
        supplement: {
          ...supplementRequested.supplement,
          documents: [...supplementRequested.supplement.documents],
          newDueAt: '2026-12-04T10:00:00.000Z',
        },
      });
      expect(screen.getByRole('note')).toHaveTextContent(
        'Hạn trả kết quả được tính lại từ khi cơ quan nhận đủ giấy tờ bổ sung: Thứ Sáu, 04/12/2026. Ngày hẹn cũ: Thứ Hai, 30/11/2026.',
      );
      expect(fact(screen.getByRole('region', { name: 'Mã hồ sơ' }), 'Ngày hẹn trả kết quả')).toHaveTextContent(
        'Thứ Sáu, 04/12/2026',
      );
      expect(screen.queryByRole('button', { name: 'Gửi bổ sung' })).not.toBeInTheDocument();
    });

    it('6: the amount in đồng, what it is for and how to pay', async () => {
      await openApplication({
        status: 'payment-required',
        statusCode: 6,
        statusName: 'Yêu cầu thực hiện nghĩa vụ tài chính',
        needsAction: true,
        fee: { amount: 150_000, description: 'Lệ phí đăng ký khai sinh quá hạn', paymentMethod: 'Nộp tiền mặt tại Bộ phận một cửa' },
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Cần nộp phí, lệ phí' })).toBeInTheDocument();
      const box = todoBox();
      expect(fact(box, 'Số tiền')).toHaveTextContent('150.000 đồng');
      expect(fact(box, 'Nội dung')).toHaveTextContent('Lệ phí đăng ký khai sinh quá hạn');
      expect(fact(box, 'Cách nộp')).toHaveTextContent('Nộp tiền mặt tại Bộ phận một cửa');
    });

    it('9: where and how to collect the result', async () => {
      await openApplication({
        status: 'ready',
        statusCode: 9,
        statusName: 'Đã xử lý xong',
        needsAction: true,
        canWithdraw: false,
        canRate: true,
        workingDaysLeft: null,
        result: { pickupPlace: 'Bộ phận một cửa UBND xã Khao Mang', pickupMethod: 'Nhận trực tiếp, mang theo CCCD', note: 'Từ 8:00 đến 17:00' },
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Đã có kết quả, mời bạn đến nhận' })).toBeInTheDocument();
      const box = todoBox();
      expect(fact(box, 'Nơi nhận')).toHaveTextContent('Bộ phận một cửa UBND xã Khao Mang');
      expect(fact(box, 'Cách nhận')).toHaveTextContent('Nhận trực tiếp, mang theo CCCD');
      expect(fact(box, 'Ghi chú')).toHaveTextContent('Từ 8:00 đến 17:00');
      expect(screen.queryByRole('button', { name: 'Rút hồ sơ' })).not.toBeInTheDocument();
    });

    it('3: why it was not accepted', async () => {
      await openApplication({
        status: 'refused',
        statusCode: 3,
        statusName: 'Không được tiếp nhận',
        canWithdraw: false,
        workingDaysLeft: null,
        reason: 'Thiếu giấy chứng sinh bản chính.',
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Hồ sơ không được tiếp nhận' })).toBeInTheDocument();
      const box = screen.getByRole('region', { name: 'Lý do không tiếp nhận' });
      expect(box).toHaveTextContent('Thiếu giấy chứng sinh bản chính.');
      expect(box).toHaveTextContent('nộp hồ sơ mới');
      expect(screen.queryByText('Tiếp theo')).not.toBeInTheDocument();
    });

    it('8: why processing stopped', async () => {
      await openApplication({
        status: 'stopped',
        statusCode: 8,
        statusName: 'Dừng xử lý',
        canWithdraw: false,
        workingDaysLeft: null,
        reason: 'Quá hạn bổ sung giấy tờ.',
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Hồ sơ đã bị dừng xử lý' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Lý do dừng xử lý' })).toHaveTextContent('Quá hạn bổ sung giấy tờ.');
    });

    it('a delay (Mẫu 04): the office’s apology and the new date', async () => {
      await openApplication({
        dueAt: '2026-12-03T10:00:00.000Z',
        delay: {
          apology: 'Do cần xác minh thêm, UBND xã xin lỗi vì trả kết quả chậm.',
          previousDueAt: '2026-11-30T01:00:00.000Z',
          newDueAt: '2026-12-03T10:00:00.000Z',
        },
      });
      const box = screen.getByRole('region', { name: 'Cơ quan xin lỗi vì trễ hẹn' });
      expect(box).toHaveTextContent('Do cần xác minh thêm, UBND xã xin lỗi vì trả kết quả chậm.');
      expect(fact(box, 'Ngày hẹn trả mới')).toHaveTextContent('Thứ Năm, 03/12/2026');
      expect(fact(box, 'Ngày hẹn cũ')).toHaveTextContent('Thứ Hai, 30/11/2026');
    });
  });

  it('withdraws only after a confirmation that names the consequence; "Không rút" sends nothing', async () => {
    const { user } = await openApplication();
    await user.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    let dialog = screen.getByRole('dialog', { name: 'Rút hồ sơ này?' });
    expect(dialog).toHaveTextContent('Cơ quan sẽ dừng giải quyết và bạn không thể tiếp tục hồ sơ này nữa.');
    await user.click(within(dialog).getByRole('button', { name: 'Không rút' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/app-1/withdrawal')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    dialog = screen.getByRole('dialog', { name: 'Rút hồ sơ này?' });
    await user.type(within(dialog).getByLabelText('Lý do rút hồ sơ (không bắt buộc)'), 'Đã nộp trực tiếp tại xã');
    await user.click(within(dialog).getByRole('button', { name: 'Rút hồ sơ' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Bạn đã rút hồ sơ' })).toBeInTheDocument();
    const [request] = api.requestsTo('/api/v1/applications/app-1/withdrawal');
    expect(request.body).toEqual({ reason: 'Đã nộp trực tiếp tại xã' });
    expect(request.headers.authorization).toBe('Bearer session-1');
    expect(screen.queryByRole('button', { name: 'Rút hồ sơ' })).not.toBeInTheDocument();
  });

  it('says why when the office has already decided and withdrawal is refused', async () => {
    const { user } = await openApplication();
    api.post('/api/v1/applications/:id/withdrawal', {
      status: 409,
      body: { statusCode: 409, code: 'WITHDRAWAL_NOT_ALLOWED', message: 'Hồ sơ đã được giải quyết, không thể rút.' },
    });
    await user.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    const dialog = screen.getByRole('dialog', { name: 'Rút hồ sơ này?' });
    await user.click(within(dialog).getByRole('button', { name: 'Rút hồ sơ' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Hồ sơ đã được giải quyết, không thể rút.');
  });

  it('takes one rating of 1–5 stars with an optional comment, then thanks the citizen', async () => {
    const ready = {
      status: 'ready',
      statusCode: 9,
      statusName: 'Đã xử lý xong',
      canWithdraw: false,
      canRate: true,
      result: { pickupPlace: 'Bộ phận một cửa UBND xã Khao Mang', pickupMethod: 'Nhận trực tiếp', note: null },
    };
    const { user, unmount } = await openApplication(ready);
    const rating = screen.getByRole('region', { name: 'Đánh giá dịch vụ' });
    const stars = within(rating).getAllByRole('radio');
    expect(stars.map((star) => star.closest('label')?.textContent)).toEqual([
      '5 sao — Rất hài lòng',
      '4 sao — Hài lòng',
      '3 sao — Bình thường',
      '2 sao — Không hài lòng',
      '1 sao — Rất không hài lòng',
    ]);

    // No stars chosen: it asks, and sends nothing.
    await user.click(within(rating).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(within(rating).getByRole('alert')).toHaveTextContent('Hãy chọn số sao');
    expect(api.requestsTo('/api/v1/applications/app-1/rating')).toHaveLength(0);

    await user.click(within(rating).getByRole('radio', { name: '4 sao — Hài lòng' }));
    await user.type(within(rating).getByLabelText('Góp ý (không bắt buộc)'), 'Cán bộ hướng dẫn tận tình');
    await user.click(within(rating).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await within(rating).findByText('Cảm ơn bạn đã đánh giá')).toBeInTheDocument();
    expect(within(rating).getByText('Bạn đã chấm 4/5 sao.')).toBeInTheDocument();
    expect(within(rating).queryByRole('radio')).not.toBeInTheDocument();
    const [request] = api.requestsTo('/api/v1/applications/app-1/rating');
    expect(request.body).toEqual({ stars: 4, comment: 'Cán bộ hướng dẫn tận tình' });

    // Opened again later: the proxy has the rating, so there is nothing more to rate.
    unmount();
    renderApp('/applications/app-1');
    const again = await screen.findByRole('region', { name: 'Đánh giá dịch vụ' });
    expect(within(again).getByText('Cảm ơn bạn đã đánh giá')).toBeInTheDocument();
    expect(within(again).queryByRole('radio')).not.toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/app-1/rating')).toHaveLength(1);
  });

  it('asks the proxy afresh each time the page opens, so a change by the office shows at once', async () => {
    const { user } = await openApplication();
    expect(screen.getByRole('heading', { level: 1, name: 'Cơ quan đang giải quyết hồ sơ' })).toBeInTheDocument();

    // Back to the Hồ sơ tab; meanwhile the office marks the result ready.
    await user.click(screen.getByRole('button', { name: 'Hồ sơ' }));
    await screen.findByRole('heading', { level: 1, name: 'Hồ sơ của tôi' });
    proxy.applications.set(
      'app-1',
      followedApplication({ status: 'ready', statusCode: 9, statusName: 'Đã xử lý xong', needsAction: true, canWithdraw: false }),
    );
    await user.click(await screen.findByRole('link', { name: /Đăng ký khai sinh/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đã có kết quả, mời bạn đến nhận' })).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/app-1')).toHaveLength(2);
  });
});
